import type { Message, OperatorRef, PublicChannel, SessionEvent, StartedSession, TypingEvent } from '@lc/protocol';
import { Connection, type SocketLike } from './connection';
import { OperatorNames } from './operator-names';
import { newClientId, Outbox } from './outbox';
import { RatingPrompt, type RatingValue } from './rating';
import { TranscriptCopy } from './transcript-copy';
import { safe } from './safe';
import { SessionStart } from './session-start';
import { hasSession, SavedStateStore, storageKey, type PageVisit, type SavedState, type StorageLike } from './saved-state';
import { OperatorTyping, TypingNotice } from './typing';
import { WidgetTexts, type TextPack } from './texts';
import { errorText, VisitorApi, type FetchLike, type Reply } from './visitor-api';

/** MESSAGE_BODY_MAX of libs/protocol, which the widget cannot import: it would bundle class-validator. */
export const MESSAGE_MAX = 4000;
/** The server keeps page URLs up to this length, titles up to this one, and this many pages before a session. */
const PAGE_URL_MAX = 2048;
const PAGE_TITLE_MAX = 300;
const PAGES_KEPT = 20;

export type SessionStatus = 'queued' | 'active' | 'ended';
/** What the window shows: the conversation, the leave-a-message form, or a centred status (`unavailable`: this visitor is blocked). */
export type Screen = 'chat' | 'offline' | 'thanks' | 'loading' | 'error' | 'unavailable';
/**
 * What changed, so that the view repaints only that part: `ready` is `all` once the composer or the form can
 * take the visitor's typing; `own-message` is `messages` after the visitor sent one (scrolled into view).
 */
export type Change = 'all' | 'ready' | 'channel' | 'messages' | 'own-message' | 'typing' | 'notice' | 'rating';

/** What the core needs from the browser; tests pass fakes. */
export interface ChatEnvironment {
  fetch: FetchLike;
  storage: StorageLike;
  openSocket(visitorToken: string): SocketLike;
  pageUrl(): string;
  pageTitle(): string;
  /** The visitor's languages, best first (navigator.languages): the widget speaks the best shipped match. */
  languages(): readonly string[];
}

const isMessage = (m: any): m is Message => !!m && typeof m.id === 'number' && typeof m.body === 'string' && !!m.author;

/**
 * The visitor's side of a live chat, without DOM: the channel, the session's life (started by the visitor's
 * first message, resumed, closed, ended),
 * its messages, the outbox, typing notices and what is saved for the next page. The view reads the public
 * fields and repaints on `onChange`; it changes them only through the methods.
 */
export class VisitorChat {
  channel: PublicChannel | null = null;
  screen: Screen | null = null;
  isOpen = false;
  /** Operator messages that arrived while the window was minimised. */
  unread = 0;
  /** Why the error screen shows. */
  error = '';
  /** Why the server ended the chat shown, when it says (blocked, live chat switched off): no rating, no new chat. */
  endReason = '';
  // The current (or last ended) session shown in the window.
  sessionId: number | null = null;
  conversationId: number | null = null;
  status: SessionStatus | null = null;
  operator: OperatorRef | null = null;
  queuePosition: number | null = null;
  readonly messages = new Map<number, Message>();
  readonly names = new OperatorNames();
  /** The widget's words in the visitor's language (English until their language has loaded). */
  readonly texts = new WidgetTexts();
  readonly outbox: Outbox;
  readonly operatorTyping = new OperatorTyping(() => this.changed('typing'));
  /** The end screen's "How was this conversation?". */
  readonly rating = new RatingPrompt((sessionId, body) => this.api.rate(sessionId, body, this.token), () => this.changed('rating'), (id) => this.texts.t(id));
  /** The end screen's "Send me a copy" (repainted with the rating: both are the end screen). */
  readonly transcriptCopy = new TranscriptCopy((sessionId, email) => this.api.emailTranscript(sessionId, email, this.token), () => this.changed('rating'), (id) => this.texts.t(id));
  onChange: (change: Change) => void = () => {};

  private token: string | null = null;
  /** Sent with every attempt to start the session of this first message, until one answers. */
  private startKey: string | null = null;
  /** The first GET of the messages answered: a later 401/404 ends the chat instead of forgetting it. */
  private synced = false;
  private lastMessageId = 0;
  private closing = false;
  private flashText = '';
  private flashUntil = 0;
  /** Pages seen before the session started (kept across pages), and the last one noted. */
  private pages: PageVisit[] = [];
  private lastPage = '';
  private readonly api: VisitorApi;
  private readonly store: SavedStateStore;
  private readonly connection: Connection;
  private readonly typingNotice: TypingNotice;
  private readonly sessionStart: SessionStart;

