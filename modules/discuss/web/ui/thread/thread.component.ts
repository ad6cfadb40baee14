import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked, viewChild } from '@angular/core';
import { IconComponent, LazyOutletComponent, shownName } from '@lc/platform/web';
import type { ConversationItem } from '@lc/protocol';
import { ConversationLook } from '../../data/conversation-look';
import { ConversationsStore } from '../../data/conversations.store';
import { TabFocus } from '../../data/tab-focus';
import { TypingStore } from '../../data/typing.store';
import { ComposerComponent } from './composer.component';
import { MessageListComponent } from './message-list.component';
import { TypingIndicatorComponent } from './typing-indicator.component';

/**
 * One conversation's messages, who is typing and the composer; the same in a chat window and in Discuss,
 * both reading the same store so that they stay in step. While `active` (shown, and for a chat window
 * focused) in the focused tab, what arrives is marked as read.
 */
@Component({
  selector: 'lc-thread',
  imports: [ComposerComponent, IconComponent, LazyOutletComponent, MessageListComponent, TypingIndicatorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './thread.component.html',
  styleUrl: './thread.component.css',
  host: { class: 'lc-thread', '[class.compact]': 'compact()', '[attr.data-conversation-id]': 'conversation().id' },
})
export class ThreadComponent {
  readonly conversation = input.required<ConversationItem>();
  /** In a chat window: compact, under the banner its kind declares, if any. */
  readonly compact = input(false);
  readonly active = input(false);

  protected readonly store = inject(ConversationsStore);
  private readonly look = inject(ConversationLook);
  private readonly typingStore = inject(TypingStore);
  private readonly focus = inject(TabFocus);
  private readonly composer = viewChild(ComposerComponent);

  protected readonly thread = computed(() => this.store.thread(this.conversation().id));
  protected readonly ended = computed(() => this.look.ended(this.conversation()));
  protected readonly banner = computed(() => (this.compact() ? this.look.banner(this.conversation()) : undefined));
  protected readonly placeholder = computed(() => $localize`:@@discuss.thread.messagePlaceholder:Message ${this.look.title(this.conversation())}:CONVERSATION:…`);
  /** The server names each author, a guest (visitor) too. */
  protected readonly typingNames = computed(() => this.typingStore.typing(this.conversation().id).map((author) => shownName(author.name)));

  constructor() {
    effect(() => {
      const id = this.conversation().id;
      untracked(() => void this.store.openThread(id));
    });
    effect(() => {
      const c = this.conversation();
      if (this.active() && this.focus.focused() && this.thread()?.ready && c.unreadCount > 0) untracked(() => this.store.markSeen(c.id));
    });
  }

  focusComposer(): void {
    this.composer()?.focus();
  }
}
