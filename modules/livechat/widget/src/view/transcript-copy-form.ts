import { safe } from '../core/safe';
import { EMAIL_MAX } from '../core/transcript-copy';
import type { VisitorChat } from '../core/visitor-chat';
import { h } from './dom';

/**
 * The end screen's "Send me a copy": an email field and Send, then "A copy is on its way to …". Shown only
 * when the core says the ended chat can be mailed (the server sends mail).
 */
export class TranscriptCopyForm {
  readonly element: HTMLFormElement;
  private readonly ask: HTMLDivElement;
  private readonly email: HTMLInputElement;
  private readonly send: HTMLButtonElement;
  private readonly error: HTMLParagraphElement;
  private readonly done: HTMLParagraphElement;
  private shownSession: number | null = null;

  constructor(private readonly chat: VisitorChat) {
    const t = chat.texts.t.bind(chat.texts);
    this.email = h('input', { type: 'email', name: 'email', autocomplete: 'email', maxlength: String(EMAIL_MAX), placeholder: t('widget.copy.email'), 'aria-label': t('widget.copy.email') });
    this.send = h('button', { class: 'lc-sec', type: 'submit', text: t('widget.send') });
    this.error = h('p', { class: 'lc-err', role: 'alert' });
    this.ask = h('div', null, h('p', { class: 'lc-q', text: t('widget.copy.title') }), h('div', { class: 'lc-copy-row' }, this.email, this.send));
    this.done = h('p', { class: 'lc-thx', role: 'status' });
    this.element = h('form', { class: 'lc-copy', novalidate: true, onsubmit: (e: Event) => (e.preventDefault(), safe(() => this.chat.emailTranscript(this.email.value))) }, this.ask, this.error, this.done);
  }

  render(): void {
    const { chat } = this;
    if (chat.sessionId !== this.shownSession) {
      this.shownSession = chat.sessionId;
      this.email.value = '';
    }
    const copy = chat.transcriptCopy;
    const state = copy.stateFor(chat.sessionId);
    this.element.hidden = !chat.canEmailTranscript;
    this.ask.hidden = state === 'sent';
    this.send.disabled = state === 'sending';
    this.done.hidden = state !== 'sent';
    this.done.textContent = state === 'sent' ? chat.texts.t('widget.copy.sent', { email: copy.sentTo }) : '';
    this.error.textContent = copy.error;
    this.error.hidden = !copy.error;
  }
}
