import { computed, inject, Injectable, signal } from '@angular/core';
import { Subject, type Subscription } from 'rxjs';
import { RealtimeService, SessionService, type ModuleService } from '@lc/platform/web';
import type { ConversationItem, ConversationLeftEvent, Message } from '@lc/protocol';
import { byLastActivity, lastStoredId, mergeMessages, type ChatMessage } from './chat-message';
import { DiscussApi } from './discuss-api.service';
import { Outbox } from './outbox';

export interface ThreadState {
  messages: ChatMessage[];
  /** The server may hold older messages (loaded when scrolling up). */
  hasOlder: boolean;
  loadingOlder: boolean;
  /** The newest page has arrived. */
  ready: boolean;
  failed: boolean;
  /**
   * Every message up to this id is in `messages` (no hole): where a gap-fill starts. Our own acks may be
   * newer while others' messages in between were lost, so they never move it; only pages read from the
   * server and socket events of a connection that was up before that read do.
   */
  syncedUpTo: number;
  /** The socket connection (epoch) whose events continue the synced part; -1 when none. */
  syncedEpoch: number;
}

const PAGE_SIZE = 30;
/** The server's maximum page: a gap-fill that fills it may not have reached the old end of the gap. */
const GAP_PAGE_SIZE = 100;

/**
 * The conversations of the signed-in user, shared by the messaging menu, the chat windows and the Discuss
 * app, so that they always agree. Fed by HTTP and by the socket (`message`, `conversation`); after every
 * reconnect it re-reads the list and gap-fills each loaded thread with `?after=<last id>`: nothing lost,
 * nothing twice (messages are merged by id), order kept (sorted by id).
 */
@Injectable({ providedIn: 'root' })
export class ConversationsStore implements ModuleService {
  private readonly api = inject(DiscussApi);
  private readonly realtime = inject(RealtimeService);
  private readonly session = inject(SessionService);
  private readonly outbox = inject(Outbox);

  private readonly items = signal<ReadonlyMap<number, ConversationItem>>(new Map());
  private readonly threads = signal<ReadonlyMap<number, ThreadState>>(new Map());
  private subscriptions: Subscription[] = [];
  /** Bumped on stop(): answers to requests of an earlier session are dropped. */
  private generation = 0;
  /** Counts socket (re)connections: events of one connection arrive in order, across two they may not. */
  private epoch = 0;
  private syncing?: Promise<void>;
  private syncAgain = false;
  private readonly fetchingItems = new Set<number>();
  private readonly seenPosting = new Map<number, number>();
  /** New conversations the socket told of before the first list arrived: announced once it has. */
  private readonly announcedEarly = new Set<number>();

  readonly loaded = signal(false);
  readonly list = computed(() => [...this.items().values()].sort(byLastActivity));
  /** Conversations with unread messages (the systray counter). */
  readonly unreadConversations = computed(() => this.list().filter((c) => c.unreadCount > 0).length);
  /** A conversation new to me after the first load (a live chat assigned, a chat started by a colleague): the dock may open its window. */
  readonly appeared$ = new Subject<ConversationItem>();
  /** A message from someone else, as it arrives (notifications). */
  readonly incoming$ = new Subject<{ conversation: ConversationItem; message: Message }>();

  get myId(): number | undefined {
    return this.session.user()?.id;
  }

  conversation(id: number): ConversationItem | undefined {
    return this.items().get(id);
  }

  thread(id: number): ThreadState | undefined {
    return this.threads().get(id);
  }

  start(): void {
    this.outbox.deliverTo((message) => this.receive(message, false));
    this.outbox.failedTo((clientId, conversationId, error) => this.markFailed(conversationId, clientId, error));
    this.subscriptions = [
      this.realtime.on<Message>('message').subscribe((message) => this.receive(message, true)),
      this.realtime.on<ConversationItem>('conversation').subscribe((item) => this.upsert(item, true)),
      // No longer a member (left in another tab, or a live chat handed to a colleague): gone from every view.
      this.realtime.on<ConversationLeftEvent>('conversation.left').subscribe((event) => this.remove(event.conversationId)),
      this.realtime.connected.subscribe(() => {
        this.epoch++;
        void this.resync();
      }),
    ];
    void this.resync();
  }

