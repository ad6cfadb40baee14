import { afterRenderEffect, ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, viewChild } from '@angular/core';
import { ComposerSuggestionsDirective, IconComponent } from '@lc/platform/web';
import { ConversationsStore } from '../../data/conversations.store';
import { DraftsStore } from '../../data/drafts.store';
import { TypingStore } from '../../data/typing.store';

const BODY_MAX = 4000;
/** The box grows with its text up to this height, then scrolls. */
const MAX_HEIGHT_PX = 160;

/**
 * Odoo's composer: an auto-growing box; Enter sends, Shift+Enter is a new line; the others see us typing.
 * Its text is the conversation's draft, so a chat window and Discuss show the same one, kept until sent.
 */
@Component({
  selector: 'lc-composer',
  imports: [ComposerSuggestionsDirective, IconComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="lc-composer-box" [class.disabled]="disabled()">
      <textarea
        #box
        [lcComposerSuggestions]="conversationId()"
        rows="1"
        class="lc-composer-input"
        [placeholder]="placeholder()"
        [attr.aria-label]="placeholder()"
        [disabled]="disabled()"
        [value]="text()"
        (input)="onInput($any($event.target).value)"
        (keydown.enter)="onEnter($any($event))"
        (blur)="typing.userStopped(conversationId())"
      ></textarea>
      <button i18n-aria-label="@@discuss.composer.send" i18n-title="@@discuss.composer.sendEnter" type="button" class="lc-composer-send" title="Send (Enter)" aria-label="Send" [disabled]="!canSend()" (click)="send()">
        <lc-icon name="send" [size]="18" />
      </button>
    </div>
    @if (tooLong()) {
      <div i18n="@@discuss.composer.charactersShortenTheMessage" class="lc-composer-error">{{ text().trim().length // i18n(ph="TRIM_COUNT") }} / {{ bodyMax // i18n(ph="BODY_MAX") }} characters: shorten the message to send it.</div>
    }
  `,
  styleUrl: './composer.component.css',
  host: { class: 'lc-composer' },
})
export class ComposerComponent {
  readonly conversationId = input.required<number>();
  readonly placeholder = input($localize`:@@discuss.composer.writeAMessage:Write a message…`);
  readonly disabled = input(false);

  private readonly store = inject(ConversationsStore);
  private readonly drafts = inject(DraftsStore);
  protected readonly typing = inject(TypingStore);
  private readonly box = viewChild.required<ElementRef<HTMLTextAreaElement>>('box');
  protected readonly bodyMax = BODY_MAX;
  protected readonly text = computed(() => this.drafts.draft(this.conversationId()));
  protected readonly tooLong = computed(() => this.text().trim().length > BODY_MAX);
  protected readonly canSend = computed(() => !this.disabled() && !!this.text().trim() && !this.tooLong());

  constructor() {
    // A draft restored, or typed in the conversation's other composer, sizes the box too.
    afterRenderEffect(() => {
      this.text();
      this.resize();
    });
  }

  focus(): void {
    this.box().nativeElement.focus();
  }

  protected onInput(value: string): void {
    this.drafts.set(this.conversationId(), value);
    if (value.trim()) this.typing.userTyped(this.conversationId());
    else this.typing.userStopped(this.conversationId());
  }

  protected onEnter(event: KeyboardEvent): void {
    if (event.shiftKey || event.isComposing) return; // a new line, or an IME choosing characters
    event.preventDefault();
    this.send();
  }

  protected send(): void {
    if (!this.canSend()) return;
    this.store.send(this.conversationId(), this.text());
    this.typing.userStopped(this.conversationId());
    this.drafts.clear(this.conversationId());
    this.box().nativeElement.value = '';
    this.focus();
  }

  private resize(): void {
    const box = this.box().nativeElement;
    box.style.height = 'auto';
    box.style.height = `${Math.min(box.scrollHeight, MAX_HEIGHT_PX)}px`;
    box.style.overflowY = box.scrollHeight > MAX_HEIGHT_PX ? 'auto' : 'hidden';
  }
}
