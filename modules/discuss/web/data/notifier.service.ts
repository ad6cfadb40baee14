import { DOCUMENT } from '@angular/common';
import { inject, Injectable, signal } from '@angular/core';
import type { Subscription } from 'rxjs';
import { DocumentTitle, type ModuleService } from '@lc/platform/web';
import type { ConversationItem, Message } from '@lc/protocol';
import { ChatWindowsStore } from './chat-windows.store';
import { ConversationLook } from './conversation-look';
import { ConversationsStore } from './conversations.store';
import { TabFocus } from './tab-focus';

const SOUND_KEY = 'lc.discuss.sound';
type Permission = NotificationPermission | 'unsupported';

/**
 * Tells the user of messages that arrive while the tab is in the background: a counter in the tab title
 * "(2) …" (reset when they come back), a short beep (Web Audio, no file to download; optional) and a
 * desktop notification when the browser allows it. Permission is only asked when the user clicks for it.
 */
@Injectable({ providedIn: 'root' })
export class DiscussNotifier implements ModuleService {
  private readonly document = inject(DOCUMENT);
  private readonly conversations = inject(ConversationsStore);
  private readonly windows = inject(ChatWindowsStore);
  private readonly look = inject(ConversationLook);
  private readonly title = inject(DocumentTitle);
  private readonly focus = inject(TabFocus);
  private subscription?: Subscription;
  private audio?: AudioContext;
  private readonly onFocus = () => this.title.counter.set(0);
  /** Browsers only let audio start after a user gesture: the first click or key unlocks it. */
  private readonly unlockAudio = () => void this.audioContext()?.resume().catch(() => undefined);

  readonly soundEnabled = signal(this.storage()?.getItem(SOUND_KEY) !== 'off');
  readonly permission = signal<Permission>(typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);

  start(): void {
    this.subscription = this.conversations.incoming$.subscribe(({ conversation, message }) => this.onIncoming(conversation, message));
    this.document.defaultView?.addEventListener('focus', this.onFocus);
    this.document.addEventListener('pointerdown', this.unlockAudio, { once: true, capture: true });
    this.document.addEventListener('keydown', this.unlockAudio, { once: true, capture: true });
  }

  stop(): void {
    this.subscription?.unsubscribe();
    this.document.defaultView?.removeEventListener('focus', this.onFocus);
    this.title.counter.set(0);
  }

  toggleSound(): void {
    this.soundEnabled.update((on) => !on);
    this.storage()?.setItem(SOUND_KEY, this.soundEnabled() ? 'on' : 'off');
    if (this.soundEnabled()) this.beep();
  }

  async askPermission(): Promise<void> {
    if (typeof Notification === 'undefined') return;
    this.permission.set(await Notification.requestPermission());
  }

  private onIncoming(conversation: ConversationItem, message: Message): void {
    if (this.focus.focused() || message.author.kind === 'system') return;
    this.title.counter.update((n) => n + 1);
    if (this.soundEnabled()) this.beep();
    if (this.permission() === 'granted') this.desktopNotification(conversation, message);
  }

  private desktopNotification(conversation: ConversationItem, message: Message): void {
    const notification = new Notification(this.look.notificationTitle(conversation, message), { body: message.body.slice(0, 200), tag: `conversation-${conversation.id}` });
    notification.onclick = () => {
      this.document.defaultView?.focus();
      this.windows.open(conversation.id);
      notification.close();
    };
  }

  /** A soft two-tone "ding", a quarter of a second. */
  private beep(): void {
    const ctx = this.audioContext();
    if (!ctx || ctx.state !== 'running') return;
    const start = ctx.currentTime;
    const gain = ctx.createGain();
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.12, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.28);
    gain.connect(ctx.destination);
    const tone = ctx.createOscillator();
    tone.type = 'sine';
    tone.frequency.setValueAtTime(880, start);
    tone.frequency.setValueAtTime(660, start + 0.12);
    tone.connect(gain);
    tone.start(start);
    tone.stop(start + 0.3);
  }

  private audioContext(): AudioContext | undefined {
    const view = this.document.defaultView as (Window & { AudioContext?: typeof AudioContext }) | null;
    if (!this.audio && view?.AudioContext) this.audio = new view.AudioContext();
    return this.audio;
  }

  private storage(): Storage | undefined {
    try {
      return this.document.defaultView?.localStorage;
    } catch {
      return undefined;
    }
  }
}
