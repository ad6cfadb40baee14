import { inject, Injectable } from '@angular/core';
import { ConversationActions, NotificationService, type ModuleService, shownName } from '@lc/platform/web';
import { livechatOf } from './discuss/livechat-conversations';
import { LivechatApi } from './livechat-api.service';

/**
 * Adds "End conversation" to live chat conversations (chat window menu, Discuss header) while livechat
 * is enabled, without the discuss module knowing live chat: the server then posts "… ended the
 * conversation" and sends the updated item, which disables the composer everywhere.
 */
@Injectable({ providedIn: 'root' })
export class EndConversationAction implements ModuleService {
  private readonly actions = inject(ConversationActions);
  private readonly api = inject(LivechatApi);
  private readonly notifications = inject(NotificationService);
  private unregister?: () => void;

  start(): void {
    this.unregister = this.actions.register({
      id: 'livechat.end',
      label: $localize`:@@livechat.actions.endConversation:End conversation`,
      icon: 'end',
      danger: true,
      appliesTo: (conversation) => {
        const status = livechatOf(conversation)?.status;
        return conversation.kind === 'livechat' && !!status && status !== 'ended';
      },
      run: async (conversation) => {
        const chat = livechatOf(conversation)!;
        try {
          await this.api.closeSession(chat.sessionId);
          this.notifications.info($localize`:@@livechat.actions.conversationEnded:The conversation with ${shownName(chat.visitorName)}:VISITOR: has ended.`);
        } catch {
          // The interceptor shows why.
        }
      },
    });
  }

  stop(): void {
    this.unregister?.();
  }
}
