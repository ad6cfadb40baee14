import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { currentPath, DropdownComponent, ShownNamePipe } from '@lc/platform/web';
import { ChatWindowsStore } from '../../data/chat-windows.store';
import { ConversationsStore } from '../../data/conversations.store';
import { ConversationAvatarComponent } from '../conversation-avatar.component';
import { discussConversationId, isDiscussPath } from '../current-path';
import { ChatWindowComponent } from './chat-window.component';

/**
 * The chat windows at the bottom right of every page (the shell's `dock` slot, outside the router outlet,
 * so they survive navigation): as many side by side as the viewport holds, the rest behind "+N". In
 * Discuss they are headers only, without the conversation Discuss shows, and on a phone not there at all
 * (Discuss's list has them, and headers would cover its composer).
 */
@Component({
  selector: 'lc-chat-dock',
  imports: [ChatWindowComponent, ConversationAvatarComponent, DropdownComponent, ShownNamePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <!-- The windows (and their threads, composers…) load with the first one shown: most pages open none. -->
    @if (docked().length) {
      @defer (on immediate) {
        @for (window of docked(); track window.conversationId) {
          <lc-chat-window [state]="window" [headerOnly]="onDiscuss()" />
        }
      }
    }
    @if (hidden().length) {
      <lc-dropdown class="lc-dock-more">
        <button type="button" dropdownToggle class="lc-dock-more-button" [attr.aria-label]="hidden().length + ' more chat windows'">
          +{{ hidden().length }}
          @if (hiddenUnread()) {
            <span class="lc-counter lc-dock-more-counter">{{ hiddenUnread() }}</span>
          }
        </button>
        <div dropdownMenu class="lc-dock-more-menu">
          @for (item of hidden(); track item.id) {
            <button type="button" class="lc-dropdown-item lc-dock-more-item" (click)="windows.open(item.id)">
              <lc-conversation-avatar [conversation]="item" [size]="24" />
              <span class="lc-dock-more-name" [class.unread]="item.unreadCount > 0">{{ item.name | shownName }}</span>
              @if (item.unreadCount > 0) {
                <span class="lc-counter">{{ item.unreadCount }}</span>
              }
            </button>
          }
        </div>
      </lc-dropdown>
    }
  `,
  styleUrl: './chat-dock.component.css',
  host: { '[class.on-discuss]': 'onDiscuss()' },
})
export class ChatDockComponent {
  protected readonly windows = inject(ChatWindowsStore);
  private readonly store = inject(ConversationsStore);
  private readonly path = currentPath();

  protected readonly onDiscuss = computed(() => isDiscussPath(this.path()));
  protected readonly docked = computed(() => (this.onDiscuss() ? this.windows.shownBeside(discussConversationId(this.path())) : this.windows.shown()));
  protected readonly hidden = computed(() => this.windows.hidden().flatMap((w) => this.store.conversation(w.conversationId) ?? []));
  protected readonly hiddenUnread = computed(() => this.hidden().filter((c) => c.unreadCount > 0).length);
}

export default ChatDockComponent;
