import { inject, Injectable } from '@angular/core';
import { ConversationActions, NotificationService, type ModuleService } from '@lc/platform/web';
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
      label: 'End conversation',
      icon: 'end',
      danger: true,
      appliesTo: (conversation) => conversation.kind === 'livechat' && !!conversation.livechat && conversation.livechat.status !== 'ended',
      run: async (conversation) => {
        try {
          await this.api.closeSession(conversation.livechat!.sessionId);
          this.notifications.info(`The conversation with ${conversation.livechat!.visitorName} has ended.`);
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
