import { MESSAGE_MAX, type VisitorChat } from '../core/visitor-chat';
import { h, icon, ICONS } from './dom';
import { safe } from '../core/safe';

/** The character counter shows from here on. */
const COUNT_FROM = 3600;
const MAX_HEIGHT_PX = 110;

/** The message box and its send button; Enter sends, Shift+Enter starts a new line. */
export class Composer {
  readonly element: HTMLDivElement;
  private readonly input: HTMLTextAreaElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly count: HTMLDivElement;

  constructor(private readonly chat: VisitorChat) {
    this.input = h('textarea', {
      rows: '1',
      placeholder: chat.texts.t('widget.composer.placeholder'),
      'aria-label': chat.texts.t('widget.message'),
      oninput: () => safe(() => (this.fit(), chat.typed(this.input.value))),
      onkeydown: (e: KeyboardEvent) => {
        if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
          e.preventDefault();
          safe(() => this.send());
        }
      },
    });
    this.sendButton = h('button', { class: 'lc-send', type: 'button', 'aria-label': chat.texts.t('widget.send'), title: chat.texts.t('widget.send'), disabled: true, onclick: () => safe(() => (this.send(), this.input.focus())) }, icon(ICONS.send, 18));
    this.count = h('div', { class: 'lc-count', 'aria-live': 'polite', hidden: true });
    this.element = h('div', null, h('div', { class: 'lc-comp' }, this.input, this.sendButton), this.count);
  }

  set disabled(disabled: boolean) {
    this.input.disabled = disabled;
  }

  focus(): void {
    this.input.focus();
  }

  private send(): void {
    const text = this.input.value;
    if (!this.chat.canSend(text)) return;
    // Emptied (and shrunk) first, so that the list scrolls to the new message in its final height.
    this.input.value = '';
    this.fit();
    this.chat.send(text);
  }

  /** The send button, the counter near the limit, and the height (up to five lines or so). */
  private fit(): void {
    const n = this.input.value.trim().length;
    this.sendButton.disabled = !n || n > MESSAGE_MAX;
    this.count.hidden = n < COUNT_FROM;
    this.count.textContent = `${n} / ${MESSAGE_MAX}`;
    this.count.classList.toggle('over', n > MESSAGE_MAX);
    this.input.style.height = 'auto';
    this.input.style.height = Math.min(this.input.scrollHeight, MAX_HEIGHT_PX) + 'px';
  }
}
