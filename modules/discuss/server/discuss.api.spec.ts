import { createTestApp, nextEvent, type TestApp } from '@lc/testing';
import type { Socket } from 'socket.io-client';

describe('discuss API and sockets', () => {
  let t: TestApp;
  let alice: { id: number; token: string };
  let bob: { id: number; token: string };
  let carol: { id: number; token: string };
  let channelId: number;
  beforeAll(async () => {
    t = await createTestApp();
    alice = await t.createUser('alice', []);
    bob = await t.createUser('bob', []);
    carol = await t.createUser('carol', []);
    const res = await t.http.post('/api/discuss/channels').auth(alice.token, { type: 'bearer' }).send({ name: 'General', memberIds: [bob.id] }).expect(201);
    channelId = res.body.id;
  });
  afterAll(() => t.close());
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const post = (token: string, body: object, id = channelId) => t.http.post(`/api/discuss/conversations/${id}/messages`).set(as(token)).send(body);
  const items = async (token: string) => (await t.http.get('/api/discuss/conversations').set(as(token)).expect(200)).body;

  it('creates a channel listed for its members with kind, name and unread count', async () => {
    const list = await items(bob.token);
    expect(list).toContainEqual(expect.objectContaining({ id: channelId, kind: 'channel', name: 'General', unreadCount: 0, lastMessage: null }));
  });

  it('stores and returns a message in the public shape; HTML is text', async () => {
    const res = await post(alice.token, { body: '<b>Hello</b> team', clientId: 'c-1' }).expect(201);
    expect(res.body).toEqual({ id: expect.any(Number), conversationId: channelId, author: { kind: 'user', id: alice.id, name: 'User alice' }, body: '<b>Hello</b> team', clientId: 'c-1', createdAt: expect.any(String) });
    // The list shows it as its last message, to the millisecond.
    expect((await items(bob.token)).find((c: { id: number }) => c.id === channelId).lastMessage).toEqual(res.body);
  });

  it('counts unread for others, not for the author; seen clears it', async () => {
    const bobItem = (await items(bob.token)).find((c: { id: number }) => c.id === channelId);
    expect(bobItem.unreadCount).toBe(1);
    expect((await items(alice.token)).find((c: { id: number }) => c.id === channelId).unreadCount).toBe(0);
    const seen = await t.http.post(`/api/discuss/conversations/${channelId}/seen`).set(as(bob.token)).send({ lastMessageId: bobItem.lastMessage.id }).expect(200);
    expect(seen.body.unreadCount).toBe(0);
    expect((await items(bob.token)).find((c: { id: number }) => c.id === channelId).unreadCount).toBe(0);
  });

  it('makes clientId idempotent: one stored message, one delivery', async () => {
    const socket = await t.connect({ token: bob.token });
    const received: unknown[] = [];
    socket.on('message', (m) => received.push(m));
    const first = await post(alice.token, { body: 'only once', clientId: 'dup-1' }).expect(201);
    const again = await post(alice.token, { body: 'only once', clientId: 'dup-1' }).expect(200);
    expect(again.body).toEqual(first.body);
    await new Promise((r) => setTimeout(r, 300));
    expect(received).toHaveLength(1);
    const history = (await t.http.get(`/api/discuss/conversations/${channelId}/messages`).set(as(bob.token)).expect(200)).body;
    expect(history.filter((m: { clientId: string }) => m.clientId === 'dup-1')).toHaveLength(1);
  });

  it('delivers socket messages to members, acknowledged with the stored message, and idempotent by clientId', async () => {
    const aliceSocket = await t.connect({ token: alice.token });
    const bobSocket = await t.connect({ token: bob.token });
    const delivered = nextEvent(bobSocket, 'message', (m) => m.clientId === 'sock-1');
    const ack = await aliceSocket.emitWithAck('message', { conversationId: channelId, body: 'via socket', clientId: 'sock-1' });
    expect(ack).toMatchObject({ id: expect.any(Number), body: 'via socket', author: { kind: 'user', id: alice.id } });
    expect(await delivered).toEqual(ack);
    const repeat = await aliceSocket.emitWithAck('message', { conversationId: channelId, body: 'via socket', clientId: 'sock-1' });
    expect(repeat.id).toBe(ack.id);
  });

  it('pages history newest first with before/limit and gap-fills with after', async () => {
    for (let i = 0; i < 5; i++) await post(alice.token, { body: `page ${i}` }).expect(201);
    const newest = (await t.http.get(`/api/discuss/conversations/${channelId}/messages?limit=2`).set(as(bob.token)).expect(200)).body;
    expect(newest.map((m: { body: string }) => m.body)).toEqual(['page 4', 'page 3']);
    const older = (await t.http.get(`/api/discuss/conversations/${channelId}/messages?limit=2&before=${newest[1].id}`).set(as(bob.token)).expect(200)).body;
    expect(older.map((m: { body: string }) => m.body)).toEqual(['page 2', 'page 1']);
    const missed = (await t.http.get(`/api/discuss/conversations/${channelId}/messages?after=${older[0].id}`).set(as(bob.token)).expect(200)).body;
    expect(missed.map((m: { body: string }) => m.body)).toEqual(['page 4', 'page 3']);
    await t.http.get(`/api/discuss/conversations/${channelId}/messages?limit=101`).set(as(bob.token)).expect(400);
    await t.http.get(`/api/discuss/conversations/${channelId}/messages?before=abc`).set(as(bob.token)).expect(400);
  });

  it('gap-fills after a reconnect: nothing lost, nothing twice, in order', async () => {
    const seen = new Map<number, string>();
    const socket = await t.connect({ token: bob.token });
    socket.on('message', (m) => seen.set(m.id, m.body));
    await post(alice.token, { body: 'before drop' }).expect(201);
    await new Promise((r) => setTimeout(r, 200));
    const lastSeenId = Math.max(...seen.keys());
    socket.disconnect();
    await post(alice.token, { body: 'while away 1' }).expect(201);
    await post(alice.token, { body: 'while away 2' }).expect(201);
    const again: Socket = await t.connect({ token: bob.token });
    again.on('message', (m) => seen.set(m.id, m.body));
    const missed = (await t.http.get(`/api/discuss/conversations/${channelId}/messages?after=${lastSeenId}`).set(as(bob.token)).expect(200)).body;
    for (const m of missed.reverse()) seen.set(m.id, m.body);
    const bodies = [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, body]) => body);
    expect(bodies.slice(-3)).toEqual(['before drop', 'while away 1', 'while away 2']);
  });

  describe('membership and bad input', () => {
    it('answers a non-member 403 for a channel and 404 for a private chat; unknown is 404', async () => {
      await post(carol.token, { body: 'let me in' }).expect(403);
      await t.http.get(`/api/discuss/conversations/${channelId}/messages`).set(as(carol.token)).expect(403);
      const chat = await t.http.post('/api/discuss/chats').set(as(alice.token)).send({ userId: bob.id }).expect(201);
      await post(carol.token, { body: 'peek' }, chat.body.id).expect(404);
      await post(carol.token, { body: 'x' }, 999999).expect(404);
      await post(carol.token, { body: 'x' }, 'abc' as unknown as number).expect(400);
    });

    it.each([
      ['an empty body', { body: '' }, 'empty'],
      ['a blank body', { body: '    ' }, 'empty'],
      ['4,001 characters', { body: 'x'.repeat(4001) }, '4000'],
      ['a number', { body: 42 }, 'body'],
      ['an unknown field', { body: 'ok', extra: true }, 'extra'],
      ['a malformed clientId', { body: 'ok', clientId: 'has spaces in it' }, 'clientId'],
      ['a NUL character', { body: 'a\u0000b' }, 'NUL'],
    ])('refuses %s with 400 and stores nothing', async (_label, body, named) => {
      const before = (await t.http.get(`/api/discuss/conversations/${channelId}/messages?limit=1`).set(as(alice.token))).body[0]?.id;
      const res = await post(alice.token, body).expect(400);
      expect(JSON.stringify(res.body.message)).toContain(named);
      expect((await t.http.get(`/api/discuss/conversations/${channelId}/messages?limit=1`).set(as(alice.token))).body[0]?.id).toBe(before);
    });

    it('accepts exactly 4,000 characters, judged after trimming', async () => {
      await post(alice.token, { body: `  ${'y'.repeat(4000)}  ` }).expect(201);
    });

    it('answers malformed socket events with an error ack and keeps the connection', async () => {
      const socket = await t.connect({ token: carol.token });
      expect(await socket.emitWithAck('message', { conversationId: channelId, body: 'no' })).toMatchObject({ error: expect.any(String), status: 403 });
      expect(await socket.emitWithAck('message', { conversationId: 'x', body: '' })).toMatchObject({ error: expect.any(String), status: 400 });
      expect(await socket.emitWithAck('message', null)).toMatchObject({ error: expect.any(String) });
      expect(await socket.emitWithAck('typing', { conversationId: channelId })).toMatchObject({ error: expect.stringContaining('typing') });
      expect(socket.connected).toBe(true);
    });

    it('rate-limits a flood from one socket with error acks, without dropping it', async () => {
      const socket = await t.connect({ token: alice.token });
      const acks = await Promise.all(Array.from({ length: 40 }, () => socket.emitWithAck('typing', { conversationId: channelId, typing: true })));
      expect(acks.filter((a) => a.status === 429).length).toBeGreaterThan(0);
      expect(acks.filter((a) => a.ok).length).toBeLessThanOrEqual(t.config.rateLimits.socketEventsPerSecond);
      expect(socket.connected).toBe(true);
    });
  });

  it('relays typing to the other members', async () => {
    const aliceSocket = await t.connect({ token: alice.token });
    const bobSocket = await t.connect({ token: bob.token });
    const typing = nextEvent(bobSocket, 'typing');
    expect(await aliceSocket.emitWithAck('typing', { conversationId: channelId, typing: true })).toEqual({ ok: true });
    expect(await typing).toEqual({ conversationId: channelId, author: { kind: 'user', id: alice.id, name: 'User alice' }, typing: true });
  });

  it('invites into a channel and opens one chat per pair of users', async () => {
    await t.http.post(`/api/discuss/conversations/${channelId}/members`).set(as(alice.token)).send({ userId: carol.id }).expect(200);
    await post(carol.token, { body: 'thanks for the invite' }).expect(201);
    const first = await t.http.post('/api/discuss/chats').set(as(carol.token)).send({ userId: alice.id }).expect(201);
    const second = await t.http.post('/api/discuss/chats').set(as(alice.token)).send({ userId: carol.id }).expect(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.name).toBe('User carol');
  });
});