  constructor(
    server: string,
    channelId: number,
    private readonly env: ChatEnvironment,
  ) {
    this.api = new VisitorApi(server, channelId, env.fetch, () => env.languages());
    this.store = new SavedStateStore(env.storage, storageKey(server, channelId));
    this.connection = new Connection(env.openSocket, {
      connected: () => {
        safe(() => this.sync()); // after a reconnect: fetch and merge what was missed
        this.outbox.wake();
        this.changed('notice');
      },
      disconnected: () => this.changed('notice'),
      reconnecting: () => this.sync(),
      message: (m) => this.onMessage(m),
      session: (e) => this.onSessionEvent(e),
      typing: (e) => this.onTyping(e),
    });
    this.typingNotice = new TypingNotice({
      connected: () => this.connection.connected,
      emit: (typing) => this.connection.emit('typing', { conversationId: this.conversationId, typing }),
    });
    this.outbox = new Outbox({
      openSessionId: () => (this.status === 'ended' ? null : this.sessionId),
      shownSessionId: () => this.sessionId,
      post: (sessionId, m) => this.api.send(sessionId, { body: m.body, clientId: m.clientId }, this.token),
      sent: (reply) => {
        if (isMessage(reply.data)) this.add(reply.data, false);
        this.save();
        this.changed('own-message');
      },
      refused: (reply) => {
        this.flash(this.serverText(reply) || this.texts.t('widget.error.sendFailed'));
        this.save();
        this.changed('messages');
      },
      waiting: (status) => {
        if (status === 429) this.flash(this.texts.t('widget.error.tooFast'), 6000);
        this.changed('messages');
      },
      stopped: (status) => (status === 409 ? this.end() : this.forget(status)),
    });
    this.sessionStart = new SessionStart({
      wanted: () => this.screen === 'chat' && !this.sessionId && !!this.outbox.unsent().length && !this.followOtherTab(),
      request: () => this.requestSession(),
      started: (started) => {
        this.token = started.visitorToken;
        this.startKey = null;
        this.pages = []; // they went with the start
        this.adopt({ ...started, pending: this.outbox.items });
        this.queuePosition = started.queuePosition;
        this.save();
        this.changed('all');
      },
      refused: (reply) => {
        this.outbox.failAll();
        this.save();
        if (reply.status === 403) return this.unavailable();
        this.flash(this.serverText(reply) || this.texts.t('widget.error.startFailed'));
        this.changed('messages');
      },
      waiting: (status) => {
        this.outbox.items.forEach((p) => (p.retrying = true));
        if (status === 429) this.flash(this.texts.t('widget.error.tooManyStarts'), 6000);
        this.changed('messages');
      },
    });
  }

  get storageKey(): string {
    return this.store.key;
  }

  /** An ended chat that an operator answered can be rated (the server refuses the others, 409), unless the server ended it for a reason. */
  get canRate(): boolean {
    return this.status === 'ended' && !!this.sessionId && !!this.operator && !this.endReason;
  }

  /** Rates the ended chat shown; whether the server stored it. */
  rate(value: RatingValue, comment?: string): Promise<boolean> {
    return this.canRate ? this.rating.rate(this.sessionId!, value, comment) : Promise.resolve(false);
  }

  /** An ended chat can be mailed to the visitor when the server sends mail. */
  get canEmailTranscript(): boolean {
    return this.status === 'ended' && !!this.sessionId && !!this.channel?.emailTranscripts && !this.endReason;
  }

  /** Asks for a copy of the ended chat shown; whether the server took the request. */
  emailTranscript(email: string): Promise<boolean> {
    return this.canEmailTranscript ? this.transcriptCopy.send(this.sessionId!, email) : Promise.resolve(false);
  }

  /** The line above the composer: a recent problem, else a lost connection. */
  get notice(): string {
    if (Date.now() < this.flashUntil) return this.flashText;
    return this.connection.down && this.screen === 'chat' && this.status !== 'ended' ? this.texts.t('widget.error.reconnecting') : '';
  }

  /**
   * The channel's welcome as the server stored it, the conversation's first message (from its operator,
   * or the system while queued): shown instead of the local copy the window starts with.
   */
  get storedWelcome(): Message | null {
    const first = Array.from(this.messages.values()).sort((x, y) => x.id - y.id)[0];
    return first && first.author.kind !== 'visitor' && !!this.channel && first.body === this.channel.welcomeMessage ? first : null;
  }

