import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { ConversationActions, DropdownComponent, IconComponent, LazyOutletComponent, NotificationService, SlotOutletComponent, type ConversationAction } from '@lc/platform/web';
import type { ConversationItem, ConversationKind } from '@lc/protocol';
import { ChatWindowsStore } from '../../data/chat-windows.store';
import { ConversationLook } from '../../data/conversation-look';
import { ConversationsStore } from '../../data/conversations.store';
import { DiscussApi, type Colleague } from '../../data/discuss-api.service';
import { ConversationAvatarComponent } from '../conversation-avatar.component';
import { ThreadComponent } from '../thread/thread.component';
import { ChannelsDialog } from './channels.dialog';
import { ColleaguePickerDialog } from './colleague-picker.dialog';
import { DiscussSidebarComponent } from './sidebar.component';

type OpenDialog = 'channels' | 'chat' | 'invite' | null;

/**
 * The Discuss app: the sidebar of conversations (under what other modules put at its top, the
 * `discussSidebar` slot), the selected one in full (its id is in the URL, so a reload keeps it), and
 * beside it the side panel its kind declares, if any.
 */
@Component({
  selector: 'lc-discuss-page',
  imports: [ChannelsDialog, ColleaguePickerDialog, ConversationAvatarComponent, DiscussSidebarComponent, DropdownComponent, IconComponent, LazyOutletComponent, RouterLink, SlotOutletComponent, ThreadComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './discuss.page.html',
  styleUrl: './discuss.page.css',
})
export default class DiscussPage {
  protected inviteTitle(): string {
    return $localize`:@@discuss.discuss.inviteTo:Invite to #${this.selected()?.name ?? ''}:CHANNEL:`;
  }
  /** Route parameter of /discuss/:id. */
  readonly id = input<string>();
  /** ?start=chat or ?start=channel (from the messaging menu's "New Message"). */
  readonly start = input<string>();

  protected readonly store = inject(ConversationsStore);
  protected readonly look = inject(ConversationLook);
  /** Other conversations' chat windows show as headers along the bottom here: the thread keeps clear of them. */
  protected readonly windows = inject(ChatWindowsStore);
  private readonly api = inject(DiscussApi);
  private readonly actionsRegistry = inject(ConversationActions);
  private readonly notifications = inject(NotificationService);
  private readonly router = inject(Router);

  protected readonly dialog = signal<OpenDialog>(null);
  /** Beside the thread on a wide screen; on a phone, instead of it, only when asked for (the header's info button). */
  protected readonly showPanel = signal(!inject(DOCUMENT).defaultView?.matchMedia?.('(max-width: 576px)').matches);

  protected readonly selectedId = computed(() => {
    const id = Number(this.id());
    return Number.isInteger(id) && id > 0 ? id : null;
  });
  protected readonly selected = computed(() => (this.selectedId() ? this.store.conversation(this.selectedId()!) : undefined));
  protected readonly notFound = computed(() => !!this.selectedId() && this.store.loaded() && !this.selected());
  protected readonly actions = computed(() => (this.selected() ? this.actionsRegistry.for(this.selected()!) : []));
  protected readonly subtitle = computed(() => (this.selected() ? this.look.subtitle(this.selected()!) : ''));
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
      this.notifications.success($localize`:@@discuss.discuss.invited:${colleague.name}:NAME: was invited to #${channel.name}:CHANNEL:.`);
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
    if (!c || !confirm($localize`:@@discuss.discuss.leaveConfirm:Leave ${this.look.title(c)}:CONVERSATION:? You will no longer receive its messages.`)) return;
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
