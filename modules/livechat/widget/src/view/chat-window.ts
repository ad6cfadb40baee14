import { safe } from '../core/safe';
import type { VisitorChat } from '../core/visitor-chat';
import { Composer } from './composer';
import { h, icon, ICONS } from './dom';
import { EndScreen } from './end-screen';
import { messageRows } from './message-list';
import { offlineForm } from './offline-form';
import { statusScreen } from './status-screen';

/** What the window's buttons do beyond the core; each runs `safe`. */
export interface WindowActions {
  minimise(): void;
  /** A new chat (or the form), focused once ready. */
  startAgain(): void;
  /** The ended chat's close button: the window goes, the next click on the launcher starts afresh. */
  dismiss(): void;
}

/** Scrolled less than this far from the bottom, the list follows new messages. */
const FOLLOW_PX = 60;

const initial = (name: string) => (name.trim()[0] || '?').toUpperCase();

/** The chat window: header, end-confirmation and queue bars, the body (messages, form or status), typing line, notice, footer. */
export class ChatWindow {
  readonly element: HTMLDivElement;
  private readonly avatar: HTMLDivElement;
  private readonly title: HTMLDivElement;
  private readonly subtitle: HTMLDivElement;
  private readonly endButton: HTMLButtonElement;
  private readonly closeButton: HTMLButtonElement;
  private readonly confirmBar: HTMLDivElement;
  private readonly queueBar: HTMLDivElement;
  private readonly body: HTMLDivElement;
  private readonly list: HTMLDivElement;
  private readonly typingLine: HTMLDivElement;
  private readonly note: HTMLDivElement;
  private readonly foot: HTMLDivElement;
  private readonly composer: Composer;
  private readonly ended: EndScreen;
  /** Kept while it shows, so that what the visitor typed survives a repaint. */
  private form: HTMLFormElement | null = null;
  private status: { key: string; element: HTMLElement } | null = null;
  /** The session "End this conversation?" asks about; the question goes with it. */
  private confirming: number | null = null;