  /** GET the channel's public info; on failure the last one known stays. */
  async loadChannel(): Promise<PublicChannel | null> {
    const lang = WidgetTexts.negotiate(this.env.languages());
    // The first time in another language than English, its words come with the channel (one small cached file).
    const texts = lang !== this.texts.lang ? this.api.texts(lang).catch(() => null) : null;
    try {
      // Before resume() (the first read at boot), the token is the one an earlier page saved.
      const r = await this.api.channel(this.token || this.store.load().visitorToken || null);
      if (r.status === 200 && r.data && typeof r.data.id === 'number') this.channel = r.data;
    } catch {
      /* keep the last known channel */
    }
    const pack = texts && (await texts);
    if (pack && pack.status === 200) this.texts.use(lang, pack.data as TextPack);
    if (this.channel) this.changed('channel');
    return this.channel;
  }

  /** Shows again the session an earlier page saved, if any; true when its window was open. */
  resume(): boolean {
    const saved = this.store.load();
    this.token = saved.visitorToken || null;
    this.pages = Array.isArray(saved.pages) ? saved.pages.slice(-PAGES_KEPT) : [];
    if (hasSession(saved)) this.adopt(saved);
    else if (Array.isArray(saved.pending) && saved.pending.length) {
      // A first message typed before the reload, its session not started yet: it starts now.
      this.screen = 'chat';
      this.startKey = saved.startKey || null;
      this.outbox.restore(saved.pending);
      safe(() => this.sessionStart.run());
    } else return false;
    return !!saved.open;
  }

  /**
   * Another tab of this site started a session: follow it here too. What this tab typed before it had a
   * session goes to that one (never a second session). True when it followed.
   */
  followOtherTab(): boolean {
    const saved = this.store.load();
    if (!hasSession(saved) || saved.sessionId === this.sessionId) return false;
    this.token = saved.visitorToken || null;
    const mine = this.sessionId ? [] : this.outbox.items;
    const theirs = (saved.pending || []).filter((p) => !mine.some((m) => m.clientId === p.clientId));
    this.adopt({ ...saved, pending: [...theirs, ...mine] });
    this.changed('all');
    return true;
  }

  /**
   * The page the visitor is on (a load, or a single-page site's navigation): reported at once while a chat
   * runs, else kept for the session's start. Once per page; only http(s) pages.
   */
  notePage(): void {
    const url = this.env.pageUrl();
    if (url === this.lastPage) return;
    this.lastPage = url;
    if (!/^https?:/i.test(url) || url.length > PAGE_URL_MAX) return;
    const title = this.env.pageTitle().trim().slice(0, PAGE_TITLE_MAX) || undefined;
    // A session another tab started meanwhile: this page is reported to it (and its saved state is never overwritten).
    if (!this.sessionId) this.followOtherTab();
    if (this.sessionId && this.status !== 'ended') {
      void this.api.reportPage(this.sessionId, { url, title }, this.token).catch(() => undefined); // best effort: a lost page is no harm
      return;
    }
    this.pages = [...this.pages, { url, title, at: new Date().toISOString() }].slice(-PAGES_KEPT);
    this.save();
  }

  /** The browser is online again: retry waiting messages now. */
  online(): void {
    this.sessionStart.wake();
    this.outbox.wake();
  }

  /** Opened by the visitor (or restored open): with nothing to show yet, a chat is started. */
  open(byVisitor: boolean): void {
    this.isOpen = true;
    this.unread = 0;
    if (byVisitor && (!this.screen || this.screen === 'thanks' || this.screen === 'error' || this.screen === 'unavailable')) safe(() => this.start());
    this.save();
    this.changed('all');
  }

  minimise(): void {
    this.isOpen = false;
    this.save();
    this.changed('all');
  }

  /**
   * The visitor asked to chat: the leave-a-message form when nobody is inside the channel, else the
   * composer under the channel's welcome. The session starts with the first message (`send`): a visitor
   * who only opens the window costs no session and pops up no operator's window.
   */
  async start(): Promise<void> {
    this.reset();
    this.screen = 'loading';
    this.changed('all');
    const channel = await this.loadChannel();
    if (!channel || !this.isOpen) {
      this.screen = channel ? null : 'error';
      this.error = this.texts.t('widget.error.unreachable');
      return this.changed('all');
    }
    if (channel.blocked) return this.unavailable();
    if (channel.operatorsInside === 0) {
      this.screen = 'offline';
      return this.changed('ready');
    }
    this.screen = 'chat';
    this.changed('ready');
  }

