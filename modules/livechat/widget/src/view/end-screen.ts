import type { RatingValue } from '../core/rating';
import type { TextId } from '../core/texts';
import { safe } from '../core/safe';
import type { VisitorChat } from '../core/visitor-chat';
import { h } from './dom';
import { TranscriptCopyForm } from './transcript-copy-form';

const FACES: Array<[RatingValue, string, TextId]> = [
  [5, '😊', 'widget.rate.happy'],
  [3, '😐', 'widget.rate.okay'],
  [1, '😞', 'widget.rate.unhappy'],
];

/**
 * What replaces the composer once the conversation has ended: "How was this conversation?" with Odoo's
 * three faces and an optional comment (when someone answered), then thanks; "Send me a copy" when the
 * server mails transcripts; and "Start a new conversation".
 * Built once; `render` follows the chat, keeping what the visitor typed while the same chat shows.
 */
export class EndScreen {
  readonly element: HTMLDivElement;
  private readonly ask: HTMLFormElement;
  private readonly faces: HTMLButtonElement[];
  private readonly comment: HTMLTextAreaElement;
  private readonly more: HTMLDivElement;
  private readonly error: HTMLParagraphElement;
  private readonly thanks: HTMLParagraphElement;
  private readonly startButton: HTMLButtonElement;
  private readonly title: HTMLParagraphElement;
  private readonly copy: TranscriptCopyForm;
  private chosen: RatingValue | null = null;
  private shownSession: number | null = null;

  constructor(
    private readonly chat: VisitorChat,
    startAgain: () => void,
  ) {
    const t = chat.texts.t.bind(chat.texts);
    this.faces = FACES.map(([value, face, label]) =>
      h('button', { type: 'button', class: 'lc-face', 'aria-label': t(label), title: t(label), 'aria-pressed': 'false', 'data-value': value, onclick: () => this.choose(value) }, face),
    );
    this.comment = h('textarea', { rows: 2, maxlength: 1000, placeholder: t('widget.rate.comment'), 'aria-label': t('widget.rate.commentLabel') });
    this.more = h('div', { class: 'lc-more', hidden: true }, this.comment, h('button', { class: 'lc-pri', type: 'submit', text: t('widget.send') }));
    this.error = h('p', { class: 'lc-err', role: 'alert' });
    this.ask = h('form', { class: 'lc-rate', onsubmit: (e: Event) => (e.preventDefault(), safe(() => this.send())) }, h('p', { class: 'lc-q', text: t('widget.rate.question') }), h('div', { class: 'lc-faces', role: 'group', 'aria-label': t('widget.rate.group') }, ...this.faces), this.more, this.error);
    this.thanks = h('p', { class: 'lc-thx', role: 'status', text: t('widget.rate.thanks') });
    this.startButton = h('button', { class: 'lc-pri', type: 'button', text: t('widget.startAgain'), onclick: startAgain });
    this.copy = new TranscriptCopyForm(chat);
    this.title = h('p');
    this.element = h('div', { class: 'lc-end' }, this.title, this.ask, this.thanks, this.copy.element, this.startButton);
  }

  render(): void {
    const { chat } = this;
    if (chat.sessionId !== this.shownSession) {
      // Another chat ended: a fresh question.
      this.shownSession = chat.sessionId;
      this.chosen = null;
      this.comment.value = '';
    }
    // Ended by the server for a reason (a block, live chat switched off): said, and nothing more to do.
    this.title.textContent = chat.endReason || chat.texts.t('widget.ended');
    this.startButton.hidden = !!chat.endReason;
    const state = chat.rating.stateFor(chat.sessionId);
    this.ask.hidden = !chat.canRate || state === 'thanks';
    this.thanks.hidden = state !== 'thanks';
    this.more.hidden = this.chosen === null;
    this.faces.forEach((b, i) => {
      b.setAttribute('aria-pressed', String(FACES[i][0] === this.chosen));
      b.disabled = state === 'sending';
    });
    this.error.textContent = chat.rating.error;
    this.error.hidden = !chat.rating.error;
    this.copy.render();
  }

  /** The first focusable: the faces while asking, else "Start a new conversation". */
  focusTarget(): HTMLElement {
    return this.ask.hidden ? (this.startButton.hidden ? this.title : this.startButton) : this.faces[0];
  }

  private choose(value: RatingValue): void {
    this.chosen = value;
    this.render();
    this.comment.focus();
  }

  private send(): void {
    if (this.chosen !== null) void this.chat.rate(this.chosen, this.comment.value);
  }
}