  stop(): void {
    this.generation++;
    this.subscriptions.forEach((s) => s.unsubscribe());
    this.subscriptions = [];
    this.outbox.clear();
    this.items.set(new Map());
    this.threads.set(new Map());
    this.loaded.set(false);
    this.fetchingItems.clear();
    this.seenPosting.clear();
    this.announcedEarly.clear();
  }

  /** Re-reads the list and catches up every loaded thread; calls made while one runs are folded into one more run. */
  resync(): Promise<void> {
    if (this.syncing) {
      this.syncAgain = true;
      return this.syncing;
    }
    this.syncing = this.runSync().finally(() => {
      this.syncing = undefined;
      if (this.syncAgain) {
        this.syncAgain = false;
        void this.resync();
      }
    });
    return this.syncing;
  }

  /** Loads the newest page of a thread once; the views call it whenever they show the conversation. */
  async openThread(id: number): Promise<void> {
    const existing = this.thread(id);
    if (existing && !existing.failed) return;
    const generation = this.generation;
    const epoch = this.liveEpoch();
    this.setThread(id, { ...emptyThread(), messages: existing?.messages ?? [] });
    try {
      const page = await this.api.messages(id, { limit: PAGE_SIZE });
      if (generation !== this.generation) return;
      this.updateThread(id, (t) => ({
        ...t,
        messages: mergeMessages(t.messages, page),
        hasOlder: page.length === PAGE_SIZE,
        ready: true,
        syncedUpTo: Math.max(t.syncedUpTo, page[0]?.id ?? 0),
        syncedEpoch: epoch,
      }));
      // The socket (re)connected while we read: what it missed before that is not in the page for sure.
      if (epoch !== this.liveEpoch()) await this.gapFill(id, generation);
    } catch {
      if (generation === this.generation) this.updateThread(id, (t) => ({ ...t, failed: true }));
    }
  }

  async loadOlder(id: number): Promise<void> {
    const thread = this.thread(id);
    if (!thread?.ready || !thread.hasOlder || thread.loadingOlder) return;
    const oldest = thread.messages.find((m) => !m.pending && !m.error)?.id;
    if (!oldest) return this.updateThread(id, (t) => ({ ...t, hasOlder: false }));
    const generation = this.generation;
    this.updateThread(id, (t) => ({ ...t, loadingOlder: true }));
    try {
      const page = await this.api.messages(id, { before: oldest, limit: PAGE_SIZE });
      if (generation !== this.generation) return;
      this.updateThread(id, (t) => ({ ...t, messages: mergeMessages(t.messages, page), hasOlder: page.length === PAGE_SIZE, loadingOlder: false }));
    } catch {
      if (generation === this.generation) this.updateThread(id, (t) => ({ ...t, loadingOlder: false }));
    }
  }

  /** Shows the message at once as pending; the outbox sends it (socket, else HTTP) until it is stored. */
  send(conversationId: number, body: string): void {
    const user = this.session.user();
    if (!user || !body.trim()) return;
    const pending = this.outbox.add(conversationId, body, { kind: 'user', id: user.id, name: user.name });
    this.updateThread(conversationId, (t) => ({ ...t, messages: [...t.messages, pending] }));
  }

  retry(conversationId: number, clientId: string): void {
    this.updateThread(conversationId, (t) => ({ ...t, messages: t.messages.map((m) => (m.clientId === clientId ? { ...m, error: undefined, pending: true } : m)) }));
    const message = this.thread(conversationId)?.messages.find((m) => m.clientId === clientId);
    if (message) this.outbox.resend(message);
  }

