import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { Router } from '@angular/router';
import { currentPath, DropdownComponent, IconComponent, SlotOutletComponent, ShownNamePipe } from '@lc/platform/web';
import type { ConversationItem, ConversationKind } from '@lc/protocol';
import { ChatWindowsStore } from '../../data/chat-windows.store';
import { Clock } from '../../data/clock';
import { ConversationLook } from '../../data/conversation-look';
import { ConversationsStore } from '../../data/conversations.store';
import { DiscussNotifier } from '../../data/notifier.service';
import { ConversationAvatarComponent } from '../conversation-avatar.component';
import { isDiscussPath } from '../current-path';
import { preview, relativeTime } from '../format';

type Tab = 'all' | ConversationKind;

/** Discuss's own tabs; the other modules' kinds add theirs after them. */
const ownTabs = (): Array<{ id: Tab; label: string }> => [
  { id: 'all', label: $localize`:@@discuss.messagingMenu.all:All` },
  { id: 'chat', label: $localize`:@@discuss.messagingMenu.chats:Chats` },
  { id: 'channel', label: $localize`:@@discuss.messagingMenu.channels:Channels` },
];

/**
 * The systray's messaging menu: the comments icon with the number of unread conversations, and their list,
 * under what other modules put at its top (the `messagingMenu` slot).
 */
@Component({
  selector: 'lc-messaging-menu',
  imports: [ConversationAvatarComponent, DropdownComponent, IconComponent, ShownNamePipe, SlotOutletComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './messaging-menu.component.html',
  styleUrl: './messaging-menu.component.css',
})
export class MessagingMenuComponent {
  protected readonly store = inject(ConversationsStore);
  protected readonly notifier = inject(DiscussNotifier);
  private readonly windows = inject(ChatWindowsStore);
  private readonly clock = inject(Clock);
  private readonly look = inject(ConversationLook);
  private readonly router = inject(Router);
  private readonly path = currentPath();
  private readonly dropdown = viewChild.required(DropdownComponent);

  protected readonly tabs = [...ownTabs(), ...this.look.declared.map((view) => ({ id: view.kind, label: view.label }))];
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
        preview: preview(conversation, myId, this.look.emptyPreview(conversation)),
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
