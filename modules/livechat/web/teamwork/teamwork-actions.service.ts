import { inject, Injectable, signal } from '@angular/core';
import { ConversationActions, NotificationService, SessionService, type ModuleService, shownName } from '@lc/platform/web';
import type { ConversationItem, LivechatDetails } from '@lc/protocol';
import { livechatOf } from '../discuss/livechat-conversations';
import { LivechatApi } from '../livechat-api.service';

export interface TeamworkDialog {
  kind: 'transfer' | 'block';
  conversation: ConversationItem;
}

/**
 * "Transfer to…", "Ask for help" (or take the call back) and "Block visitor" on a live chat in progress,
 * in its chat window's menu and Discuss's header (ConversationActions), while livechat is enabled. Its
 * operator sees them all; a manager may transfer and block any chat. The dialogs show in the systray slot
 * (TeamworkDialogsComponent), above the chat windows.
 */
@Injectable({ providedIn: 'root' })
export class TeamworkActions implements ModuleService {
  private readonly actions = inject(ConversationActions);
  private readonly session = inject(SessionService);
  private readonly api = inject(LivechatApi);
  private readonly notifications = inject(NotificationService);
  private unregister: Array<() => void> = [];

  /** The dialog open now, if any. */
  readonly dialog = signal<TeamworkDialog | null>(null);

  start(): void {
    const live = (c: ConversationItem): LivechatDetails | null => {
      const chat = livechatOf(c);
      return c.kind === 'livechat' && chat && chat.status !== 'ended' ? chat : null;
    };
    const mine = (c: ConversationItem) => !!live(c) && live(c)!.operatorId === this.session.user()?.id;
    const mineOrManaged = (c: ConversationItem) => mine(c) || (!!live(c) && this.session.hasGroup('livechat_manager'));
    this.unregister = [
      this.actions.register({ id: 'livechat.transfer', label: $localize`:@@livechat.actions.transferTo:Transfer to…`, icon: 'transfer', appliesTo: mineOrManaged, run: async (c) => this.dialog.set({ kind: 'transfer', conversation: c }) }),
      this.actions.register({ id: 'livechat.help', label: $localize`:@@livechat.actions.askForHelp:Ask for help`, icon: 'lifebuoy', appliesTo: (c) => mine(c) && !live(c)!.needsHelp, run: (c) => this.askForHelp(c, true) }),
      this.actions.register({ id: 'livechat.help.cancel', label: $localize`:@@livechat.actions.cancelCallForHelp:Cancel the call for help`, icon: 'lifebuoy', appliesTo: (c) => mine(c) && live(c)!.needsHelp, run: (c) => this.askForHelp(c, false) }),
      this.actions.register({ id: 'livechat.block', label: $localize`:@@livechat.actions.blockVisitor:Block visitor`, icon: 'block', danger: true, appliesTo: mineOrManaged, run: async (c) => this.dialog.set({ kind: 'block', conversation: c }) }),
    ];
  }

  stop(): void {
    this.unregister.forEach((remove) => remove());
    this.unregister = [];
    this.dialog.set(null);
  }

  private async askForHelp(conversation: ConversationItem, needHelp: boolean): Promise<void> {
    const chat = livechatOf(conversation)!;
    try {
      await this.api.askForHelp(chat.sessionId, needHelp);
      if (needHelp) this.notifications.info($localize`:@@livechat.actions.helpAsked:Your colleagues in ${chat.channelName}:CHANNEL: are asked to help with ${shownName(chat.visitorName)}:VISITOR:.`);
    } catch {
      // The interceptor shows why.
    }
  }
}
