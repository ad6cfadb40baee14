import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { ConversationActions, IconComponent, NotificationService, PresenceStore, type ConversationAction } from '@lc/platform/web';
import type { ConversationItem, ConversationKind } from '@lc/protocol';
import { ChatWindowsStore } from '../../data/chat-windows.store';
import { ConversationsStore } from '../../data/conversations.store';
import { DiscussApi, type Colleague } from '../../data/discuss-api.service';
import { ConversationAvatarComponent } from '../conversation-avatar.component';
import { ThreadComponent } from '../thread/thread.component';
import { ChannelsDialog } from './channels.dialog';
import { ColleaguePickerDialog } from './colleague-picker.dialog';
import { DiscussSidebarComponent } from './sidebar.component';
import { VisitorPanelComponent } from './visitor-panel.component';

type OpenDialog = 'channels' | 'chat' | 'invite' | null;

const PRESENCE_LABELS = { online: 'Online', away: 'Away', offline: 'Offline' } as const;

/**
 * The Discuss app: the sidebar of conversations, the selected one in full (its id is in the URL, so a
 * reload keeps it), and for a live chat the visitor's details beside it.
 */
@Component({
  selector: 'lc-discuss-page',
  imports: [ChannelsDialog, ColleaguePickerDialog, ConversationAvatarComponent, DiscussSidebarComponent, IconComponent, RouterLink, ThreadComponent, VisitorPanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './discuss.page.html',
  styleUrl: './discuss.page.css',
})
export default class DiscussPage {
  /** Route parameter of /discuss/:id. */
  readonly id = input<string>();
  /** ?start=chat or ?start=channel (from the messaging menu's "New Message"). */
  readonly start = input<string>();

  protected readonly store = inject(ConversationsStore);
  /** Open chat windows show as headers along the bottom here: the thread keeps clear of them. */
  protected readonly windows = inject(ChatWindowsStore);
  private readonly api = inject(DiscussApi);
  private readonly actionsRegistry = inject(ConversationActions);
  private readonly presence = inject(PresenceStore);
  private readonly notifications = inject(NotificationService);
  private readonly router = inject(Router);

  protected readonly dialog = signal<OpenDialog>(null);
  protected readonly showVisitor = signal(true);

  protected readonly selectedId = computed(() => {
    const id = Number(this.id());
    return Number.isInteger(id) && id > 0 ? id : null;
  });
  protected readonly selected = computed(() => (this.selectedId() ? this.store.conversation(this.selectedId()!) : undefined));
  protected readonly notFound = computed(() => !!this.selectedId() && this.store.loaded() && !this.selected());
  protected readonly actions = computed(() => (this.selected() ? this.actionsRegistry.for(this.selected()!) : []));
  protected readonly subtitle = computed(() => {
    const c = this.selected();
    if (!c) return '';
    if (c.kind === 'channel') {
      const count = (c.members?.length ?? 0) + 1;
      return `${count} ${count === 1 ? 'member' : 'members'}`;
    }
    if (c.kind === 'chat') {
      const status = c.members?.[0] ? this.presence.status(c.members[0].id) : null;
      return status ? PRESENCE_LABELS[status] : '';
    }
    return c.livechat ? `Live chat · ${c.livechat.channelName}${c.livechat.status === 'ended' ? ' · Ended' : ''}` : 'Live chat';
  });
  protected readonly memberIds = computed(() => (this.selected()?.members ?? []).map((m) => m.id));

  constructor() {
    effect(() => {
      const start = this.start();
      if (!start) return;
      untracked(() => {
        this.dialog.set(start === 'channel' ? 'channels' : 'chat');
        void this.router.navigate([], { queryParams: { start: null }, queryParamsHandling: 'merge', replaceUrl: true });
      });
    });
  }

  protected onAdd(kind: ConversationKind): void {
    this.dialog.set(kind === 'channel' ? 'channels' : 'chat');
  }

  protected async startChat(colleague: Colleague): Promise<void> {
    try {
      this.show(await this.api.openChat(colleague.id));
    } catch {
      // The interceptor shows why.
    }
  }

  protected async invite(colleague: Colleague): Promise<void> {
    const channel = this.selected();
    if (!channel) return;
    try {
      this.store.add(await this.api.invite(channel.id, colleague.id));
      this.dialog.set(null);
      this.notifications.success(`${colleague.name} was invited to #${channel.name}.`);
    } catch {
      // The interceptor shows why.
    }
  }

  protected onChannelOpened(item: ConversationItem | number): void {
    if (typeof item === 'number') {
      this.dialog.set(null);
      void this.router.navigate(['/discuss', item]);
    } else this.show(item);
  }

  protected async leave(): Promise<void> {
    const c = this.selected();
    if (!c || !confirm(`Leave ${c.kind === 'channel' ? `#${c.name}` : c.name}? You will no longer receive its messages.`)) return;
    try {
      await this.store.leave(c.id);
      void this.router.navigate(['/discuss']);
    } catch {
      // The interceptor shows why.
    }
  }

  protected async run(action: ConversationAction): Promise<void> {
    const c = this.selected();
    if (c) await action.run(c);
  }

  private show(item: ConversationItem): void {
    this.store.add(item);
    this.dialog.set(null);
    void this.router.navigate(['/discuss', item.id]);
  }
}