  constructor(
    private readonly chat: VisitorChat,
    private readonly actions: WindowActions,
  ) {
    const t = chat.texts.t.bind(chat.texts);
    this.avatar = h('div', { class: 'lc-av', 'aria-hidden': 'true' });
    this.title = h('div', { class: 'lc-name' });
    this.subtitle = h('div', { class: 'lc-sub' });
    this.endButton = h('button', { class: 'lc-hb', type: 'button', 'aria-label': t('widget.header.end'), title: t('widget.header.end'), onclick: () => safe(() => this.askToEnd()) }, icon(ICONS.close));
    const minimiseButton = h('button', { class: 'lc-hb', type: 'button', 'aria-label': t('widget.header.minimise'), title: t('widget.header.minimiseShort'), onclick: actions.minimise }, icon(ICONS.down));
    this.closeButton = h('button', { class: 'lc-hb', type: 'button', 'aria-label': t('widget.header.close'), title: t('widget.close'), hidden: true, onclick: actions.dismiss }, icon(ICONS.close));
    const head = h('div', { class: 'lc-head' }, this.avatar, h('div', { class: 'lc-tt' }, this.title, this.subtitle), minimiseButton, this.endButton, this.closeButton);

    this.confirmBar = h(
      'div',
      { class: 'lc-bar lc-confirm', role: 'alertdialog', 'aria-label': t('widget.confirmEnd'), hidden: true },
      h('span', { text: t('widget.confirmEnd') }),
      h('button', { class: 'lc-sec', type: 'button', text: t('widget.cancel'), onclick: () => (this.hideConfirm(), this.composer.focus()) }),
      h('button', { class: 'lc-pri', type: 'button', text: t('widget.end'), onclick: () => safe(() => (this.hideConfirm(), chat.close())) }),
    );
    this.queueBar = h('div', { class: 'lc-bar lc-queue', role: 'status' });
    this.list = h('div', { role: 'log', 'aria-live': 'polite', 'aria-label': t('widget.messages') });
    this.body = h('div', { class: 'lc-body' });
    this.typingLine = h('div', { class: 'lc-typing', 'aria-live': 'polite' });
    this.note = h('div', { class: 'lc-note', role: 'alert' });
    this.composer = new Composer(chat);
    this.ended = new EndScreen(chat, actions.startAgain);
    this.foot = h('div', { class: 'lc-foot' });

    this.element = h('div', { class: 'lc-win', role: 'dialog', hidden: true }, head, this.confirmBar, this.queueBar, this.body, this.typingLine, this.note, this.foot);
    this.element.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      safe(() => (this.confirmBar.hidden ? actions.minimise() : (this.hideConfirm(), this.composer.focus())));
    });
  }

  render(): void {
    const { chat } = this;
    const inChat = chat.screen === 'chat';
    const ended = chat.status === 'ended';
    this.element.hidden = !chat.isOpen;
    this.renderHead();
    this.endButton.hidden = !inChat || ended || !chat.sessionId; // before the first message there is nothing to end
    this.closeButton.hidden = !(inChat && ended);
    if (!inChat || ended || this.confirming !== chat.sessionId) this.hideConfirm();
    this.queueBar.hidden = !inChat || chat.status !== 'queued';
    const t = chat.texts.t.bind(chat.texts);
    this.queueBar.replaceChildren(h('b', { text: chat.queuePosition ? t('widget.queue.position', { position: chat.queuePosition }) : t('widget.queue.waiting') }), t('widget.queue.shortly'));
    this.typingLine.hidden = !inChat || ended;
    this.composer.disabled = ended;
    if (chat.screen !== 'offline') this.form = null;
    if (inChat) {
      if (this.body.firstChild !== this.list) this.body.replaceChildren(this.list);
      this.body.classList.remove('plain');
      if (ended) this.ended.render();
      const footer = ended ? this.ended.element : this.composer.element;
      if (this.foot.firstChild !== footer) this.foot.replaceChildren(footer);
      this.foot.hidden = false;
      this.renderMessages();
    } else {
      this.foot.hidden = true;
      this.body.classList.add('plain');
      const content = chat.screen === 'offline' ? (this.form = this.form || offlineForm(chat)) : this.statusScreen();
      if (this.body.firstChild !== content) this.body.replaceChildren(content);
    }
    this.renderNotice();
  }

  /** The end screen's rating question changed (sent, thanked, refused). */
  renderRating(): void {
    if (this.chat.status === 'ended') this.ended.render();
  }

  renderHead(): void {
    const { chat } = this;
    const name = chat.channel!.name;
    const inChat = chat.screen === 'chat';
    const operator = inChat && chat.operator;
    const t = chat.texts.t.bind(chat.texts);
    const title = operator ? operator.name : inChat && chat.status === 'queued' ? t('widget.header.waiting') : name;
    this.title.textContent = title;
    this.subtitle.textContent = !inChat ? (chat.screen === 'offline' || chat.screen === 'thanks' ? t('widget.leaveMessage') : t('widget.liveChat')) : chat.status === 'ended' ? t('widget.ended') : operator || title !== name ? name : t('widget.liveChat');
    this.avatar.replaceChildren(operator ? initial(operator.name) : icon(ICONS.chat, 18));
    this.avatar.classList.toggle('on', !!operator && chat.status === 'active');
  }

  /** `toBottom`: the visitor just sent, show it; otherwise the list follows only a reader already at the bottom. */
  renderMessages(toBottom = false): void {
    const b = this.body;
    const atBottom = b.scrollHeight - b.scrollTop - b.clientHeight < FOLLOW_PX;
    this.list.replaceChildren(...messageRows(this.chat));
    if (toBottom || atBottom) this.scrollToBottom();
  }

  renderTyping(): void {
    const name = this.chat.operatorTyping.name;
    this.typingLine.replaceChildren();
    // The name in a <bdi>: right-to-left text in it cannot reorder the sentence.
    if (!name) return;
    const [before, after] = this.chat.texts.around('widget.typing', 'name');
    this.typingLine.append(h('span', { class: 'lc-dots', 'aria-hidden': 'true' }, h('i'), h('i'), h('i')), before, h('bdi', { text: name }), after);
  }

  renderNotice(): void {
    this.note.textContent = this.chat.notice;
    this.note.hidden = !this.note.textContent || !this.chat.isOpen;
  }

  scrollToBottom(): void {
    this.body.scrollTop = this.body.scrollHeight;
  }

  /** Where the visitor types next: the composer, "Start a new conversation", or the form's first field. */
  focus(): void {
    const { chat } = this;
    const target = chat.screen === 'chat' ? (chat.status !== 'ended' ? this.composer : this.ended.focusTarget()) : this.form && this.form.querySelector('input');
    if (target) target.focus();
  }

  hideConfirm(): void {
    this.confirming = null;
    this.confirmBar.hidden = true;
  }

  private askToEnd(): void {
    this.confirming = this.chat.sessionId;
    this.confirmBar.hidden = false;
    (this.confirmBar.querySelector('button') as HTMLElement).focus();
  }

  /** Made again only when what it says changes (a repaint would restart the spinner). */
  private statusScreen(): HTMLElement {
    const { screen, error } = this.chat;
    const key = `${screen}:${error}:${this.chat.texts.lang}`;
    if (!this.status || this.status.key !== key) this.status = { key, element: statusScreen(screen, error, this.chat.texts, this.actions) };
    return this.status.element;
  }
}
