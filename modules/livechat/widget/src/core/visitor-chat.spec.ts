import { KEY, MemoryStorage, OPERATOR, setUp, settle, startChat, VISITOR, wait } from './test-fakes';

const SAVED = { visitorToken: 'token-1', sessionId: 12, conversationId: 34, status: 'active', operator: { id: 7, name: 'Marc' }, open: true, pending: [] };
const storageWith = (saved: object) => {
  const storage = new MemoryStorage();
  storage.setItem(KEY, JSON.stringify(saved));
  return storage;
};

describe('the visitor chat core', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  describe('starting', () => {
    it('opens on a click with public channel info only: no session, the composer ready under the welcome', async () => {
      const t = setUp();
      expect(await t.chat.loadChannel()).toMatchObject({ id: 1, name: 'Website', welcomeMessage: 'Hello!' });
      t.chat.open(true);
      expect(t.chat.screen).toBe('loading');
      await settle();
      await wait(60000);
      expect(t.server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/livechat/channels/1/public', 'GET /api/livechat/channels/1/public']);
      expect(t.chat).toMatchObject({ screen: 'chat', sessionId: null, status: null, storedWelcome: null });
      expect(t.chat.canSend('Hi')).toBe(true);
      expect(t.changes).toContain('ready'); // the view focuses the composer
      expect(t.sockets).toEqual([]);
      t.chat.typed('H');
      t.chat.minimise();
      t.chat.open(true);
      await settle();
      expect(t.server.posts('/api/livechat/channels/1/sessions')).toEqual([]); // typing, minimising, opening again: still none
    });

    it('starts the session with the first message: one start with the page URL, then the message with its clientId', async () => {
      const t = setUp();
      t.server.message({ kind: 'user', id: 7, name: 'Marc' }, 'Hello!'); // the welcome the server stores at start
      await t.chat.loadChannel();
      t.chat.open(true);
      await settle();
      t.chat.send('I need a sofa');
      expect(t.chat.outbox.items).toEqual([{ clientId: expect.any(String), body: 'I need a sofa' }]);
      expect(t.storage.saved().pending).toEqual([{ clientId: t.chat.outbox.items[0].clientId, body: 'I need a sofa' }]);
      await settle();
      expect(t.server.requests.slice(2).map((r) => `${r.method} ${r.path}`)).toEqual([
        'POST /api/livechat/channels/1/sessions',
        'GET /api/livechat/sessions/12/messages',
        'POST /api/livechat/sessions/12/messages',
      ]);
      expect(t.server.requests[2].body).toEqual({ pageUrl: 'https://shop.example.com/sofas', startKey: expect.any(String) });
      expect(t.chat).toMatchObject({ screen: 'chat', sessionId: 12, conversationId: 34, status: 'active', operator: { id: 7, name: 'Marc' } });
      expect(t.socket().auth).toBe('token-1');
      // The stored welcome replaces the local copy: shown once, from the operator.
      expect(t.chat.storedWelcome).toMatchObject({ author: { kind: 'user', id: 7 }, body: 'Hello!' });
      expect([...t.chat.messages.values()].map((m) => m.body)).toEqual(['Hello!', 'I need a sofa']);
      expect(t.chat.unread).toBe(0);
      expect(t.storage.saved()).toEqual(SAVED);
    });

    it('makes exactly one start and one message post when the first start fails once, whatever the clicks', async () => {
      const t = setUp();
      await t.chat.loadChannel();
      t.chat.open(true);
      await settle();
      t.server.once('POST', '/api/livechat/channels/1/sessions', 'network error');
      t.chat.send('Hello?');
      t.chat.send('Anyone?'); // a second message (or a double click) while the start runs shares it
      await settle();
      expect(t.server.posts('/api/livechat/channels/1/sessions')).toHaveLength(1);
      expect(t.chat.outbox.items.map((p) => p.retrying)).toEqual([true, true]);
      expect(t.chat.sessionId).toBeNull();
      await wait(1000);
      const starts = t.server.posts('/api/livechat/channels/1/sessions');
      expect(starts).toHaveLength(2); // the failed one and its retry, with one key: the server starts one session
      expect(starts[0].body.startKey).toMatch(/^[0-9a-f-]{32,36}$/);
      expect(starts[1].body.startKey).toBe(starts[0].body.startKey);
      expect(t.server.posts().map((p) => p.body.body)).toEqual(['Hello?', 'Anyone?']);
      expect(t.chat).toMatchObject({ sessionId: 12, status: 'active' });
      expect(t.chat.outbox.items).toEqual([]);
      await wait(60000);
      expect(t.server.posts('/api/livechat/channels/1/sessions')).toHaveLength(2);
      expect(t.server.posts()).toHaveLength(2);
    });

    it('posts the first message again with the same clientId when its post fails after the start', async () => {
      const t = setUp();
      await t.chat.loadChannel();
      t.chat.open(true);
      await settle();
      t.server.once('POST', '/api/livechat/sessions/12/messages', { status: 503 });
      t.chat.send('Hello?');
      await settle();
      await wait(1000);
      const posts = t.server.posts();
      expect(posts).toHaveLength(2);
      expect(posts[0].body.clientId).toBe(posts[1].body.clientId);
      expect(t.server.posts('/api/livechat/channels/1/sessions')).toHaveLength(1);
      expect(t.server.stored.map((m) => m.body)).toEqual(['Hello?']);
    });

    it('keeps a first message across a reload before its session started, and starts it then', async () => {
      const storage = new MemoryStorage();
      const first = setUp(storage);
      await first.chat.loadChannel();
      first.chat.open(true);
      await settle();
      first.server.once('POST', '/api/livechat/channels/1/sessions', { status: 503 });
      first.chat.send('Before the reload');
      await settle();
      const clientId = first.chat.outbox.items[0].clientId;
      const startKey = first.server.posts('/api/livechat/channels/1/sessions')[0].body.startKey;
      expect(storage.saved()).toMatchObject({ sessionId: null, pending: [{ clientId, body: 'Before the reload' }], startKey });

      const t = setUp(storage); // the next page
      await t.chat.loadChannel();
      expect(t.chat.resume()).toBe(true);
      await settle();
      expect(t.server.posts('/api/livechat/channels/1/sessions').map((r) => r.body.startKey)).toEqual([startKey]); // the same start, retried
      expect(t.server.posts()).toEqual([expect.objectContaining({ body: { body: 'Before the reload', clientId } })]);
      expect(t.storage.saved().startKey).toBeUndefined();
      expect(t.chat.sessionId).toBe(12);
    });

    it('sends the first message to the session another tab started meanwhile, never a second one', async () => {
      const t = setUp();
      await t.chat.loadChannel();
      t.chat.open(true);
      await settle();
      t.storage.setItem(KEY, JSON.stringify(SAVED)); // the other tab's first message started session 12
      t.chat.send('From this tab');
      await settle();
      expect(t.server.posts('/api/livechat/channels/1/sessions')).toEqual([]);
      expect(t.server.posts()).toEqual([expect.objectContaining({ body: { body: 'From this tab', clientId: expect.any(String) } })]);
      expect(t.chat.sessionId).toBe(12);
    });

    it('offers the leave-a-message form when nobody is inside the channel, and sends it', async () => {
      const t = setUp();
      t.server.channel.operatorsInside = 0;
      await t.chat.loadChannel();
      t.chat.open(true);
      await settle();
      expect(t.chat.screen).toBe('offline');
      expect(t.server.posts('/api/livechat/channels/1/sessions')).toEqual([]);
      expect(await t.chat.leaveMessage({ email: 'ada@example.com', body: 'Call me' })).toBe('');
      expect(t.chat.screen).toBe('thanks');
      t.server.once('POST', '/api/livechat/channels/1/offline-messages', { status: 429 });
      expect(await t.chat.leaveMessage({ email: 'ada@example.com', body: 'Call me' })).toBe('You are sending messages too fast. Please wait a moment.');
    });

    it('starts with a plain body when the server refuses the pageUrl extension (400)', async () => {
      const t = setUp();
      t.server.once('POST', '/api/livechat/channels/1/sessions', { status: 400 });
      await t.chat.loadChannel();
      t.chat.open(true);
      await settle();
      t.chat.send('Hi');
      await settle();
      expect(t.server.posts('/api/livechat/channels/1/sessions').map((r) => r.body)).toEqual([{ pageUrl: 'https://shop.example.com/sofas', startKey: expect.any(String) }, {}]);
      expect(t.chat.sessionId).toBe(12);
      expect(t.chat.outbox.items).toEqual([]);
    });

    it('says "Chat is not available" when the start is refused as blocked, retries a 429, and sends the token of an earlier session', async () => {
      const t = setUp(storageWith({ visitorToken: 'old-token' }));
      expect(t.chat.resume()).toBe(false);
      await t.chat.loadChannel();
      t.chat.open(true);
      await settle();
      t.server.once('POST', '/api/livechat/channels/1/sessions', { status: 403, data: { statusCode: 403, message: 'Chat is not available' } });
      t.chat.send('Hi');
      await settle();
      expect(t.chat.screen).toBe('unavailable');
      expect(t.chat.outbox.items).toEqual([]);
      expect(t.server.posts('/api/livechat/channels/1/sessions')[0].token).toBe('old-token');
      expect(t.server.requests.at(-1)).toMatchObject({ method: 'GET', path: '/api/livechat/channels/1/public', token: 'old-token' }); // the launcher follows

      // Opened again once the block is lifted: the chat again.
      t.chat.open(true);
      await settle();
      expect(t.chat.screen).toBe('chat');
      t.server.once('POST', '/api/livechat/channels/1/sessions', { status: 404, data: { statusCode: 404, message: 'Channel 1 not found' } });
      t.chat.send('Hi');
      await settle();
      expect(t.chat.notice).toBe('Channel 1 not found');
      expect(t.chat.outbox.items).toEqual([expect.objectContaining({ body: 'Hi', failed: true })]);

      t.server.once('POST', '/api/livechat/channels/1/sessions', { status: 429 });
      t.chat.send('Again');
      await settle();
      expect(t.chat.notice).toBe('Too many attempts. Please wait a minute.');
      await wait(6000);
      expect(t.server.posts('/api/livechat/channels/1/sessions')).toHaveLength(4);
      expect(t.server.posts().map((p) => p.body.body)).toEqual(['Again']);
    });

    it('opens on "Chat is not available" for a blocked visitor: no form, no composer, no session', async () => {
      const t = setUp(storageWith({ visitorToken: 'blocked-token' }));
      t.server.channel = { ...t.server.channel, available: false, blocked: true } as typeof t.server.channel;
      await t.chat.loadChannel();
      expect(t.server.requests[0].token).toBe('blocked-token'); // read before resume(): the saved token
      t.chat.resume();
      t.chat.open(true);
      await settle();
      expect(t.chat.screen).toBe('unavailable');
      expect(t.chat.canSend('Hi')).toBe(false);
      t.server.once('POST', '/api/livechat/channels/1/offline-messages', { status: 403, data: { statusCode: 403, message: 'Chat is not available' } });
      expect(await t.chat.leaveMessage({ email: 'a@example.com', body: 'x' })).toBe('Chat is not available'); // an old form still open: refused too
    });
  });

  describe('pages', () => {
    it("reports a page to the session another tab started, and keeps that tab's saved session", async () => {
      const t = setUp();
      t.storage.setItem(KEY, JSON.stringify({ ...SAVED, open: false }));
      t.page.url = 'https://shop.example.com/tables';
      t.chat.notePage();
      await settle();
      expect(t.chat.sessionId).toBe(12);
      expect(t.server.posts('/api/livechat/sessions/12/pages').map((r) => r.body.url)).toEqual(['https://shop.example.com/tables']);
      expect(t.storage.saved()).toMatchObject({ sessionId: 12, visitorToken: 'token-1' });
    });

    it('keeps the pages seen before the first message (20 at most, http only, once each) and sends them with the start', async () => {
      const t = setUp();
      const visit = (url: string) => {
        t.page.url = url;
        t.page.title = `  Title of ${url}  `;
        t.chat.notePage();
      };
      visit('https://shop.example.com/');
      t.chat.notePage(); // the same page: once
      visit('about:blank');
      for (let i = 1; i <= 21; i++) visit(`https://shop.example.com/p/${i}`);
      const saved = t.storage.saved().pages;
      expect(saved).toHaveLength(20);
      expect(saved[0]).toEqual({ url: 'https://shop.example.com/p/2', title: 'Title of https://shop.example.com/p/2', at: expect.any(String) });
      expect(t.server.requests.filter((r) => r.path.endsWith('/pages'))).toEqual([]);

      await t.chat.loadChannel();
      t.chat.open(true);
      await settle();
      t.chat.send('Hello');
      await settle();
      const start = t.server.posts('/api/livechat/channels/1/sessions')[0].body;
      expect(start.pages).toHaveLength(20);
      expect(start.pages.at(-1).url).toBe('https://shop.example.com/p/21');
      expect(t.storage.saved().pages).toBeUndefined(); // sent: forgotten

      // During the chat, each new page is reported at once.
      visit('https://shop.example.com/checkout');
      await settle();
      expect(t.server.posts('/api/livechat/sessions/12/pages').map((r) => [r.body, r.token])).toEqual([[{ url: 'https://shop.example.com/checkout', title: 'Title of https://shop.example.com/checkout' }, 'token-1']]);
    });
  });

  describe('resuming after a reload', () => {
    it('shows the saved session, merges its messages and posts what was left unsent with the same clientId', async () => {
      const t = setUp(storageWith({ ...SAVED, pending: [{ clientId: 'c-1', body: 'typed before the reload' }] }));
      t.server.message(OPERATOR, 'Welcome back');
      await t.chat.loadChannel();
      expect(t.chat.resume()).toBe(true); // the window was open
      expect(t.chat).toMatchObject({ screen: 'chat', sessionId: 12, status: 'active' });
      expect(t.socket().auth).toBe('token-1');
      await settle();
      expect(t.server.posts()[0]).toMatchObject({ body: { body: 'typed before the reload', clientId: 'c-1' }, token: 'token-1' });
      expect([...t.chat.messages.values()].map((m) => m.body)).toEqual(['Welcome back', 'typed before the reload']);
      expect(t.chat.unread).toBe(0); // history, not news
      expect(t.storage.saved().pending).toEqual([]);
    });

    it('does not store a message twice when the server had it before the reload', async () => {
      const t = setUp(storageWith({ ...SAVED, pending: [{ clientId: 'c-1', body: 'Hi' }] }));
      t.server.message(VISITOR, 'Hi', 'c-1');
      t.chat.resume();
      await settle();
      expect(t.server.stored).toHaveLength(1);
      expect(t.chat.messages.size).toBe(1);
      expect(t.chat.outbox.items).toEqual([]);
    });

    it('forgets a session the server no longer has (404), closed, keeping the token', async () => {
      const t = setUp(storageWith(SAVED));
      t.server.once('GET', '/api/livechat/sessions/12/messages', { status: 404 });
      t.chat.resume();
      await settle();
      expect(t.chat).toMatchObject({ screen: null, sessionId: null, isOpen: false });
      expect(t.storage.saved()).toEqual({ visitorToken: 'token-1', sessionId: null, conversationId: null, status: null, operator: null, open: false, pending: [] });
    });

    it('forgets the visitor too on 401', async () => {
      const t = setUp(storageWith(SAVED));
      t.server.once('GET', '/api/livechat/sessions/12/messages', { status: 401 });
      t.chat.resume();
      await settle();
      expect(t.storage.saved().visitorToken).toBeNull();
    });

    it('ignores saved data that is not a session', async () => {
      const storage = new MemoryStorage();
      storage.setItem(KEY, 'not json');
      const t = setUp(storage);
      expect(t.chat.resume()).toBe(false);
      expect(t.sockets).toEqual([]);
    });

    it('follows a session another tab started', async () => {
      const t = setUp();
      await t.chat.loadChannel();
      t.storage.setItem(KEY, JSON.stringify({ ...SAVED, sessionId: 12 }));
      t.chat.followOtherTab();
      expect(t.chat).toMatchObject({ screen: 'chat', sessionId: 12 });
      t.chat.followOtherTab(); // the same session again: nothing to do
      expect(t.sockets).toHaveLength(1);
    });
  });

  describe('the socket', () => {
    it('livechat.session moves the queue position, then assigns the operator', async () => {
      const t = setUp();
      t.server.started = { ...t.server.started, status: 'queued', queuePosition: 3, operator: null };
      const socket = await startChat(t);
      expect(t.chat).toMatchObject({ status: 'queued', queuePosition: 3, operator: null });
      socket.receive('livechat.session', { sessionId: 12, status: 'queued', operator: null, queuePosition: 1 });
      expect(t.chat.queuePosition).toBe(1);
      socket.receive('livechat.session', { sessionId: 12, status: 'active', operator: { id: 7, name: 'Marc' }, queuePosition: null });
      expect(t.chat).toMatchObject({ status: 'active', operator: { id: 7, name: 'Marc' }, queuePosition: null });
      expect(t.storage.saved()).toMatchObject({ status: 'active', operator: { id: 7, name: 'Marc' } });
      socket.receive('livechat.session', { sessionId: 99, status: 'ended', operator: null, queuePosition: null });
      expect(t.chat.status).toBe('active'); // another session's event
    });

    it('an operator message assigns a queued session even when livechat.session was missed', async () => {
      const t = setUp();
      t.server.started = { ...t.server.started, status: 'queued', queuePosition: 1, operator: null };
      const socket = await startChat(t);
      socket.receive('message', t.server.message({ kind: 'user', id: 8, name: 'Ana' }, 'Hello, Ana here'));
      expect(t.chat).toMatchObject({ status: 'active', operator: { id: 8, name: 'Ana' } });
    });

    it('shows the latest name of an operator, never an older one', async () => {
      const t = setUp();
      t.server.started = { ...t.server.started, operator: null };
      const socket = await startChat(t);
      socket.receive('message', t.server.message({ kind: 'user', id: 7, name: 'Marc' }, 'one'));
      socket.receive('livechat.session', { sessionId: 12, status: 'active', operator: { id: 7, name: 'Marco' }, queuePosition: null });
      expect(t.chat.operator).toEqual({ id: 7, name: 'Marco' });
      expect(t.chat.names.display({ kind: 'user', id: 7, name: 'Marc' })).toBe('Marco');
    });

    it('merges what was missed after a reconnect, by id', async () => {
      const t = setUp();
      const socket = await startChat(t);
      socket.receive('message', t.server.message(OPERATOR, 'before'));
      socket.receive('disconnect', 'transport close');
      expect(t.chat.notice).toBe('Connection lost. Reconnecting…');
      t.server.message(OPERATOR, 'while away');
      socket.receive('connect');
      await settle();
      expect([...t.chat.messages.values()].map((m) => m.body)).toEqual(['before', 'while away']);
      expect(t.chat.notice).toBe('');
    });

    it('reconnects by itself 3 s after the server closed the socket, checking the session first', async () => {
      const t = setUp();
      const socket = await startChat(t);
      const connect = jest.spyOn(socket, 'connect');
      const gets = () => t.server.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/messages')).length;
      const before = gets();
      socket.receive('disconnect', 'io server disconnect');
      await wait(3000);
      expect(connect).toHaveBeenCalledTimes(1);
      expect(gets()).toBe(before + 1);
    });

    it('shows who is typing, until they send or 15 s pass', async () => {
      const t = setUp();
      const socket = await startChat(t);
      socket.receive('typing', { conversationId: 34, author: OPERATOR, typing: true });
      expect(t.chat.operatorTyping.name).toBe('Marc');
      socket.receive('message', t.server.message(OPERATOR, 'Here'));
      expect(t.chat.operatorTyping.name).toBeNull();
      socket.receive('typing', { conversationId: 34, author: OPERATOR, typing: true });
      socket.receive('typing', { conversationId: 34, author: VISITOR, typing: false }); // the visitor's own, from another tab
      expect(t.chat.operatorTyping.name).toBe('Marc');
      await wait(15000);
      expect(t.chat.operatorTyping.name).toBeNull();
    });

    it('counts operator messages that arrive while minimised as unread', async () => {
      const t = setUp();
      const socket = await startChat(t);
      t.chat.minimise();
      socket.receive('message', t.server.message(OPERATOR, 'Still there?'));
      socket.receive('message', t.server.message(VISITOR, 'yes'));
      expect(t.chat.unread).toBe(1);
      t.chat.open(true);
      expect(t.chat.unread).toBe(0);
    });
  });

  describe('typing notices', () => {
    it('sends "typing" at most every 2 s and "stopped" after 3 s without a key', async () => {
      const t = setUp();
      const socket = await startChat(t);
      t.chat.typed('H');
      await wait(1000);
      t.chat.typed('He');
      await wait(1000);
      t.chat.typed('Hel'); // 2 s after the first: repeated
      expect(socket.typingEmits()).toEqual([
        { conversationId: 34, typing: true },
        { conversationId: 34, typing: true },
      ]);
      await wait(2999);
      expect(socket.typingEmits()).toHaveLength(2);
      await wait(1);
      expect(socket.typingEmits()[2]).toEqual({ conversationId: 34, typing: false });
    });

    it('says "stopped" at once when the text is cleared or sent, and nothing while disconnected', async () => {
      const t = setUp();
      const socket = await startChat(t);
      t.chat.typed('Hi');
      t.chat.typed('');
      t.chat.typed('Hi');
      t.chat.send('Hi');
      expect(socket.typingEmits().map((p: any) => p.typing)).toEqual([true, false, true, false]);
      socket.receive('disconnect', 'transport close');
      t.chat.typed('more');
      expect(socket.typingEmits()).toHaveLength(4);
    });
  });

  describe('the end', () => {
    it('"End conversation" closes the session: socket closed, storage cleared but the token kept', async () => {
      const t = setUp();
      const socket = await startChat(t);
      t.chat.typed('bye');
      await t.chat.close();
      expect(t.server.posts('/api/livechat/sessions/12/close')).toHaveLength(1);
      expect(t.chat).toMatchObject({ status: 'ended', screen: 'chat', sessionId: 12 });
      expect(socket.connected).toBe(false);
      expect(socket.typingEmits().pop()).toEqual({ conversationId: 34, typing: false });
      expect(t.storage.saved()).toEqual({ visitorToken: 'token-1', sessionId: null, conversationId: null, status: null, operator: null, open: true, pending: [] });
      expect(t.chat.notice).toBe('');
    });

    it('the ended chat\'s close button forgets it: window closed, nothing kept but the token, the next open starts afresh', async () => {
      const t = setUp();
      await startChat(t);
      await t.chat.close();
      t.chat.dismiss();
      expect(t.chat).toMatchObject({ status: null, screen: null, sessionId: null, isOpen: false, messages: new Map() });
      expect(t.storage.saved()).toEqual({ visitorToken: 'token-1', sessionId: null, conversationId: null, status: null, operator: null, open: false, pending: [] });
      t.chat.open(true);
      await settle();
      expect(t.chat).toMatchObject({ screen: 'chat', sessionId: null, isOpen: true });
    });

    it('close on a chat that has not ended only minimises it', async () => {
      const t = setUp();
      await startChat(t);
      t.chat.dismiss();
      expect(t.chat).toMatchObject({ status: 'active', sessionId: 12, isOpen: false });
    });

    it('says so when the close fails, and the chat goes on', async () => {
      const t = setUp();
      await startChat(t);
      t.server.once('POST', '/api/livechat/sessions/12/close', { status: 500 });
      await t.chat.close();
      expect(t.chat.status).toBe('active');
      expect(t.chat.notice).toBe('Could not end the conversation. Please try again.');
      await wait(5000);
      expect(t.chat.notice).toBe('');
    });

    it('ends when the operator ends it; the unsent messages stay, marked failed; a new chat starts afresh', async () => {
      const t = setUp();
      const socket = await startChat(t);
      t.server.once('POST', '/api/livechat/sessions/12/messages', 'network error');
      t.chat.send('lost');
      await settle();
      socket.receive('livechat.session', { sessionId: 12, status: 'ended', operator: { id: 7, name: 'Marc' }, queuePosition: null });
      expect(t.chat.status).toBe('ended');
      expect(t.chat.outbox.items).toEqual([expect.objectContaining({ body: 'lost', failed: true })]);
      await wait(60000);
      expect(t.server.posts()).toHaveLength(1); // never retried
      t.server.started = { ...t.server.started, sessionId: 13, conversationId: 35 };
      t.server.stored.length = 0;
      await t.chat.start();
      await settle();
      expect(t.chat).toMatchObject({ screen: 'chat', sessionId: null, messages: new Map() });
      t.chat.send('A new question');
      await settle();
      expect(t.chat).toMatchObject({ status: 'active', sessionId: 13 });
      expect(t.chat.outbox.items).toEqual([]);
      expect(t.server.posts('/api/livechat/channels/1/sessions').pop()!.token).toBe('token-1');
    });

    it('says why when the server ended it for a reason (blocked): no rating, no copy, and the launcher reads the channel again', async () => {
      const t = setUp();
      const socket = await startChat(t);
      t.server.channel = { ...t.server.channel, available: false, blocked: true } as typeof t.server.channel;
      socket.receive('livechat.session', { sessionId: 12, status: 'ended', operator: { id: 7, name: 'Marc' }, queuePosition: null, reason: 'Chat is not available' });
      await settle();
      expect(t.chat).toMatchObject({ status: 'ended', endReason: 'Chat is not available', canRate: false, canEmailTranscript: false });
      expect(t.chat.channel).toMatchObject({ blocked: true });
      await t.chat.start();
      expect(t.chat.screen).toBe('unavailable');
    });
  });
});
