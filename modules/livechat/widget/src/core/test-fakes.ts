// Stand-ins for the browser in the core's unit tests: a server behind fetch, a socket, localStorage.
import type { Message, MessageAuthor } from '@lc/protocol';
import type { SocketLike } from './connection';
import type { StorageLike } from './saved-state';
import type { FetchLike } from './visitor-api';
import { VisitorChat } from './visitor-chat';
import de from '../../../i18n/de-DE.json';
import es from '../../../i18n/es-ES.json';
import fr from '../../../i18n/fr-FR.json';
import zh from '../../../i18n/zh-CN.json';

/** The packs GET /livechat/i18n/<lang>.json serves (livechat's own; the server merges every module's). */
const PACKS: Record<string, unknown> = Object.fromEntries(Object.entries({ 'de-DE': de, 'es-ES': es, 'fr-FR': fr, 'zh-CN': zh }).map(([lang, file]) => [lang, { widget: file.widget, messages: file.messages }]));

export const SERVER = 'https://chat.example.com';
export const KEY = `lc-widget:${SERVER}:1`;
export const OPERATOR: MessageAuthor = { kind: 'user', id: 7, name: 'Marc' };
export const VISITOR: MessageAuthor = { kind: 'visitor', id: 12, name: 'Visitor #12' };

export interface Request {
  method: string;
  path: string;
  body: any;
  token: string | undefined;
  acceptLanguage: string | undefined;
}

type Answer = { status: number; data?: unknown } | 'network error';
type Route = (req: Request) => Answer | undefined;

/** The visitor routes for one session at a time (`started`: 12, conversation 34), with answers a test can override. */
export class FakeServer {
  readonly requests: Request[] = [];
  readonly stored: Message[] = [];
  channel = { id: 1, name: 'Website', buttonText: 'Chat with us', welcomeMessage: 'Hello!', colors: {}, operatorsInside: 1, available: true, emailTranscripts: false };
  started = { sessionId: 12, conversationId: 34, visitorToken: 'token-1', status: 'active', queuePosition: null as number | null, operator: { id: 7, name: 'Marc' } as { id: number; name: string } | null };
  private overrides: Route[] = [];
  private nextId = 100;

  readonly fetch: FetchLike = async (url, init) => {
    const req: Request = {
      method: init.method || 'GET',
      path: url.slice(SERVER.length),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      token: (init.headers as Record<string, string>)['X-Visitor-Token'],
      acceptLanguage: (init.headers as Record<string, string>)['Accept-Language'],
    };
    this.requests.push(req);
    const answer = this.takeOverride(req) ?? this.answer(req);
    if (answer === 'network error') throw new TypeError('Failed to fetch');
    return { status: answer.status, json: async () => answer.data ?? null };
  };

  /** Answers the next matching request(s) with `answer` instead of the default. */
  once(method: string, path: string, answer: Answer, times = 1): void {
    let left = times;
    this.overrides.push((req) => (left > 0 && req.method === method && req.path === path ? (left--, answer) : undefined));
  }

  posts(path = '/api/livechat/sessions/12/messages'): Request[] {
    return this.requests.filter((r) => r.method === 'POST' && r.path === path);
  }

  /** A message as the server stores it (and sends it on the socket). */
  message(author: MessageAuthor, body: string, clientId: string | null = null): Message {
    const m: Message = { id: ++this.nextId, conversationId: this.started.conversationId, author, body, clientId, createdAt: '2026-01-01T10:00:00.000Z' };
    this.stored.push(m);
    return m;
  }

  private takeOverride(req: Request): Answer | undefined {
    for (const route of this.overrides) {
      const answer = route(req);
      if (answer) return answer;
    }
    return undefined;
  }

