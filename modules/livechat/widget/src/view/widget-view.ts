import { safe } from '../core/safe';
import type { Change, VisitorChat } from '../core/visitor-chat';
import { ChatWindow } from './chat-window';
import { h } from './dom';
import { Launcher } from './launcher';
import { STYLE } from './styles';

const isColor = (c: unknown): c is string => typeof c === 'string' && !!c && (!window.CSS || window.CSS.supports('color', c));

/** The widget on the page: an open shadow root on one <lc-livechat> element, the page's CSS and ours never meet. */
export class WidgetView {
  private readonly root: HTMLDivElement;
  private readonly launcher: Launcher;
  private readonly window: ChatWindow;

  /** `mountIn`: the page's body; the channel form's preview passes its own box (a containing block for fixed elements). */
  constructor(
    private readonly chat: VisitorChat,
    channelId: number,
    mountIn: HTMLElement = document.body,
  ) {
    const host = document.createElement('lc-livechat'); // a custom tag: no `div { … }` rule of the page applies
    host.setAttribute('style', 'all:initial;position:static;display:block;');
    host.setAttribute('data-livechat', String(channelId));
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.append(h('style', { text: STYLE }));
    this.launcher = new Launcher(() => safe(() => this.open(true)));
    this.window = new ChatWindow(chat, {
      minimise: () => safe(() => this.minimise()),
      startAgain: () => safe(() => chat.start()),
      dismiss: () => safe(() => this.dismiss()),
    });
    this.root = h('div', { class: 'lc' }, this.launcher.element, this.window.element);
    shadow.append(this.root);
    mountIn.append(host);
    this.paint();
    chat.onChange = (change) => this.update(change);
  }

  render(): void {
    this.launcher.element.hidden = this.chat.isOpen;
    this.renderBadge();
    this.window.render();
  }

  /** `byVisitor`: a click (focus goes in), not a window restored open after a reload. */
  open(byVisitor: boolean): void {
    this.chat.open(byVisitor);
    this.window.scrollToBottom();
    if (byVisitor) this.focus();
  }

  private minimise(): void {
    this.window.hideConfirm();
    this.chat.minimise();
    this.launcher.focus();
  }

  private dismiss(): void {
    this.chat.dismiss();
    this.launcher.focus();
  }

  private update(change: Change): void {
    switch (change) {
      case 'channel':
        return this.paint();
      case 'notice':
        return this.window.renderNotice();
      case 'typing':
        return this.window.renderTyping();
      case 'rating':
        return this.window.renderRating();
      case 'messages':
      case 'own-message':
        this.window.renderHead();
        this.window.renderMessages(change === 'own-message');
        return this.renderBadge();
      case 'ready':
        this.render();
        return this.focus();
      default:
        return this.render();
    }
  }

  /** Channel name, texts and colours. */
  private paint(): void {
    const channel = this.chat.channel!;
    const c = channel.colors || {};
    const set = (name: string, value: unknown, fallback: string) => this.root.style.setProperty(name, isColor(value) ? value : fallback);
    set('--lc-hb', c.header, '#71639e');
    set('--lc-ht', c.headerText, '#fff');
    set('--lc-bb', c.button, isColor(c.header) ? c.header : '#71639e');
    set('--lc-bt', c.buttonText, isColor(c.headerText) ? c.headerText : '#fff');
    const text = this.launcherText();
    this.launcher.paint(text, this.chat.texts.t('widget.launcher.open', { text }));
    this.window.element.setAttribute('aria-label', channel.name || this.chat.texts.t('widget.liveChat'));
    this.root.setAttribute('lang', this.chat.texts.lang);
  }

  /** Nobody online to answer (`available: false`): the launcher offers what opening it gives, a message form; nothing to a blocked visitor. */
  private launcherText(): string {
    const { channel, texts } = this.chat;
    return channel!.blocked ? texts.t('widget.notAvailable') : channel!.available === false ? texts.t('widget.leaveMessage') : channel!.buttonText || texts.t('widget.launcher.default');
  }

  private renderBadge(): void {
    const channel = this.chat.channel!;
    this.launcher.renderBadge(this.chat.unread, !!channel.buttonText || channel.available === false);
  }

  private focus(): void {
    if (this.chat.isOpen) this.window.focus();
  }
}