  discard(conversationId: number, clientId: string): void {
    this.updateThread(conversationId, (t) => ({ ...t, messages: t.messages.filter((m) => m.clientId !== clientId || !m.error) }));
  }

  /** Marks everything up to the newest message as read (the views call it while the conversation is seen). */
  markSeen(id: number): void {
    const item = this.conversation(id);
    if (!item || item.unreadCount === 0) return;
    const lastMessageId = Math.max(item.lastMessage?.id ?? 0, lastStoredId(this.thread(id)?.messages ?? []));
    if (!lastMessageId || (this.seenPosting.get(id) ?? 0) >= lastMessageId) return;
    this.seenPosting.set(id, lastMessageId);
    this.setItem({ ...item, unreadCount: 0 });
    const generation = this.generation;
    this.api
      .markSeen(id, lastMessageId)
      .then((fresh) => generation === this.generation && this.upsert(fresh, false))
      .catch(() => undefined) // the next list reload brings the server's count back
      .finally(() => this.seenPosting.get(id) === lastMessageId && this.seenPosting.delete(id));
  }

  /** A conversation the user just created, joined or opened. */
  add(item: ConversationItem): void {
    this.upsert(item, false);
  }

  async leave(id: number): Promise<void> {
    await this.api.leave(id);
    this.remove(id);
  }

  remove(id: number): void {
    this.items.update((map) => withoutKey(map, id));
    this.threads.update((map) => withoutKey(map, id));
  }

  // ---- incoming ----

  /** A stored message: from the socket (`live`) or the ack of one of ours. */
  private receive(message: Message, live: boolean): void {
    if (this.thread(message.conversationId)) {
      const continuous = live && this.liveEpoch() >= 0;
      this.updateThread(message.conversationId, (t) => ({
        ...t,
        messages: mergeMessages(t.messages, [message]),
        syncedUpTo: continuous && t.syncedEpoch === this.epoch ? Math.max(t.syncedUpTo, message.id) : t.syncedUpTo,
      }));
    }
    const item = this.conversation(message.conversationId);
    const mine = message.author.kind === 'user' && message.author.id === this.myId;
    if (!item) {
      // A conversation we did not know yet (a colleague's first message in a new chat).
      void this.fetchItem(message.conversationId).then((fetched) => fetched && !mine && this.incoming$.next({ conversation: fetched, message }));
      return;
    }
    if ((item.lastMessage?.id ?? 0) >= message.id) return; // already counted (the ack and the event of one send)
    const updated = { ...item, lastMessage: message, unreadCount: mine ? 0 : item.unreadCount + 1 };
    this.setItem(updated);
    if (!mine) this.incoming$.next({ conversation: updated, message });
  }

  /** A list item from the server; `announce` tells of one new to us (appeared$). */
  private upsert(fresh: ConversationItem, announce: boolean): void {
    const local = this.conversation(fresh.id);
    this.setItem(reconcile(local, fresh));
    if (!announce || local) return;
    // Before the first list the item may be in it too, where nothing marks it new: remember it.
    if (this.loaded()) this.appeared$.next(fresh);
    else this.announcedEarly.add(fresh.id);
  }

  private async fetchItem(id: number): Promise<ConversationItem | undefined> {
    if (this.fetchingItems.has(id)) return undefined;
    this.fetchingItems.add(id);
    const generation = this.generation;
    try {
      const item = await this.api.conversation(id);
      if (generation !== this.generation) return undefined;
      this.upsert(item, true);
      return this.conversation(id);
    } catch {
      return undefined;
    } finally {
      this.fetchingItems.delete(id);
    }
  }

