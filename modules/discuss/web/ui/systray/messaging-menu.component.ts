import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { Router } from '@angular/router';
import { DropdownComponent, IconComponent } from '@lc/platform/web';
import type { ConversationItem, ConversationKind } from '@lc/protocol';
import { ChatWindowsStore } from '../../data/chat-windows.store';
import { Clock } from '../../data/clock';
import { ConversationsStore } from '../../data/conversations.store';
import { DiscussNotifier } from '../../data/notifier.service';
import { ConversationAvatarComponent } from '../conversation-avatar.component';
import { currentPath, isDiscussPath } from '../current-path';
import { preview, relativeTime } from '../format';

type Tab = 'all' | ConversationKind;

const TABS: Array<{ id: Tab; label: string }> = [
  { id: 'all', label: 'All' },
  { id: 'chat', label: 'Chats' },
  { id: 'channel', label: 'Channels' },
  { id: 'livechat', label: 'Livechat' },
];

/** The systray's messaging menu: the comments icon with the number of unread conversations, and their list. */
@Component({
  selector: 'lc-messaging-menu',
  imports: [ConversationAvatarComponent, DropdownComponent, IconComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './messaging-menu.component.html',
  styleUrl: './messaging-menu.component.css',
})
export class MessagingMenuComponent {
  protected readonly store = inject(ConversationsStore);
  protected readonly notifier = inject(DiscussNotifier);
  private readonly windows = inject(ChatWindowsStore);
  private readonly clock = inject(Clock);
  private readonly router = inject(Router);
  private readonly path = currentPath();
  private readonly dropdown = viewChild.required(DropdownComponent);

  protected readonly tabs = TABS;
  protected readonly tab = signal<Tab>('all');
  protected readonly rows = computed(() => {
    const tab = this.tab();
    const myId = this.store.myId;
    const now = this.clock.now();
    return this.store
      .list()
      .filter((c) => tab === 'all' || c.kind === tab)
      .map((conversation) => ({
        conversation,
        preview: preview(conversation, myId),
        when: conversation.lastMessage ? relativeTime(conversation.lastMessage.createdAt, now) : '',
      }));
  });
  protected readonly showPermissionBanner = computed(() => this.notifier.permission() === 'default');

  protected open(conversation: ConversationItem): void {
    this.dropdown().close();
    if (isDiscussPath(this.path())) void this.router.navigate(['/discuss', conversation.id]);
    else this.windows.open(conversation.id);
  }

  protected markAsRead(event: Event, conversation: ConversationItem): void {
    event.stopPropagation();
    this.store.markSeen(conversation.id);
  }

  protected newMessage(): void {
    this.dropdown().close();
    void this.router.navigate(['/discuss'], { queryParams: { start: 'chat' } });
  }
}

export default MessagingMenuComponent;