  /** POST sessions with the page URL and the start key, the token of an earlier session if any. */
  private async requestSession(): Promise<Reply<StartedSession>> {
    const href = this.env.pageUrl();
    if (!this.startKey) {
      this.startKey = newClientId();
      this.save(); // before the request: a reload while it runs retries with the same key
    }
    const pages = this.pages.length ? this.pages : undefined;
    const r = await this.api.startSession({ pageUrl: href.length <= PAGE_URL_MAX ? href : undefined, startKey: this.startKey, pages }, this.token);
    // A server without these extensions refuses the unknown fields: start with the plain body.
    return r.status === 400 ? this.api.startSession({}, this.token) : r;
  }

  /** The ended chat's close button: the window closes and forgets the chat; the launcher starts a new one. */
  dismiss(): void {
    if (this.status !== 'ended') return this.minimise();
    this.reset();
    this.screen = null;
    this.isOpen = false;
    this.save();
    this.changed('all');
  }

  /** "End conversation". */
  async close(): Promise<void> {
    const sessionId = this.sessionId;
    if (!sessionId || this.closing) return;
    this.closing = true;
    try {
      const r = await this.api.close(sessionId, this.token);
      if (sessionId !== this.sessionId) return;
      if (r.status < 300 || r.status === 409) this.end();
      else if (r.status === 401 || r.status === 404) this.forget(r.status);
      else this.flash(this.texts.t('widget.error.endFailed'));
    } catch {
      this.flash(this.texts.t('widget.error.endFailed'));
    } finally {
      this.closing = false;
    }
  }

  canSend(text: string): boolean {
    const body = text.trim();
    return !!body && body.length <= MESSAGE_MAX && this.screen === 'chat' && this.status !== 'ended';
  }

  send(text: string): void {
    if (!this.canSend(text)) return;
    this.typingNotice.stop();
    this.outbox.add(text.trim());
    this.save();
    this.changed('own-message');
    safe(() => (this.sessionId ? this.outbox.flush() : this.sessionStart.run()));
  }

  /** The composer's text changed. */
  typed(text: string): void {
    if (!text.trim()) return this.typingNotice.stop();
    if (this.sessionId && this.status !== 'ended') this.typingNotice.typed();
  }

  /** Posts the leave-a-message form: '' once sent (the thank-you screen shows), else what went wrong. */
  async leaveMessage(message: { name?: string; email: string; body: string }): Promise<string> {
    try {
      const r = await this.api.leaveMessage(message, this.token);
      if (r.status < 300) {
        this.screen = 'thanks';
        this.changed('all');
        return '';
      }
      if (r.status === 403) return this.texts.t('widget.notAvailable');
      return r.status === 429 ? this.texts.t('widget.error.tooFast') : this.serverText(r) || this.texts.t('widget.error.sendFailed');
    } catch {
      return this.texts.t('widget.error.offline');
    }
  }

  /** Shows a (restored or just started) session and connects to it. */
  private adopt(s: SavedState): void {
    this.reset();
    this.sessionId = s.sessionId!;
    this.conversationId = s.conversationId!;
    this.status = s.status === 'queued' ? 'queued' : 'active';
    this.operator = s.operator || null;
    if (this.operator) this.names.note(this.operator, Infinity);
    this.outbox.restore(s.pending);
    this.screen = 'chat';
    if (this.token) this.connection.connect(this.token);
    safe(() => this.sync());
    safe(() => this.outbox.flush());
  }

  private reset(): void {
    this.connection.disconnect();
    this.startKey = null;
    this.sessionId = null;
    this.conversationId = null;
    this.status = null;
    this.operator = null;
    this.queuePosition = null;
    this.messages.clear();
    this.outbox.clear();
    this.synced = false;
    this.lastMessageId = 0;
    this.flashUntil = 0;
    this.error = '';
    this.endReason = '';
    this.operatorTyping.set(null);
  }

  /** This visitor is blocked: the window says so, the launcher too once the channel is read again. */
  private unavailable(): void {
    this.reset();
    this.screen = 'unavailable';
    this.save();
    this.changed('all');
    void this.loadChannel();
  }

  private end(): void {
    if (this.status === 'ended') return;
    this.status = 'ended';
    this.typingNotice.stop();
    this.connection.disconnect();
    this.operatorTyping.set(null);
    this.outbox.failAll();
    this.save();
    this.changed('all');
  }

