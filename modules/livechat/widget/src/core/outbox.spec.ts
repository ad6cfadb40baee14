import { setUp, settle, startChat, VISITOR, wait } from './test-fakes';

const MESSAGES = '/api/livechat/sessions/12/messages';

describe('the outbox: every message reaches the server once, in order', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('posts a message with a clientId and shows it once the server has it', async () => {
    const t = setUp();
    await startChat(t);
    t.chat.send('  Hello  ');
    expect(t.chat.outbox.items).toEqual([{ clientId: expect.any(String), body: 'Hello' }]);
    expect(t.storage.saved().pending).toEqual([{ clientId: t.chat.outbox.items[0].clientId, body: 'Hello' }]);
    await settle();
    expect(t.server.posts()).toHaveLength(1);
    expect(t.server.posts()[0]).toMatchObject({ body: { body: 'Hello', clientId: expect.any(String) }, token: 'token-1' });
    expect(t.chat.outbox.items).toEqual([]);
    expect([...t.chat.messages.values()].map((m) => m.body)).toEqual(['Hello']);
    expect(t.storage.saved().pending).toEqual([]);
    expect(t.changes).toContain('own-message');
  });

  it.each([
    ['a 503', { status: 503 }],
    ['a network failure', 'network error' as const],
  ])('after %s waits 1 s, 2 s, 4 s… and sends again with the same clientId', async (_, answer) => {
    const t = setUp();
    await startChat(t);
    t.server.once('POST', MESSAGES, answer, 3);
    t.chat.send('Are you there?');
    await settle();
    expect(t.chat.outbox.items[0]).toMatchObject({ body: 'Are you there?', retrying: true });
    await wait(999);
    expect(t.server.posts()).toHaveLength(1);
    await wait(1);
    expect(t.server.posts()).toHaveLength(2);
    await wait(2000);
    expect(t.server.posts()).toHaveLength(3);
    await wait(4000);
    const posts = t.server.posts();
    expect(posts).toHaveLength(4);
    expect(new Set(posts.map((p) => p.body.clientId)).size).toBe(1);
    expect(t.chat.outbox.items).toEqual([]);
    expect(t.server.stored).toHaveLength(1);
  });

  it('after a 429 says so and waits 6 s', async () => {
    const t = setUp();
    await startChat(t);
    t.server.once('POST', MESSAGES, { status: 429, data: { statusCode: 429, message: 'Too Many Requests' } });
    t.chat.send('One');
    await settle();
    expect(t.chat.notice).toBe('You are sending messages too fast. Please wait a moment.');
    await wait(5999);
    expect(t.server.posts()).toHaveLength(1);
    await wait(1);
    expect(t.server.posts()).toHaveLength(2);
    expect(t.chat.outbox.items).toEqual([]);
    await wait(100);
    expect(t.chat.notice).toBe('');
  });

  it('sends the moment the socket reconnects instead of waiting out the pause', async () => {
    const t = setUp();
    const socket = await startChat(t);
    t.server.once('POST', MESSAGES, 'network error');
    t.chat.send('Still there?');
    await settle();
    socket.receive('disconnect', 'transport close');
    socket.receive('connect');
    await settle();
    expect(t.server.posts()).toHaveLength(2);
    expect(t.chat.outbox.items).toEqual([]);
  });

  it('keeps the order: a message typed during an outage waits for the one before it', async () => {
    const t = setUp();
    await startChat(t);
    t.server.once('POST', MESSAGES, 'network error');
    t.chat.send('first');
    await settle();
    t.chat.send('second');
    await settle();
    expect(t.server.posts().map((p) => p.body.body)).toEqual(['first']);
    await wait(1000);
    expect(t.server.posts().map((p) => p.body.body)).toEqual(['first', 'first', 'second']);
    expect(t.server.stored.map((m) => m.body)).toEqual(['first', 'second']);
  });

  it('shows a message once when the socket delivers it before the POST answers', async () => {
    const t = setUp();
    const socket = await startChat(t);
    t.chat.send('Hi'); // the server stores it at once; its answer is still on the way
    expect(t.server.stored).toEqual([expect.objectContaining({ body: 'Hi', clientId: t.chat.outbox.items[0].clientId })]);
    socket.receive('message', t.server.stored[0]);
    expect(t.chat.outbox.items).toEqual([]);
    await settle();
    expect([...t.chat.messages.values()]).toHaveLength(1);
    expect(t.server.stored).toHaveLength(1);
  });

  it('shows a message once when the server stored it but its answer was lost', async () => {
    const t = setUp();
    await startChat(t);
    t.server.once('POST', MESSAGES, 'network error');
    t.chat.send('Hi');
    t.server.message(VISITOR, 'Hi', t.chat.outbox.items[0].clientId); // stored before the connection dropped
    await wait(1000); // the retry: the server answers 200 with the message it has
    expect(t.server.posts()).toHaveLength(2);
    expect(t.server.stored).toHaveLength(1);
    expect([...t.chat.messages.values()].map((m) => m.body)).toEqual(['Hi']);
    expect(t.chat.outbox.items).toEqual([]);
  });

  it('marks a message the server refuses (400) as failed and goes on with the next', async () => {
    const t = setUp();
    await startChat(t);
    t.server.once('POST', MESSAGES, { status: 400, data: { statusCode: 400, message: ['body must not contain NUL characters'] } });
    t.chat.send('bad');
    t.chat.send('good');
    await settle();
    expect(t.chat.outbox.items).toEqual([expect.objectContaining({ body: 'bad', failed: true })]);
    expect(t.chat.notice).toBe('body must not contain NUL characters');
    expect(t.server.stored.map((m) => m.body)).toEqual(['good']);
    expect(t.storage.saved().pending).toEqual([]); // a failed message is not sent again after a reload
  });

  it('stops on 409: the session has ended, the waiting messages are not sent', async () => {
    const t = setUp();
    await startChat(t);
    t.server.once('POST', MESSAGES, { status: 409 });
    t.chat.send('too late');
    await settle();
    expect(t.chat.status).toBe('ended');
    expect(t.chat.outbox.items).toEqual([expect.objectContaining({ body: 'too late', failed: true })]);
    expect(t.storage.saved()).toMatchObject({ sessionId: null, pending: [], visitorToken: 'token-1' });
  });

  it('refuses empty, too long, and after the end', async () => {
    const t = setUp();
    await startChat(t);
    expect(t.chat.canSend('   ')).toBe(false);
    expect(t.chat.canSend('x'.repeat(4001))).toBe(false);
    expect(t.chat.canSend(` ${'x'.repeat(4000)} `)).toBe(true);
    t.sockets[0].receive('livechat.session', { sessionId: 12, status: 'ended', operator: null, queuePosition: null });
    expect(t.chat.canSend('hello')).toBe(false);
    t.chat.send('hello');
    expect(t.chat.outbox.items).toEqual([]);
  });
});