  private async runSync(): Promise<void> {
    const generation = this.generation;
    let list: ConversationItem[];
    try {
      list = await this.api.conversations();
    } catch {
      return; // offline: the next reconnect tries again
    }
    if (generation !== this.generation) return;
    const before = this.items();
    const firstLoad = !this.loaded();
    const items = new Map(list.map((fresh) => [fresh.id, reconcile(before.get(fresh.id), fresh)]));
    // Told of by the socket after the list was read: newer than the list, kept.
    for (const id of this.announcedEarly) if (!items.has(id) && before.has(id)) items.set(id, before.get(id)!);
    this.items.set(items);
    this.loaded.set(true);
    const appeared = firstLoad ? [...this.announcedEarly] : list.filter((item) => !before.has(item.id)).map((item) => item.id);
    this.announcedEarly.clear();
    for (const id of appeared) if (items.has(id)) this.appeared$.next(items.get(id)!);

    for (const id of [...this.threads().keys()]) {
      if (!this.items().has(id)) this.threads.update((map) => withoutKey(map, id));
      else await this.gapFill(id, generation);
    }
    this.outbox.retryAll();
  }

  /**
   * Messages stored while the socket was down, from the last synced id. A full page means a longer gap:
   * the thread restarts from that page (older ones load on scroll like any history).
   */
  private async gapFill(id: number, generation: number): Promise<void> {
    const thread = this.thread(id);
    if (!thread?.ready) return; // still opening: openThread catches up itself
    const epoch = this.liveEpoch();
    try {
      const page = await this.api.messages(id, { after: thread.syncedUpTo, limit: GAP_PAGE_SIZE });
      if (generation !== this.generation) return;
      const full = page.length === GAP_PAGE_SIZE;
      // Read while one connection stayed up: the page and that connection's events join without a hole.
      const continuous = epoch >= 0 && epoch === this.liveEpoch();
      this.updateThread(id, (t) => {
        const kept = full ? t.messages.filter((m) => m.pending || m.error || m.id > page[0].id) : t.messages;
        const messages = mergeMessages(kept, page);
        const syncedUpTo = continuous ? lastStoredId(messages) : Math.max(t.syncedUpTo, page[0]?.id ?? 0);
        return { ...t, messages, hasOlder: t.hasOlder || full, syncedUpTo, syncedEpoch: continuous ? epoch : -1 };
      });
    } catch {
      // Offline again: the next reconnect gap-fills.
    }
  }

  /** The current connection's epoch, or -1 while the socket is down. */
  private liveEpoch(): number {
    return this.realtime.isConnected ? this.epoch : -1;
  }

  private markFailed(conversationId: number, clientId: string, error: string): void {
    this.updateThread(conversationId, (t) => ({ ...t, messages: t.messages.map((m) => (m.clientId === clientId && m.pending ? { ...m, pending: false, error } : m)) }));
  }

  private setItem(item: ConversationItem): void {
    this.items.update((map) => new Map(map).set(item.id, item));
  }

  private setThread(id: number, thread: ThreadState): void {
    this.threads.update((map) => new Map(map).set(id, thread));
  }

  private updateThread(id: number, change: (thread: ThreadState) => ThreadState): void {
    this.setThread(id, change(this.thread(id) ?? emptyThread()));
  }
}

const emptyThread = (): ThreadState => ({ messages: [], hasOlder: true, loadingOlder: false, ready: false, failed: false, syncedUpTo: 0, syncedEpoch: -1 });

/** The server's item, unless we already hold a newer message than it knew of (a reply racing the request). */
function reconcile(local: ConversationItem | undefined, fresh: ConversationItem): ConversationItem {
  if (local?.lastMessage && local.lastMessage.id > (fresh.lastMessage?.id ?? 0)) {
    return { ...fresh, lastMessage: local.lastMessage, unreadCount: Math.max(local.unreadCount, fresh.unreadCount) };
  }
  return fresh;
}

function withoutKey<V>(map: ReadonlyMap<number, V>, key: number): ReadonlyMap<number, V> {
  if (!map.has(key)) return map;
  const copy = new Map(map);
  copy.delete(key);
  return copy;
}
