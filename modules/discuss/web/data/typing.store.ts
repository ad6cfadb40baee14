import { inject, Injectable, signal } from '@angular/core';
import type { Subscription } from 'rxjs';
import { RealtimeService, SessionService, type ModuleService } from '@lc/platform/web';
import type { Message, MessageAuthor, TypingEvent } from '@lc/protocol';

interface Typist {
  author: MessageAuthor;
  expiresAt: number;
}

/** A "typing" we were told of fades after this long without news (the "stopped" event may be lost). */
const TYPING_TTL_MS = 8000;
/** While typing, we repeat "typing" this often so that the others' indicator does not fade. */
const TYPING_REPEAT_MS = 3000;
/** No keystroke for this long means we stopped. */
const TYPING_IDLE_MS = 4000;

/** A live chat has one visitor, whose typing events carry no id while their messages do. */
const authorKey = (a: MessageAuthor) => (a.kind === 'visitor' ? 'visitor' : `${a.kind}:${a.id ?? a.name}`);

/** Who is typing where (from `typing` events), and our own typing sent with a throttle. */
@Injectable({ providedIn: 'root' })
export class TypingStore implements ModuleService {
  private readonly realtime = inject(RealtimeService);
  private readonly session = inject(SessionService);
  private readonly typists = signal<ReadonlyMap<number, readonly Typist[]>>(new Map());
  private subscriptions: Subscription[] = [];
  private sweeper?: ReturnType<typeof setInterval>;
  private readonly ownTyping = new Map<number, { sentAt: number; idle?: ReturnType<typeof setTimeout> }>();

  start(): void {
    this.subscriptions = [
      this.realtime.on<TypingEvent>('typing').subscribe((event) => this.onEvent(event)),
      // A message ends its author's typing.
      this.realtime.on<Message>('message').subscribe((message) => this.remove(message.conversationId, message.author)),
    ];
    this.sweeper = setInterval(() => this.expire(), 1000);
  }

  stop(): void {
    this.subscriptions.forEach((s) => s.unsubscribe());
    clearInterval(this.sweeper);
    this.ownTyping.forEach((state) => clearTimeout(state.idle));
    this.ownTyping.clear();
    this.typists.set(new Map());
  }

  /** The authors typing in a conversation now (never ourselves). */
  typing(conversationId: number): readonly MessageAuthor[] {
    return (this.typists().get(conversationId) ?? []).map((t) => t.author);
  }

  /** Called on each keystroke of a composer: tells the others at most every few seconds. */
  userTyped(conversationId: number): void {
    const now = Date.now();
    const state = this.ownTyping.get(conversationId) ?? { sentAt: 0 };
    if (now - state.sentAt >= TYPING_REPEAT_MS) {
      state.sentAt = now;
      this.emit(conversationId, true);
    }
    clearTimeout(state.idle);
    state.idle = setTimeout(() => this.userStopped(conversationId), TYPING_IDLE_MS);
    this.ownTyping.set(conversationId, state);
  }

  /** Sent, cleared, or idle: the others' indicator goes away. */
  userStopped(conversationId: number): void {
    const state = this.ownTyping.get(conversationId);
    if (!state) return;
    clearTimeout(state.idle);
    this.ownTyping.delete(conversationId);
    this.emit(conversationId, false);
  }

  private emit(conversationId: number, typing: boolean): void {
    if (!this.realtime.isConnected) return;
    this.realtime.emit('typing', { conversationId, typing }).catch(() => undefined); // best effort
  }

  private onEvent({ conversationId, author, typing }: TypingEvent): void {
    if (author.kind === 'user' && author.id === this.session.user()?.id) return; // our other tab
    if (!typing) return this.remove(conversationId, author);
    const others = (this.typists().get(conversationId) ?? []).filter((t) => authorKey(t.author) !== authorKey(author));
    this.typists.update((map) => new Map(map).set(conversationId, [...others, { author, expiresAt: Date.now() + TYPING_TTL_MS }]));
  }

  private remove(conversationId: number, author: MessageAuthor): void {
    const list = this.typists().get(conversationId);
    if (!list?.some((t) => authorKey(t.author) === authorKey(author))) return;
    this.typists.update((map) => new Map(map).set(conversationId, list.filter((t) => authorKey(t.author) !== authorKey(author))));
  }

  private expire(): void {
    const now = Date.now();
    const map = this.typists();
    if (![...map.values()].some((list) => list.some((t) => t.expiresAt <= now))) return;
    this.typists.set(new Map([...map].map(([id, list]) => [id, list.filter((t) => t.expiresAt > now)])));
  }
}
