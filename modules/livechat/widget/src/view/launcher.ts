import { h, icon, ICONS } from './dom';

/** The round button at the bottom right, its text label beside it and the unread badge. */
export class Launcher {
  readonly element: HTMLDivElement;
  private readonly label: HTMLButtonElement;
  private readonly button: HTMLButtonElement;
  private readonly badge: HTMLSpanElement;

  constructor(open: () => void) {
    this.label = h('button', { class: 'lc-label', type: 'button', tabindex: '-1', onclick: open });
    this.badge = h('span', { class: 'lc-badge', hidden: true });
    this.button = h('button', { class: 'lc-btn', type: 'button', onclick: open }, icon(ICONS.chat, 28), this.badge);
    this.element = h('div', { class: 'lc-launch' }, this.label, this.button);
  }

  /** `openLabel`: what a screen reader says of the button ("Open chat: …" in the visitor's language). */
  paint(text: string, openLabel: string): void {
    this.label.textContent = text;
    this.button.title = text;
    this.button.setAttribute('aria-label', openLabel);
  }

  /** `withLabel`: the channel has a button text (hidden while the badge shows). */
  renderBadge(unread: number, withLabel: boolean): void {
    this.badge.hidden = !unread;
    this.badge.textContent = String(unread);
    this.label.hidden = !withLabel || unread > 0;
  }

  focus(): void {
    this.button.focus();
  }
}
