import { afterNextRender, ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, Injector, input, signal, untracked, viewChild } from '@angular/core';
import { Router } from '@angular/router';
import { ConversationActions, DropdownComponent, IconComponent, type ConversationAction, ShownNamePipe } from '@lc/platform/web';
import { ChatWindowsStore, type ChatWindowState } from '../../data/chat-windows.store';
import { ConversationsStore } from '../../data/conversations.store';
import { ConversationAvatarComponent } from '../conversation-avatar.component';
import { ThreadComponent } from '../thread/thread.component';

/**
 * Odoo's chat window: a 48 px header (avatar, name, unread counter; fold, open in Discuss, close) over
 * the thread. Messages count as read only while the window has the focus (a window that opened by itself
 * for an incoming live chat keeps its counter until the operator clicks into it).
 */
@Component({
  selector: 'lc-chat-window',
  imports: [ConversationAvatarComponent, DropdownComponent, IconComponent, ShownNamePipe, ThreadComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './chat-window.component.html',
  styleUrl: './chat-window.component.css',
  host: {
    class: 'lc-chat-window',
    tabindex: '-1',
    role: 'region',
    '[attr.aria-label]': "chatWith(conversation()?.name ?? '')",
    '[attr.data-conversation-id]': 'state().conversationId',
    '[class.folded]': 'folded()',
    '(focusin)': 'hasFocus.set(true)',
    '(focusout)': 'onFocusOut($event)',
  },
})
export class ChatWindowComponent {
  protected readonly openInDiscuss = $localize`:@@discuss.chatWindow.openInDiscuss:Open in Discuss`;
  protected readonly openLabel = $localize`:@@discuss.chatWindow.open:Open`;
  protected readonly foldLabel = $localize`:@@discuss.chatWindow.fold:Fold`;
  protected chatWith(name: string): string {
    return $localize`:@@discuss.chatWindow.chatWith:Chat with ${name}:NAME:`;
  }
  readonly state = input.required<ChatWindowState>();
  /** On the Discuss page the windows show as headers only: Discuss shows the conversations in full. */
  readonly headerOnly = input(false);

  private readonly windows = inject(ChatWindowsStore);
  private readonly store = inject(ConversationsStore);
  private readonly actionsRegistry = inject(ConversationActions);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly thread = viewChild(ThreadComponent);

  protected readonly hasFocus = signal(false);
  protected readonly conversation = computed(() => this.store.conversation(this.state().conversationId));
  protected readonly folded = computed(() => this.state().folded || this.headerOnly());
  protected readonly actions = computed(() => {
    const conversation = this.conversation();
    return conversation ? this.actionsRegistry.for(conversation) : [];
  });

  constructor() {
    effect(() => {
      const request = this.windows.focusRequest();
      if (request?.conversationId !== this.state().conversationId || this.folded()) return;
      untracked(() => {
        this.windows.focusRequest.set(null);
        afterNextRender(() => this.thread()?.focusComposer(), { injector: this.injector });
      });
    });
  }

  protected onHeaderClick(): void {
    if (this.headerOnly()) this.expand();
    else this.windows.toggleFold(this.state().conversationId);
  }

  protected toggleFold(): void {
    this.windows.toggleFold(this.state().conversationId);
  }

  protected expand(): void {
    const id = this.state().conversationId;
    this.windows.close(id);
    void this.router.navigate(['/discuss', id]);
  }

  protected close(): void {
    this.windows.close(this.state().conversationId);
  }

  protected async run(action: ConversationAction): Promise<void> {
    const conversation = this.conversation();
    if (!conversation) return;
    await action.run(conversation);
    // The menu entry that had the focus is gone: keep it in the window, which stays the one being read.
    this.host.focus();
  }

  protected onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (!next || !(event.currentTarget as HTMLElement).contains(next)) this.hasFocus.set(false);
  }
}
