import { shownName, type ConversationKindView } from '@lc/platform/web';
import type { ConversationItem, LivechatConversationItem, LivechatDetails } from '@lc/protocol';

/** The details livechat's server adds to the Discuss item of a live chat (its `livechat` field). */
export const livechatOf = (conversation: ConversationItem): LivechatDetails | undefined => (conversation as LivechatConversationItem).livechat;

const ended = (conversation: ConversationItem) => livechatOf(conversation)?.status === 'ended';

/**
 * How Discuss shows live chats: a LIVECHAT section and tab, "Live chat · Website" under the name, the
 * visitor panel beside the thread and the visitor's language, channel and page above a chat window's.
 */
export const LIVECHAT_CONVERSATIONS: ConversationKindView = {
  kind: 'livechat',
  // Getters: the texts are read once the user's language is loaded, not when this file is.
  get label() {
    return $localize`:@@livechat.kind.label:Livechat`;
  },
  sequence: 10,
  subtitle: (conversation) => {
    const chat = livechatOf(conversation);
    if (!chat) return $localize`:@@livechat.kind.liveChat:Live chat`;
    return chat.status === 'ended'
      ? $localize`:@@livechat.kind.subtitleEnded:Live chat · ${chat.channelName}:CHANNEL: · Ended`
      : $localize`:@@livechat.kind.subtitle:Live chat · ${chat.channelName}:CHANNEL:`;
  },
  ended,
  // While it runs, its operator ends it ("End conversation") rather than leaving the visitor alone in it;
  // a colleague who joined to help leaves when done.
  canLeave: (conversation, me) => ended(conversation) || livechatOf(conversation)?.operatorId !== me,
  get emptyPreview() {
    return $localize`:@@livechat.kind.waitingForFirstMessage:Waiting for the first message`;
  },
  notificationTitle: (_conversation, message) => shownName(message.author.name, message.author.kind),
  // A live chat assigned to me: its window opens by itself, as in Odoo.
  opensWindow: (conversation) => !ended(conversation),
  get panel() {
    return { label: $localize`:@@livechat.kind.visitorDetails:Visitor details`, component: () => import('./visitor-panel.component').then((m) => m.VisitorPanelComponent) };
  },
  visitorAvatar: true,
  banner: () => import('./visitor-banner.component').then((m) => m.VisitorBannerComponent),
};
