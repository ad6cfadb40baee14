import type { Socket } from 'socket.io-client';
import { createTestApp, nextEvent, waitFor, type TestApp } from '@lc/testing';

/** Reading a conversation back (its operator, managers) and the visitor's rating of it. */
describe('livechat: transcripts and ratings', () => {
  let t: TestApp;
  let manager: { id: number; token: string };
  let op: { id: number; token: string; socket: Socket };
  let other: { id: number; token: string };
  let channelId: number;
  let counter = 0;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await createTestApp({ rateLimits: { visitorSessionStartsPerMinute: 1000, visitorMessagesPer10s: 30, failedLoginsPerMinute: 10, socketEventsPerSecond: 20 } });
    manager = await t.createUser('manager', ['livechat_manager']);
    other = await t.createUser('other', ['livechat_operator']);
    const user = await t.createUser('op', ['livechat_operator']);
    const socket = await t.connect({ token: user.token });
    await waitFor(async () => expect((await t.http.get('/api/presence').set(bearer(user.token))).body).toContainEqual({ userId: user.id, status: 'online' }));
    op = { ...user, socket };
    channelId = (await t.http.post('/api/livechat/channels').set(bearer(manager.token)).send({ name: 'Support' }).expect(201)).body.id;
    await t.http.post(`/api/livechat/channels/${channelId}/join`).set(bearer(op.token)).expect(200);
  });
  afterAll(() => t.close());

  /** A chat with op: the visitor writes, op answers; ended by the visitor unless `open`. */
  async function chat(open = false) {
    const s = (await t.http.post(`/api/livechat/channels/${channelId}/sessions`).send({ visitorName: `Ann ${++counter}` }).expect(201)).body;
    const visitor = { 'X-Visitor-Token': s.visitorToken };
    await t.http.post(`/api/livechat/sessions/${s.sessionId}/messages`).set(visitor).send({ body: 'Where is my order?' }).expect(201);
    await t.http.post(`/api/discuss/conversations/${s.conversationId}/messages`).set(bearer(op.token)).send({ body: 'On its way!' }).expect(201);
    if (!open) await t.http.post(`/api/livechat/sessions/${s.sessionId}/close`).set(visitor).expect(200);
    return { id: s.sessionId as number, conversationId: s.conversationId as number, visitor };
  }
  const transcript = (id: number, token: string) => t.http.get(`/api/livechat/sessions/${id}/transcript`).set(bearer(token));
  const rate = (id: number, visitor: Record<string, string>, body: object) => t.http.post(`/api/livechat/sessions/${id}/rating`).set(visitor).send(body);

  describe('transcripts', () => {
    it('gives the operator and managers the session and its messages oldest first', async () => {
      const s = await chat();
      const list = (await t.http.get(`/api/livechat/sessions?channelId=${channelId}`).set(bearer(manager.token)).expect(200)).body;
      for (const token of [op.token, manager.token, t.adminToken]) {
        const body = (await transcript(s.id, token).expect(200)).body;
        expect(body.session).toEqual(list.find((x: { id: number }) => x.id === s.id));
        // The welcome the visitor saw comes first, from the operator assigned at once.
        expect(body.messages.map((m: { body: string }) => m.body)).toEqual([expect.any(String), 'Where is my order?', 'On its way!', expect.stringMatching(/ended the conversation/)]);
        expect(body.messages.map((m: { author: { kind: string } }) => m.author.kind)).toEqual(['user', 'visitor', 'user', 'system']);
      }
    });

    it('refuses other operators (403), users without a session (401), visitors (401) and unknown sessions (404)', async () => {
      const s = await chat(true);
      await transcript(s.id, other.token).expect(403);
      const plain = await t.createUser(`plain${++counter}`, []);
      await transcript(s.id, plain.token).expect(403);
      await t.http.get(`/api/livechat/sessions/${s.id}/transcript`).expect(401);
      await t.http.get(`/api/livechat/sessions/${s.id}/transcript`).set(s.visitor).expect(401);
      await transcript(999999, manager.token).expect(404);
      await transcript(0, manager.token).expect(400);
    });

    it('reads an offline message as a conversation of one message', async () => {
      const offline = (await t.http.post(`/api/livechat/channels/${channelId}/offline-messages`).send({ email: 'bob@example.com', name: 'Bob', body: 'Call me back' }).expect(201)).body;
      const body = (await transcript(offline.id, manager.token).expect(200)).body;
      expect(body.session).toMatchObject({ id: offline.id, offline: true, email: 'bob@example.com', rating: null });
      expect(body.messages).toEqual([expect.objectContaining({ body: 'Call me back', author: expect.objectContaining({ kind: 'visitor', name: 'Bob' }) })]);
      await transcript(offline.id, op.token).expect(403); // nobody's session: managers only
    });
  });

  describe('ratings', () => {
    it('rates an ended chat, tells the operator in the conversation, and replaces a second rating', async () => {
      const s = await chat();
      const told = nextEvent(op.socket, 'message', (m: { conversationId: number; author: { kind: string }; body: string }) => m.conversationId === s.conversationId && m.author.kind === 'system');
      const rated = (await rate(s.id, s.visitor, { value: 5, comment: '  thanks! ' }).expect(200)).body;
      expect(rated).toMatchObject({ id: s.id, rating: { value: 5, comment: 'thanks!', ratedAt: expect.any(String) } });
      expect((await told).body).toBe('Rated 😊 Happy: “\u2068thanks!\u2069”');

      const again = (await rate(s.id, s.visitor, { value: 1 }).expect(200)).body;
      expect(again.rating).toMatchObject({ value: 1, comment: null });
      const messages = (await transcript(s.id, op.token).expect(200)).body.messages.map((m: { body: string }) => m.body);
      expect(messages.slice(-2)).toEqual(['Rated 😊 Happy: “\u2068thanks!\u2069”', 'Rated 😞 Unhappy']);
      const item = (await t.http.get(`/api/livechat/sessions?channelId=${channelId}`).set(bearer(manager.token))).body.find((x: { id: number }) => x.id === s.id);
      expect(item.rating).toEqual(again.rating);
      const conversation = (await t.http.get(`/api/discuss/conversations/${s.conversationId}`).set(bearer(op.token)).expect(200)).body;
      expect(conversation.livechat.rating).toEqual(again.rating);
    });

    it('refuses other values, long comments, unknown fields (400), another visitor (404), no token (401)', async () => {
      const s = await chat();
      for (const body of [{ value: 4 }, { value: 0 }, { value: '5' }, {}, { value: 5, comment: 'x'.repeat(1001) }, { value: 5, comment: 3 }, { value: 5, extra: 1 }]) await rate(s.id, s.visitor, body).expect(400);
      await rate(s.id, s.visitor, { value: 3, comment: 'x'.repeat(1000) }).expect(200);
      const stranger = await chat();
      await rate(s.id, stranger.visitor, { value: 5 }).expect(404);
      await rate(s.id, {}, { value: 5 }).expect(401);
      await rate(s.id, { 'X-Visitor-Token': 'forged' }, { value: 5 }).expect(401);
      await rate(s.id, bearer(op.token), { value: 5 }).expect(401);
    });

    it('refuses a chat still going on or that nobody answered (409)', async () => {
      const s = await chat(true);
      await rate(s.id, s.visitor, { value: 5 }).expect(409);
      await t.http.post(`/api/livechat/channels/${channelId}/leave`).set(bearer(op.token)).expect(200);
      const queued = (await t.http.post(`/api/livechat/channels/${channelId}/sessions`).send({}).expect(201)).body;
      expect(queued.status).toBe('queued');
      await t.http.post(`/api/livechat/sessions/${queued.sessionId}/close`).set('X-Visitor-Token', queued.visitorToken).expect(200);
      await rate(queued.sessionId, { 'X-Visitor-Token': queued.visitorToken }, { value: 5 }).expect(409);
      await t.http.post(`/api/livechat/channels/${channelId}/join`).set(bearer(op.token)).expect(200);
    });

    it('filters sessions by rating and gives the channel its satisfaction (happy ÷ rated)', async () => {
      const channel = (await t.http.post('/api/livechat/channels').set(bearer(manager.token)).send({ name: 'Rated' }).expect(201)).body;
      expect(channel.satisfaction).toBeNull();
      await t.http.post(`/api/livechat/channels/${channelId}/leave`).set(bearer(op.token)).expect(200);
      await t.http.post(`/api/livechat/channels/${channel.id}/join`).set(bearer(op.token)).expect(200);
      const previous = channelId;
      channelId = channel.id;
      const [a, b, c] = [await chat(), await chat(), await chat()];
      await chat();
      await rate(a.id, a.visitor, { value: 5 }).expect(200);
      await rate(b.id, b.visitor, { value: 5 }).expect(200);
      await rate(c.id, c.visitor, { value: 3 }).expect(200);
      const ids = async (rating: string) => (await t.http.get(`/api/livechat/sessions?channelId=${channelId}&rating=${rating}`).set(bearer(manager.token)).expect(200)).body.map((x: { id: number }) => x.id);
      expect(await ids('5')).toEqual([b.id, a.id]);
      expect(await ids('3')).toEqual([c.id]);
      expect(await ids('1')).toEqual([]);
      expect(await ids('none')).toHaveLength(1);
      await t.http.get(`/api/livechat/sessions?rating=4`).set(bearer(manager.token)).expect(400);
      const card = (await t.http.get('/api/livechat/channels').set(bearer(op.token))).body.find((x: { id: number }) => x.id === channel.id);
      expect(card.satisfaction).toBeCloseTo(2 / 3);
      channelId = previous;
      await t.http.post(`/api/livechat/channels/${channel.id}/leave`).set(bearer(op.token)).expect(200);
      await t.http.post(`/api/livechat/channels/${channelId}/join`).set(bearer(op.token)).expect(200);
    });
  });
});