  private answer(req: Request): Answer {
    const { method, path, body } = req;
    const session = `/api/livechat/sessions/${this.started.sessionId}`;
    if (method === 'GET' && path === '/api/livechat/channels/1/public') return { status: 200, data: this.channel };
    const pack = method === 'GET' && /^\/livechat\/i18n\/([\w-]+)\.json$/.exec(path);
    if (pack && PACKS[pack[1]]) return { status: 200, data: PACKS[pack[1]] };
    if (method === 'POST' && path === '/api/livechat/channels/1/sessions') return { status: 201, data: this.started };
    if (method === 'POST' && path === '/api/livechat/channels/1/offline-messages') return { status: 201, data: { id: 1 } };
    if (method === 'GET' && path === `${session}/messages`) return { status: 200, data: this.stored };
    if (method === 'POST' && path === `${session}/close`) return { status: 200, data: { id: this.started.sessionId, status: 'ended' } };
    if (method === 'POST' && path === `${session}/messages`) {
      // Like the real server: a clientId is stored once, a repeat answers the stored message.
      const known = this.stored.find((m) => m.clientId === body.clientId);
      return known ? { status: 200, data: known } : { status: 201, data: this.message(VISITOR, body.body, body.clientId) };
    }
    return { status: 404, data: { statusCode: 404, message: 'Not Found' } };
  }
}

export class FakeSocket implements SocketLike {
  connected = false;
  active = true;
  readonly emitted: Array<[string, unknown]> = [];
  readonly auth: string;
  private readonly listeners = new Map<string, Array<(payload: any) => void>>();

  constructor(visitorToken: string) {
    this.auth = visitorToken;
  }

  on(event: string, listener: (payload: any) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) || []), listener]);
    return this;
  }

  emit(event: string, payload: unknown): this {
    this.emitted.push([event, payload]);
    return this;
  }

  connect(): this {
    return this;
  }

  disconnect(): this {
    this.connected = false;
    this.active = false;
    return this;
  }

  /** The server sends an event (or socket.io reports `connect` / `disconnect`). */
  receive(event: string, payload?: unknown): void {
    if (event === 'connect') this.connected = true;
    if (event === 'disconnect') this.connected = false;
    for (const listener of this.listeners.get(event) || []) listener(payload);
  }

  typingEmits(): unknown[] {
    return this.emitted.filter(([e]) => e === 'typing').map(([, p]) => p);
  }
}

export class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.has(key) ? this.items.get(key)! : null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  saved(): any {
    return JSON.parse(this.items.get(KEY) || 'null');
  }
}

/** A core with fakes around it; `sockets` lists every socket it opened, the latest last. */
export function setUp(storage = new MemoryStorage(), languages: readonly string[] = ['en-US']) {
  const server = new FakeServer();
  const sockets: FakeSocket[] = [];
  /** The page the visitor is on; a test moves it. */
  const page = { url: 'https://shop.example.com/sofas', title: 'Sofas' };
  const chat = new VisitorChat(SERVER, 1, {
    fetch: server.fetch,
    storage,
    openSocket: (token) => {
      const s = new FakeSocket(token);
      sockets.push(s);
      return s;
    },
    pageUrl: () => page.url,
    pageTitle: () => page.title,
    languages: () => languages,
  });
  const changes: string[] = [];
  chat.onChange = (c) => changes.push(c);
  const socket = () => sockets[sockets.length - 1];
  return { chat, server, storage, sockets, socket, changes, page };
}

/** Lets pending promise callbacks run (fake fetch answers take a few turns). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/** Moves the fake clock on, running the timers and what they start. */
export async function wait(ms: number): Promise<void> {
  await jest.advanceTimersByTimeAsync(ms);
  await settle();
}

/**
 * Opens the window, sends a first message (which starts the session) and connects the socket; then the
 * fake server and the chat forget that message and the requests so far: tests start from a session in
 * progress with nothing in it.
 */
export async function startChat(t: ReturnType<typeof setUp>): Promise<FakeSocket> {
  await t.chat.loadChannel();
  t.chat.open(true);
  await settle();
  t.chat.send('first message');
  await settle();
  t.socket().receive('connect');
  await settle();
  t.server.requests.length = 0;
  t.server.stored.length = 0;
  t.chat.messages.clear();
  return t.socket();
}