  /** The server no longer knows this session (404) or this visitor (401). */
  private forget(status: number): void {
    if (status === 401) this.token = null;
    if (this.synced) return this.end();
    // A restored session the server no longer has: start afresh, as if there had been none.
    this.reset();
    this.screen = null;
    this.isOpen = false;
    this.save();
    this.changed('all');
  }

  /** GET the whole conversation and merge it (by id) with what is shown. */
  private async sync(): Promise<void> {
    const sessionId = this.sessionId;
    if (!sessionId || this.status === 'ended') return;
    let r: Reply;
    try {
      r = await this.api.messages(sessionId, this.token);
    } catch {
      return;
    }
    if (sessionId !== this.sessionId) return;
    if (r.status === 401 || r.status === 404) return this.forget(r.status);
    if (r.status === 200 && Array.isArray(r.data)) {
      r.data.forEach((m) => isMessage(m) && this.add(m, this.synced));
      this.synced = true;
      this.changed('messages');
    }
  }

  private onMessage(m: unknown): void {
    if (isMessage(m) && m.conversationId === this.conversationId) {
      this.add(m, true);
      this.changed('messages');
    }
  }

  private onSessionEvent(e: SessionEvent): void {
    if (!e || e.sessionId !== this.sessionId || this.status === 'ended') return;
    if (e.status === 'ended') {
      this.endReason = typeof e.reason === 'string' ? this.texts.message({ body: e.reason, i18n: e.reasonI18n }) : '';
      if (this.endReason) void this.loadChannel();
      return this.end();
    }
    this.status = e.status === 'queued' ? 'queued' : 'active';
    this.queuePosition = e.queuePosition;
    if (e.operator) {
      this.names.note(e.operator, this.lastMessageId + 0.5);
      this.operator = { id: e.operator.id, name: this.names.of(e.operator.id, e.operator.name) };
    } else this.operator = null;
    this.save();
    this.changed('all');
  }

  private onTyping(e: TypingEvent): void {
    if (!e || e.conversationId !== this.conversationId || !e.author || e.author.kind === 'visitor') return;
    this.operatorTyping.set(e.typing ? this.names.display(e.author) : null);
  }

  /** `live`: it just happened (counts as unread while minimised), as opposed to history merged on a sync. */
  private add(m: Message, live: boolean): void {
    if (m.conversationId !== this.conversationId) return;
    const known = this.messages.has(m.id);
    this.messages.set(m.id, m);
    this.lastMessageId = Math.max(this.lastMessageId, m.id);
    const a = m.author;
    if (a.kind === 'visitor') {
      if (m.clientId && this.outbox.acknowledge(m.clientId)) this.save();
    } else if (a.kind === 'user' && a.id != null) {
      this.names.note(a, m.id);
      if (this.operator && this.operator.id === a.id) this.operator.name = this.names.of(a.id, a.name);
      if (!known) {
        // An operator writes: the session is theirs even if we missed the `livechat.session` event.
        if (this.status === 'queued' || !this.operator) {
          this.status = 'active';
          this.operator = { id: a.id, name: this.names.of(a.id, a.name) };
          this.save();
        }
        this.operatorTyping.set(null);
        if (live && !this.isOpen) this.unread++;
      }
    }
  }

  /** The server's own words on a refusal (English), shown only to a visitor reading English; else the widget's. */
  private serverText(reply: Reply): string | undefined {
    return this.texts.lang === 'en-US' ? errorText(reply.data) : undefined;
  }

  private flash(text: string, ms = 5000): void {
    this.flashText = text;
    this.flashUntil = Date.now() + ms;
    this.changed('notice');
    setTimeout(() => this.changed('notice'), ms + 10);
  }

  private save(): void {
    // Not started here but in another tab: its session is kept (and followed), never overwritten.
    if (!this.sessionId && this.screen === 'chat' && hasSession(this.store.load())) return;
    const live = !!this.sessionId && this.status !== 'ended';
    // Before its session, the first message is kept too: a reload starts the session with it.
    const unstarted = !this.sessionId && this.screen === 'chat';
    this.store.save({
      visitorToken: this.token || null,
      sessionId: live ? this.sessionId : null,
      conversationId: live ? this.conversationId : null,
      status: live ? (this.status as 'queued' | 'active') : null,
      operator: live ? this.operator : null,
      open: this.isOpen,
      pending: live || unstarted ? this.outbox.unsent() : [],
      ...(unstarted && this.startKey ? { startKey: this.startKey } : {}),
      ...(this.pages.length ? { pages: this.pages } : {}),
    });
  }

  private changed(change: Change): void {
    this.onChange(change);
  }
}
