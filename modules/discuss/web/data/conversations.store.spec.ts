import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { RealtimeService, SessionService } from '@lc/platform/web';
import type { ConversationItem, Message } from '@lc/protocol';
import { ConversationsStore } from './conversations.store';
import { DiscussApi, type HistoryQuery } from './discuss-api.service';

/** The server side of one conversation: stored messages, answered newest first like the real API. */
class FakeServer {
  readonly stored: Message[] = [];
  store(body: string, authorId = 3, clientId: string | null = null): Message {
    const existing = clientId ? this.stored.find((m) => m.clientId === clientId && m.author.id === authorId) : undefined;
    if (existing) return existing;
    const message: Message = { id: this.stored.length + 1, conversationId: 1, author: { kind: 'user', id: authorId, name: `user ${authorId}` }, body, clientId, createdAt: new Date().toISOString() };
    this.stored.push(message);
    return message;
  }
  history({ before, after, limit = 30 }: HistoryQuery): Message[] {
    return this.stored
      .filter((m) => (before === undefined || m.id < before) && (after === undefined || m.id > after))
      .sort((a, b) => b.id - a.id)
      .slice(0, limit);
  }
}

class FakeRealtime {
  isConnected = false;
  readonly connected = new Subject<void>();
  readonly events = new Map<string, Subject<unknown>>();
  on<T>(event: string): Subject<T> {
    if (!this.events.has(event)) this.events.set(event, new Subject());
    return this.events.get(event) as Subject<T>;
  }
  push(event: string, payload: unknown): void {
    this.on(event).next(payload);
  }
  emit(): Promise<never> {
    return new Promise(() => undefined); // acks are lost in these tests: sends go by HTTP
  }
  connect(): void {
    this.isConnected = true;
    this.connected.next();
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ConversationsStore', () => {
  let server: FakeServer;
  let realtime: FakeRealtime;
  let store: ConversationsStore;
  const item = (): ConversationItem => ({ id: 1, kind: 'channel', name: 'general', unreadCount: 0, lastMessage: server.stored.at(-1) ?? null, members: [] });

  beforeEach(() => {
    server = new FakeServer();
    realtime = new FakeRealtime();
    TestBed.configureTestingModule({
      providers: [
        { provide: RealtimeService, useValue: realtime },
        { provide: SessionService, useValue: { user: signal({ id: 2, name: 'Marc' }) } },
        {
          provide: DiscussApi,
          useValue: {
            conversations: async () => [item()],
            conversation: async () => item(),
            messages: async (_id: number, query: HistoryQuery) => server.history(query),
            postMessage: async (_id: number, body: string, clientId: string) => server.store(body, 2, clientId),
            markSeen: async () => item(),
          },
        },
      ],
    });
    store = TestBed.inject(ConversationsStore);
  });

  afterEach(() => store.stop());

  it('after a reconnect, fills the gap from the last message it knows in sequence: nothing lost, nothing twice', async () => {
    server.store('one');
    store.start();
    await store.openThread(1);
    realtime.connect();
    await settle();

    realtime.push('message', server.store('two')); // live
    // The connection drops: "three" is stored but its event is lost; our own "four" goes by HTTP meanwhile.
    realtime.isConnected = false;
    server.store('three');
    store.send(1, 'four');
    await settle();
    expect(store.thread(1)!.messages.map((m) => m.body)).toEqual(['one', 'two', 'four']); // a hole before our own

    realtime.connect();
    await settle();
    await settle();
    expect(store.thread(1)!.messages.map((m) => m.body)).toEqual(['one', 'two', 'three', 'four']);
    expect(store.thread(1)!.messages.every((m) => !m.pending)).toBe(true);
    expect(server.stored.filter((m) => m.body === 'four')).toHaveLength(1);
  });

  it('counts unread messages of others once, even when the same message arrives twice', async () => {
    store.start();
    await settle();
    const message = server.store('hello');
    realtime.push('message', message);
    realtime.push('message', message);
    expect(store.conversation(1)!.unreadCount).toBe(1);
    expect(store.unreadConversations()).toBe(1);
  });

  it('tells of a conversation new after the first load, once, not of the ones already there', async () => {
    store.start();
    await settle();
    const appeared: number[] = [];
    store.appeared$.subscribe((c) => appeared.push(c.id));
    const ticket = (id: number): ConversationItem => ({ ...item(), id, kind: 'ticket', name: `Ticket ${id}` });
    realtime.push('conversation', item()); // already in the list
    realtime.push('conversation', ticket(5));
    realtime.push('conversation', ticket(5)); // a change of the same one
    expect(appeared).toEqual([5]);
  });

  it('tells of a conversation the socket announced before the first list arrived, in the list or not yet', async () => {
    const ticket = (id: number): ConversationItem => ({ ...item(), id, kind: 'ticket', name: `Ticket ${id}` });
    const lists: Array<(items: ConversationItem[]) => void> = [];
    TestBed.inject(DiscussApi).conversations = () => new Promise((resolve) => lists.push(resolve));
    const appeared: number[] = [];
    store.appeared$.subscribe((c) => appeared.push(c.id));
    store.start();
    realtime.push('conversation', ticket(5)); // created after the list was read
    realtime.push('conversation', ticket(6)); // created before the list was read: in it too
    lists[0]([item(), ticket(6)]);
    await settle();
    expect(appeared.sort()).toEqual([5, 6]);
    expect(store.list().map((c) => c.id).sort()).toEqual([1, 5, 6]);
  });

  it('drops a conversation the server says the user left (another tab, or a live chat handed over), thread and all', async () => {
    server.store('one');
    store.start();
    await store.openThread(1);
    expect(store.list().map((c) => c.id)).toEqual([1]);
    realtime.push('conversation.left', { conversationId: 1 });
    expect(store.list()).toEqual([]);
    expect(store.thread(1)).toBeUndefined();
  });
});
