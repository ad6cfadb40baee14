import { io, type Socket } from 'socket.io-client';
import type { Message, OperatorRef, PublicChannel, SessionEvent, StartedSession, TypingEvent } from '@lc/protocol';
import { api, errorText, type Reply } from './api';
import { h, icon, ICONS } from './dom';
import { STYLE } from './styles';

const MAX = 4000;
const NEAR_MAX = 3600;

type Status = 'queued' | 'active' | 'ended';
type View = 'chat' | 'offline' | 'thanks' | 'loading' | 'error';

/** What survives navigation and reload, in localStorage under `lc-widget:<server>:<channel>`. */
interface Stored {
  visitorToken?: string | null;
  sessionId?: number | null;
  conversationId?: number | null;
  status?: 'queued' | 'active' | null;
  operator?: OperatorRef | null;
  open?: boolean;
  /** Messages typed but not yet acknowledged; re-posted with the same clientId (stored once). */
  pending?: Array<{ clientId: string; body: string }>;
}

interface Pending {
  clientId: string;
  body: string;
  failed?: boolean;
  retrying?: boolean;
}

const isColor = (c: unknown): c is string => typeof c === 'string' && !!c && (!window.CSS || window.CSS.supports('color', c));
const initial = (name: string) => (name.trim()[0] || '?').toUpperCase();
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function uuid(): string {
  const c = window.crypto;
  if (c && c.randomUUID) return c.randomUUID();
  const b = new Uint8Array(16);
  if (c) c.getRandomValues(b);
  else for (let i = 0; i < 16; i++) b[i] = (Math.random() * 256) | 0;
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

const warn = (e: unknown) => console.warn('[livechat]', e);
const isMessage = (m: any): m is Message => !!m && typeof m.id === 'number' && typeof m.body === 'string' && !!m.author;

export class Widget {
  private readonly key: string;
  private ch: PublicChannel | null = null;
  private st: Stored = {};
  // The current (or last ended) session shown in the window.
  private sid: number | null = null;
  private cid: number | null = null;
  private status: Status | null = null;
  private operator: OperatorRef | null = null;
  private queuePos: number | null = null;
  private msgs = new Map<number, Message>();
  private outbox: Pending[] = [];
  /** Latest name per operator id, with the sequence it was seen at (message id, or above for events). */
  private names = new Map<number, [string, number]>();
  private maxId = 0;
  private sock: Socket | null = null;
  private down = false;
  private view: View | null = null;
  private isOpen = false;
  private unread = 0;
  private synced = false;
  private flushing = false;
  private wake: (() => void) | null = null;
  private noteUntil = 0;
  private typedAt = 0;
  private typingT: any;
  private theirTypingT: any;
  private busy = false;
  private error = '';

  // DOM
  private root!: HTMLDivElement;
  private launch!: HTMLDivElement;
  private label!: HTMLButtonElement;
  private btn!: HTMLButtonElement;
  private badge!: HTMLSpanElement;
  private win!: HTMLDivElement;
  private av!: HTMLDivElement;
  private nameEl!: HTMLDivElement;
  private subEl!: HTMLDivElement;
  private endBtn!: HTMLButtonElement;
  private confirmBar!: HTMLDivElement;
  private queueBar!: HTMLDivElement;
  private body!: HTMLDivElement;
  private list!: HTMLDivElement;
  private typingEl!: HTMLDivElement;
  private note!: HTMLDivElement;
  private foot!: HTMLDivElement;
  private comp!: HTMLDivElement;
  private ta!: HTMLTextAreaElement;
  private sendBtn!: HTMLButtonElement;
  private count!: HTMLDivElement;
  private endedBox!: HTMLDivElement;
  private form: HTMLFormElement | null = null;

  constructor(
    private readonly origin: string,
    private readonly prefix: string,
    private readonly channelId: number,
  ) {
    this.key = `lc-widget:${origin}${prefix}:${channelId}`;
  }

  private url(path: string) {
    return this.origin + this.prefix + path;
  }

  async boot(): Promise<void> {
    const ch = await this.loadChannel();
    if (!ch) return; // server unreachable or unknown channel: no button at all
    this.st = this.load();
    this.build();
    window.addEventListener('storage', (e) => this.safe(() => e.key === this.key && this.onStorage()));
    window.addEventListener('online', () => this.wake && this.wake());
    if (this.st.sessionId && this.st.conversationId && this.st.visitorToken) {
      this.adopt(this.st);
      if (this.st.open) this.open(false);
    }
    this.render();
  }

  // ---------------------------------------------------------------- storage

  private load(): Stored {
    try {
      const v = JSON.parse(localStorage.getItem(this.key) || '{}');
      return v && typeof v === 'object' ? v : {};
    } catch {
      return {};
    }
  }

  private save(): void {
    const live = this.sid && this.status !== 'ended';
    this.st = {
      visitorToken: this.st.visitorToken || null,
      sessionId: live ? this.sid : null,
      conversationId: live ? this.cid : null,
      status: live ? (this.status as 'queued' | 'active') : null,
      operator: live ? this.operator : null,
      open: this.isOpen,
      pending: live ? this.outbox.filter((p) => !p.failed).map(({ clientId, body }) => ({ clientId, body })) : [],
    };
    try {
      localStorage.setItem(this.key, JSON.stringify(this.st));
    } catch {
      /* storage disabled or full: the chat still works on this page */
    }
  }

  /** Another tab of this site started a session: follow it here too. */
  private onStorage(): void {
    const s = this.load();
    if (s.sessionId && s.sessionId !== this.sid && s.conversationId && s.visitorToken) {
      this.st = s;
      this.adopt(s);
      this.render();
    }
  }

  // ---------------------------------------------------------------- session lifecycle

  private async loadChannel(): Promise<PublicChannel | null> {
    try {
      const r = await api<PublicChannel>(this.url(`/api/livechat/channels/${this.channelId}/public`));
      if (r.status === 200 && r.data && typeof r.data.id === 'number') this.ch = r.data;
    } catch {
      /* keep the last known channel */
    }
    if (this.ch && this.root) this.paint();
    return this.ch;
  }

  /** Shows a (restored or just started) session and connects to it. */
  private adopt(s: { sessionId?: number | null; conversationId?: number | null; status?: string | null; operator?: OperatorRef | null; pending?: Stored['pending'] }): void {
    this.reset();
    this.sid = s.sessionId!;
    this.cid = s.conversationId!;
    this.status = s.status === 'queued' ? 'queued' : 'active';
    this.operator = s.operator || null;
    if (this.operator) this.noteName(this.operator, Infinity);
    this.outbox = (Array.isArray(s.pending) ? s.pending : []).filter((p) => p && typeof p.body === 'string' && typeof p.clientId === 'string');
    this.view = 'chat';
    this.connect();
    this.safe(() => this.sync());
    this.safe(() => this.flush());
  }

  private reset(): void {
    this.disconnect();
    this.sid = this.cid = this.status = this.operator = this.queuePos = null;
    this.msgs.clear();
    this.outbox = [];
    this.synced = false;
    this.maxId = 0;
    this.down = false;
    this.noteUntil = 0;
    this.error = '';
    this.setTheirTyping(null);
    if (this.confirmBar) this.confirmBar.hidden = true;
  }

  /** The visitor asked to chat: the leave-a-message form when nobody is inside the channel, else a session. */
  private async begin(): Promise<void> {
    this.reset();
    this.view = 'loading';
    this.render();
    const ch = await this.loadChannel();
    if (!ch || !this.isOpen) {
      this.view = ch ? null : 'error';
      this.error = 'The chat is not reachable right now.';
      return this.render();
    }
    if (ch.operatorsInside === 0) {
      this.view = 'offline';
      this.form = null;
      this.render();
      return this.focus();
    }
    const path = this.url(`/api/livechat/channels/${this.channelId}/sessions`);
    let r: Reply<StartedSession> | null = null;
    try {
      r = await api<StartedSession>(path, 'POST', { pageUrl: location.href.slice(0, 500) }, this.st.visitorToken);
      // A server without the pageUrl extension refuses the unknown field: start with the plain body.
      if (r.status === 400) r = await api<StartedSession>(path, 'POST', {}, this.st.visitorToken);
    } catch {
      /* network */
    }
    const d = r && r.data;
    if (!r || r.status >= 300 || !d || !d.sessionId) {
      this.view = 'error';
      this.error = r && r.status === 429 ? 'Too many attempts. Please wait a minute and try again.' : 'We could not start the chat. Please try again.';
      return this.render();
    }
    this.st.visitorToken = d.visitorToken;
    this.adopt({ sessionId: d.sessionId, conversationId: d.conversationId, status: d.status, operator: d.operator });
    this.queuePos = d.queuePosition;
    this.save();
    this.render();
    this.focus();
  }

  private ended(): void {
    if (this.status === 'ended') return;
    this.status = 'ended';
    this.stopTyping();
    this.disconnect();
    this.setTheirTyping(null);
    this.confirmBar.hidden = true;
    this.outbox.forEach((p) => (p.failed = true));
    this.save();
    this.render();
  }

  /** The server no longer knows this session (404) or this visitor (401): forget it. */
  private lost(status: number): void {
    if (status === 401) this.st.visitorToken = null;
    if (this.synced) return this.ended();
    // A restored session the server no longer has: start afresh, as if there had been none.
    this.reset();
    this.view = null;
    this.isOpen = false;
    this.save();
    this.render();
  }

  private async endConversation(): Promise<void> {
    const sid = this.sid;
    if (!sid || this.busy) return;
    this.busy = true;
    try {
      const r = await api(this.url(`/api/livechat/sessions/${sid}/close`), 'POST', undefined, this.st.visitorToken);
      if (sid !== this.sid) return;
      if (r.status < 300 || r.status === 409) this.ended();
      else if (r.status === 401 || r.status === 404) this.lost(r.status);
      else this.flash('Could not end the conversation. Please try again.');
    } catch {
      this.flash('Could not end the conversation. Please try again.');
    } finally {
      this.busy = false;
    }
  }

  // ---------------------------------------------------------------- real time

  private connect(): void {
    const token = this.st.visitorToken;
    if (!token || this.sock) return;
    const s = io(this.origin, {
      path: this.prefix + '/socket.io',
      auth: { visitorToken: token },
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      forceNew: true,
    });
    this.sock = s;
    const on = (ev: string, fn: (x: any) => void) => s.on(ev, (x: any) => this.safe(() => this.sock === s && fn(x)));
    on('connect', () => {
      this.down = false;
      this.safe(() => this.sync()); // after a reconnect: fetch and merge what was missed
      if (this.wake) this.wake();
      this.renderNote();
    });
    on('disconnect', (reason: string) => {
      this.down = true;
      this.renderNote();
      // socket.io reconnects by itself, except when the server closed the connection.
      if (reason === 'io server disconnect') setTimeout(() => this.sock === s && (this.safe(() => this.sync()), s.connect()), 3000);
    });
    on('connect_error', () => {
      // Refused by the server (not a network blip, which socket.io retries itself): check the session, try again later.
      if (!s.active) setTimeout(() => this.sock === s && (this.safe(() => this.sync()), s.connect()), 10000);
    });
    on('message', (m) => {
      if (isMessage(m) && m.conversationId === this.cid) {
        this.add(m, true);
        this.renderList();
      }
    });
    on('livechat.session', (e: SessionEvent) => this.onSession(e));
    on('typing', (e: TypingEvent) => {
      if (!e || e.conversationId !== this.cid || !e.author || e.author.kind === 'visitor') return;
      this.setTheirTyping(e.typing ? this.displayName(e.author) : null);
    });
  }

  private disconnect(): void {
    const s = this.sock;
    this.sock = null;
    if (s) s.disconnect();
  }

  private onSession(e: SessionEvent): void {
    if (!e || e.sessionId !== this.sid || this.status === 'ended') return;
    if (e.status === 'ended') return this.ended();
    this.status = e.status === 'queued' ? 'queued' : 'active';
    this.queuePos = e.queuePosition;
    if (e.operator) {
      this.noteName(e.operator, this.maxId + 0.5);
      this.operator = { id: e.operator.id, name: this.nameOf(e.operator.id, e.operator.name) };
    } else this.operator = null;
    this.save();
    this.render();
  }

  /** GET the whole conversation and merge it (by id) with what is shown. */
  private async sync(): Promise<void> {
    const sid = this.sid;
    if (!sid || this.status === 'ended') return;
    let r: Reply;
    try {
      r = await api(this.url(`/api/livechat/sessions/${sid}/messages`), 'GET', undefined, this.st.visitorToken);
    } catch {
      return;
    }
    if (sid !== this.sid) return;
    if (r.status === 401 || r.status === 404) return this.lost(r.status);
    if (r.status === 200 && Array.isArray(r.data)) {
      r.data.forEach((m) => isMessage(m) && this.add(m, this.synced));
      this.synced = true;
      this.renderList();
    }
  }

  // ---------------------------------------------------------------- messages

  private add(m: Message, live: boolean): void {
    if (m.conversationId !== this.cid) return;
    const known = this.msgs.has(m.id);
    this.msgs.set(m.id, m);
    this.maxId = Math.max(this.maxId, m.id);
    const a = m.author;
    if (a.kind === 'visitor') {
      const n = this.outbox.length;
      if (m.clientId) this.outbox = this.outbox.filter((p) => p.clientId !== m.clientId);
      if (n !== this.outbox.length) this.save();
    } else if (a.kind === 'user' && a.id != null) {
      this.noteName(a as OperatorRef, m.id);
      if (this.operator && this.operator.id === a.id) this.operator.name = this.nameOf(a.id, a.name);
      if (!known) {
        // An operator writes: the session is theirs even if we missed the `livechat.session` event.
        if (this.status === 'queued' || !this.operator) {
          this.status = 'active';
          this.operator = { id: a.id, name: this.nameOf(a.id, a.name) };
          this.save();
        }
        this.setTheirTyping(null);
        if (live && !this.isOpen) this.unread++;
      }
      this.paintHead();
    }
  }

  private noteName(op: { id: number | null; name: string }, seq: number): void {
    if (op.id == null || typeof op.name !== 'string') return;
    const cur = this.names.get(op.id);
    if (!cur || seq >= cur[1]) this.names.set(op.id, [op.name, seq]);
  }

  private nameOf(id: number, fallback: string): string {
    const n = this.names.get(id);
    return n ? n[0] : fallback;
  }

  private displayName(a: { kind: string; id: number | null; name: string }): string {
    return a.kind === 'user' && a.id != null ? this.nameOf(a.id, a.name) : a.name;
  }

  private send(): void {
    const body = this.ta.value.trim();
    if (!body || body.length > MAX || !this.sid || this.status === 'ended') return;
    this.ta.value = '';
    this.onType();
    this.stopTyping();
    this.outbox.push({ clientId: uuid(), body });
    this.save();
    this.renderList(true);
    this.safe(() => this.flush());
  }

  /** Posts the outbox in order; a network failure retries with the same clientId (the server stores it once). */
  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    let delay = 1000;
    try {
      for (;;) {
        const sid = this.sid;
        const p = this.outbox.find((x) => !x.failed);
        if (!p || !sid || this.status === 'ended') break;
        let r: Reply | null = null;
        try {
          r = await api(this.url(`/api/livechat/sessions/${sid}/messages`), 'POST', { body: p.body, clientId: p.clientId }, this.st.visitorToken);
        } catch {
          /* network: retry below */
        }
        if (sid !== this.sid) break;
        const st = r ? r.status : 0;
        if (st >= 200 && st < 300) {
          this.outbox = this.outbox.filter((x) => x !== p);
          if (isMessage(r!.data)) this.add(r!.data, false);
          this.save();
          this.renderList(true);
          delay = 1000;
          continue;
        }
        if (st === 409) return this.ended();
        if (st === 401 || st === 404) return this.lost(st);
        if (st === 400) {
          p.failed = true;
          this.flash(errorText(r!.data) || 'This message could not be sent.');
          this.save();
          this.renderList();
          continue;
        }
        // 429, 5xx or no network: wait, then try again with the same clientId.
        p.retrying = true;
        if (st === 429) this.flash('You are sending messages too fast', 6000);
        this.renderList();
        await new Promise<void>((res) => {
          this.wake = res;
          setTimeout(res, st === 429 ? 6000 : delay);
        });
        this.wake = null;
        delay = Math.min(delay * 2, 30000);
      }
    } finally {
      this.flushing = false;
    }
  }

  // ---------------------------------------------------------------- typing

  private onType(): void {
    const n = this.ta.value.trim().length;
    this.sendBtn.disabled = !n || n > MAX;
    this.count.hidden = n < NEAR_MAX;
    this.count.textContent = `${n} / ${MAX}`;
    this.count.classList.toggle('over', n > MAX);
    this.ta.style.height = 'auto';
    this.ta.style.height = Math.min(this.ta.scrollHeight, 110) + 'px';
  }

  private typing(): void {
    if (!this.ta.value.trim()) return this.stopTyping();
    const s = this.sock;
    if (!s || !s.connected || this.status === 'ended') return;
    const now = Date.now();
    if (now - this.typedAt >= 2000) {
      s.emit('typing', { conversationId: this.cid, typing: true });
      this.typedAt = now;
    }
    clearTimeout(this.typingT);
    this.typingT = setTimeout(() => this.stopTyping(), 3000);
  }

  private stopTyping(): void {
    clearTimeout(this.typingT);
    if (this.typedAt && this.sock && this.sock.connected) this.sock.emit('typing', { conversationId: this.cid, typing: false });
    this.typedAt = 0;
  }

  private setTheirTyping(name: string | null): void {
    clearTimeout(this.theirTypingT);
    if (!this.typingEl) return;
    this.typingEl.replaceChildren();
    if (name) {
      this.typingEl.append(h('span', { class: 'lc-dots', 'aria-hidden': 'true' }, h('i'), h('i'), h('i')), `${name} is typing…`);
      this.theirTypingT = setTimeout(() => this.setTheirTyping(null), 15000);
    }
  }

  // ---------------------------------------------------------------- open / minimise

  private open(user: boolean): void {
    this.isOpen = true;
    this.unread = 0;
    if (user && (!this.view || this.view === 'thanks' || this.view === 'error')) this.safe(() => this.begin());
    this.save();
    this.render();
    this.body.scrollTop = this.body.scrollHeight;
    if (user) this.focus();
  }

  private minimise(): void {
    this.isOpen = false;
    this.confirmBar.hidden = true;
    this.save();
    this.render();
    this.btn.focus();
  }

  private focus(): void {
    if (!this.isOpen) return;
    const el = this.view === 'chat' ? (this.status !== 'ended' ? this.ta : this.endedBox.querySelector('button')) : this.form && this.form.querySelector('input');
    if (el) el.focus();
  }

  private flash(text: string, ms = 5000): void {
    this.note.textContent = text;
    this.noteUntil = Date.now() + ms;
    this.renderNote();
    setTimeout(() => this.renderNote(), ms + 10);
  }

  // ---------------------------------------------------------------- DOM

  /** Runs a handler so that nothing it throws or rejects escapes to the page. */
  private safe(fn: () => unknown): void {
    try {
      const r: any = fn();
      if (r && typeof r.catch === 'function') r.catch(warn);
    } catch (e) {
      warn(e);
    }
  }

  private build(): void {
    const host = document.createElement('lc-livechat'); // a custom tag: no `div { … }` rule of the page applies
    host.setAttribute('style', 'all:initial;position:static;display:block;');
    host.setAttribute('data-livechat', String(this.channelId));
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.append(h('style', { text: STYLE }));
    const open = () => this.safe(() => this.open(true));

    this.label = h('button', { class: 'lc-label', type: 'button', tabindex: '-1', onclick: open });
    this.badge = h('span', { class: 'lc-badge', hidden: true });
    this.btn = h('button', { class: 'lc-btn', type: 'button', onclick: open }, icon(ICONS.chat, 28), this.badge);
    this.launch = h('div', { class: 'lc-launch' }, this.label, this.btn);

    this.av = h('div', { class: 'lc-av', 'aria-hidden': 'true' });
    this.nameEl = h('div', { class: 'lc-name' });
    this.subEl = h('div', { class: 'lc-sub' });
    this.endBtn = h('button', { class: 'lc-hb', type: 'button', 'aria-label': 'End conversation', title: 'End conversation', onclick: () => this.safe(() => ((this.confirmBar.hidden = false), (this.confirmBar.querySelector('button') as HTMLElement).focus())) }, icon(ICONS.close));
    const minBtn = h('button', { class: 'lc-hb', type: 'button', 'aria-label': 'Minimise chat', title: 'Minimise', onclick: () => this.safe(() => this.minimise()) }, icon(ICONS.down));
    const head = h('div', { class: 'lc-head' }, this.av, h('div', { class: 'lc-tt' }, this.nameEl, this.subEl), minBtn, this.endBtn);

    this.confirmBar = h(
      'div',
      { class: 'lc-bar lc-confirm', role: 'alertdialog', 'aria-label': 'End this conversation?', hidden: true },
      h('span', { text: 'End this conversation?' }),
      h('button', { class: 'lc-sec', type: 'button', text: 'Cancel', onclick: () => ((this.confirmBar.hidden = true), this.ta.focus()) }),
      h('button', { class: 'lc-pri', type: 'button', text: 'End', onclick: () => this.safe(() => ((this.confirmBar.hidden = true), this.endConversation())) }),
    );
    this.queueBar = h('div', { class: 'lc-bar lc-queue', role: 'status' });
    this.list = h('div', { role: 'log', 'aria-live': 'polite', 'aria-label': 'Messages' });
    this.body = h('div', { class: 'lc-body' });
    this.typingEl = h('div', { class: 'lc-typing', 'aria-live': 'polite' });
    this.note = h('div', { class: 'lc-note', role: 'alert' });

    this.ta = h('textarea', {
      rows: '1',
      placeholder: 'Type a message…',
      'aria-label': 'Message',
      oninput: () => this.safe(() => (this.onType(), this.typing())),
      onkeydown: (e: KeyboardEvent) => {
        if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
          e.preventDefault();
          this.safe(() => this.send());
        }
      },
    });
    this.sendBtn = h('button', { class: 'lc-send', type: 'button', 'aria-label': 'Send', title: 'Send', disabled: true, onclick: () => this.safe(() => (this.send(), this.ta.focus())) }, icon(ICONS.send, 18));
    this.count = h('div', { class: 'lc-count', 'aria-live': 'polite', hidden: true });
    this.comp = h('div', null, h('div', { class: 'lc-comp' }, this.ta, this.sendBtn), this.count);
    this.endedBox = h(
      'div',
      { class: 'lc-end' },
      h('p', { text: 'Conversation ended' }),
      h('button', { class: 'lc-pri', type: 'button', text: 'Start a new conversation', onclick: () => this.safe(() => this.begin()) }),
    );
    this.foot = h('div', { class: 'lc-foot' });

    this.win = h('div', { class: 'lc-win', role: 'dialog', hidden: true }, head, this.confirmBar, this.queueBar, this.body, this.typingEl, this.note, this.foot);
    this.win.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      this.safe(() => (this.confirmBar.hidden ? this.minimise() : ((this.confirmBar.hidden = true), this.ta.focus())));
    });

    this.root = h('div', { class: 'lc' }, this.launch, this.win);
    shadow.append(this.root);
    document.body.append(host);
    this.paint();
  }

  /** Channel name, texts and colours. */
  private paint(): void {
    const ch = this.ch!;
    const c = ch.colors || {};
    const set = (v: string, val: unknown, dflt: string) => this.root.style.setProperty(v, isColor(val) ? val : dflt);
    set('--lc-hb', c.header, '#71639e');
    set('--lc-ht', c.headerText, '#fff');
    set('--lc-bb', c.button, isColor(c.header) ? c.header : '#71639e');
    set('--lc-bt', c.buttonText, isColor(c.headerText) ? c.headerText : '#fff');
    const text = ch.buttonText || 'Chat with us';
    this.label.textContent = text;
    this.btn.title = text;
    this.btn.setAttribute('aria-label', `Open chat: ${text}`);
    this.win.setAttribute('aria-label', ch.name || 'Live chat');
  }

  private render(): void {
    if (!this.root) return;
    this.launch.hidden = this.isOpen;
    this.renderBadge();
    this.win.hidden = !this.isOpen;
    this.paintHead();
    const chat = this.view === 'chat';
    const ended = this.status === 'ended';
    this.endBtn.hidden = !chat || ended;
    this.queueBar.hidden = !chat || this.status !== 'queued';
    this.queueBar.replaceChildren(
      h('b', { text: this.queuePos ? `You are number ${this.queuePos} in the queue` : 'Waiting for an operator' }),
      'An operator will be with you shortly',
    );
    this.typingEl.hidden = !chat || ended;
    this.ta.disabled = ended;
    if (chat) {
      if (this.body.firstChild !== this.list) this.body.replaceChildren(this.list);
      this.body.classList.remove('plain');
      const f = ended ? this.endedBox : this.comp;
      if (this.foot.firstChild !== f) this.foot.replaceChildren(f);
      this.foot.hidden = false;
      this.renderList();
    } else {
      this.foot.hidden = true;
      this.body.classList.add('plain');
      this.body.replaceChildren(this.view === 'offline' ? this.offlineForm() : this.center());
    }
    this.renderNote();
  }

  private paintHead(): void {
    const ch = this.ch!;
    const chat = this.view === 'chat';
    const op = chat && this.operator;
    const title = op ? op.name : chat && this.status === 'queued' ? 'Waiting for an operator…' : ch.name;
    this.nameEl.textContent = title;
    this.subEl.textContent = !chat ? (this.view === 'offline' || this.view === 'thanks' ? 'Leave a message' : 'Live chat') : this.status === 'ended' ? 'Conversation ended' : op || title !== ch.name ? ch.name : 'Live chat';
    this.av.replaceChildren(op ? initial(op.name) : icon(ICONS.chat, 18));
    this.av.classList.toggle('on', !!op && this.status === 'active');
  }

  private renderNote(): void {
    if (!this.note) return;
    const fast = Date.now() < this.noteUntil;
    if (!fast) this.note.textContent = this.down && this.view === 'chat' && this.status !== 'ended' ? 'Connection lost. Reconnecting…' : '';
    this.note.hidden = !this.note.textContent || !this.isOpen;
  }

  private renderList(toBottom = false): void {
    const b = this.body;
    const atBottom = b.scrollHeight - b.scrollTop - b.clientHeight < 60;
    const rows: Node[] = [];
    let prevKey = '';
    let last: { row: HTMLElement; time: string; meta?: string } | null = null;
    const closeGroup = () => {
      if (last && (last.time || last.meta)) last.row.append(h('div', { class: 'lc-meta', text: last.meta || last.time }));
      last = null;
    };
    const bubble = (key: string, me: boolean, who: string | null, text: string, time: string, cls = '', meta?: string) => {
      const first = key !== prevKey;
      if (first) closeGroup();
      const row = h('div', { class: `lc-row${me ? ' me' : ''}${first ? ' first' : ''}${cls}` }, first && who ? h('div', { class: 'lc-who', text: who }) : null, h('div', { class: 'lc-msg', title: time || null, text }));
      rows.push(row);
      if (meta) closeGroup();
      last = { row, time, meta };
      prevKey = meta ? '' : key;
    };
    const welcome = this.ch && this.ch.welcomeMessage;
    if (welcome) bubble(this.operator ? `user:${this.operator.id}` : 'welcome', false, this.operator ? this.operator.name : this.ch!.name, welcome, '');
    const sorted = Array.from(this.msgs.values()).sort((x, y) => x.id - y.id);
    const stored = new Set<string>();
    for (const m of sorted) {
      const a = m.author;
      if (a.kind === 'visitor' && m.clientId) stored.add(m.clientId);
      if (a.kind === 'system') {
        closeGroup();
        prevKey = '';
        rows.push(h('div', { class: 'lc-sys', text: m.body }));
        continue;
      }
      const d = new Date(m.createdAt);
      const time = isNaN(+d) ? '' : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
      bubble(`${a.kind}:${a.id}`, a.kind === 'visitor', a.kind === 'visitor' ? null : this.displayName(a), m.body, time);
    }
    for (const p of this.outbox) {
      if (stored.has(p.clientId)) continue;
      bubble('me', true, null, p.body, '', p.failed ? ' fail' : ' pend', p.failed ? 'Not sent' : p.retrying ? 'Waiting to send…' : 'sending…');
    }
    closeGroup();
    this.list.replaceChildren(...rows);
    if (toBottom || atBottom) b.scrollTop = b.scrollHeight;
    this.renderBadge();
  }

  private renderBadge(): void {
    this.badge.hidden = !this.unread;
    this.badge.textContent = String(this.unread);
    this.label.hidden = !this.ch!.buttonText || this.unread > 0;
  }

  private center(): HTMLElement {
    if (this.view === 'loading') return h('div', { class: 'lc-center', role: 'status' }, h('div', { class: 'lc-spin' }), h('p', { text: 'Connecting…' }));
    if (this.view === 'thanks')
      return h(
        'div',
        { class: 'lc-center', role: 'status' },
        h('div', { class: 'lc-big' }, icon(ICONS.check, 28)),
        h('h3', { text: 'Thank you!' }),
        h('p', { text: 'Your message has been sent. We will get back to you by email as soon as possible.' }),
        h('button', { class: 'lc-sec', type: 'button', text: 'Close', onclick: () => this.safe(() => this.minimise()) }),
      );
    return h(
      'div',
      { class: 'lc-center', role: 'alert' },
      h('p', { text: this.error || 'Something went wrong.' }),
      h('button', { class: 'lc-pri', type: 'button', text: 'Try again', onclick: () => this.safe(() => this.begin()) }),
    );
  }

  private offlineForm(): HTMLFormElement {
    if (this.form) return this.form;
    const field = (label: string, el: HTMLInputElement | HTMLTextAreaElement, hint?: string) => {
      const err = h('span', { class: 'lc-err', 'aria-live': 'polite' });
      return [h('label', null, h('span', null, label, hint ? h('small', { text: ` ${hint}` }) : null), el, err), err] as const;
    };
    const name = h('input', { type: 'text', name: 'name', autocomplete: 'name', maxlength: '100' });
    const email = h('input', { type: 'email', name: 'email', autocomplete: 'email', required: true, maxlength: '200' });
    const body = h('textarea', { name: 'body', required: true, maxlength: String(MAX), rows: '4' });
    const [nameL] = field('Name', name, '(optional)');
    const [emailL, emailErr] = field('Email', email);
    const [bodyL, bodyErr] = field('Message', body);
    const status = h('div', { class: 'lc-err', role: 'alert' });
    const submit = h('button', { class: 'lc-pri', type: 'submit', text: 'Send message' });
    const check = (el: HTMLInputElement | HTMLTextAreaElement, err: HTMLElement, problem: string) => {
      err.textContent = problem;
      el.setAttribute('aria-invalid', String(!!problem));
      return !problem;
    };
    const form = h(
      'form',
      { class: 'lc-form', novalidate: true },
      h('p', { text: 'None of our operators are available right now. Leave us a message and we will get back to you by email.' }),
      nameL,
      emailL,
      bodyL,
      status,
      submit,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.safe(async () => {
        const em = email.value.trim();
        const text = body.value.trim();
        const ok1 = check(email, emailErr, !em ? 'Please enter your email address.' : /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(em) ? '' : 'Please enter a valid email address.');
        const ok2 = check(body, bodyErr, !text ? 'Please write a message.' : text.length > MAX ? `At most ${MAX} characters.` : '');
        if (!ok1) return email.focus();
        if (!ok2) return body.focus();
        submit.disabled = true;
        status.textContent = '';
        try {
          const nm = name.value.trim().slice(0, 100);
          const r = await api(this.url(`/api/livechat/channels/${this.channelId}/offline-messages`), 'POST', { ...(nm ? { name: nm } : {}), email: em, body: text });
          if (r.status < 300) {
            this.form = null;
            this.view = 'thanks';
            return this.render();
          }
          status.textContent = r.status === 429 ? 'You are sending messages too fast. Please wait a moment.' : errorText(r.data) || 'Your message could not be sent.';
        } catch {
          status.textContent = 'We could not reach the server. Please try again.';
        } finally {
          submit.disabled = false;
        }
      });
    });
    return (this.form = form);
  }
}
