import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { createTestApp, waitFor, type TestApp } from '@lc/testing';
import { LivechatSession } from './entities';
import { SessionFacts } from './session-facts';

interface TranscriptMessage {
  id: number;
  author: { kind: string };
  body: string;
  createdAt: string;
}

/**
 * The facts the reports read, as the product records them while people chat: the visitor's first
 * message, an operator's first (the welcome stored at the start is no answer), the messages counted when
 * the session ends; and the report of the day agreeing with the transcripts.
 */
describe('livechat: session facts for the reports', () => {
  let t: TestApp;
  let manager: string;
  let op: { id: number; token: string; socket: Socket };
  let channelId: number;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const session = (id: number) => t.app.get(DataSource).getRepository(LivechatSession).findOneByOrFail({ id });
  const transcript = async (id: number): Promise<TranscriptMessage[]> => (await t.http.get(`/api/livechat/sessions/${id}/transcript`).set(bearer(manager)).expect(200)).body.messages;
  const today = () => {
    const day = new Date().toISOString().slice(0, 10);
    return `from=${day}&to=${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}&channelId=${channelId}`;
  };
  const report = async (query: string) => (await t.http.get(`/api/livechat/reports/sessions?${query}`).set(bearer(manager)).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp({ rateLimits: { visitorSessionStartsPerMinute: 1000, visitorMessagesPer10s: 1000 } });
    manager = (await t.createUser('manager', ['livechat_manager'])).token;
    const user = await t.createUser('op', ['livechat_operator']);
    op = { ...user, socket: await t.connect({ token: user.token }) };
    await waitFor(async () => expect((await t.http.get('/api/presence').set(bearer(user.token))).body).toContainEqual({ userId: user.id, status: 'online' }));
    channelId = (await t.http.post('/api/livechat/channels').set(bearer(manager)).send({ name: 'Facts', welcomeMessage: 'Hello, how can we help?' }).expect(201)).body.id;
    await t.http.post(`/api/livechat/channels/${channelId}/join`).set(bearer(op.token)).expect(200);
  });
  afterAll(() => t.close());

  it('records the first visitor message and the first answer once each, the welcome being no answer, in two statements for six messages', async () => {
    const facts = t.app.get(SessionFacts);
    const statement = jest.spyOn(facts, 'statement');
    const started = (await t.http.post(`/api/livechat/channels/${channelId}/sessions`).send({}).expect(201)).body;
    expect(started.operator.id).toBe(op.id);
    const visitor = { 'X-Visitor-Token': started.visitorToken };
    const welcome = await session(started.sessionId);
    expect(welcome).toMatchObject({ welcomeMessageId: expect.any(Number), firstVisitorMessageAt: null, firstAnswerAt: null, messageCount: null });

    await t.http.post(`/api/livechat/sessions/${started.sessionId}/messages`).set(visitor).send({ body: 'Is the shop open on Sunday?' }).expect(201);
    await t.http.post(`/api/livechat/sessions/${started.sessionId}/messages`).set(visitor).send({ body: 'Hello?' }).expect(201);
    await t.http.post(`/api/discuss/conversations/${started.conversationId}/messages`).set(bearer(op.token)).send({ body: 'Yes, from 10 to 4.' }).expect(201);
    await op.socket.timeout(5000).emitWithAck('message', { conversationId: started.conversationId, body: 'Anything else?', clientId: 'op-2' });
    await t.http.post(`/api/livechat/sessions/${started.sessionId}/messages`).set(visitor).send({ body: 'No, thanks!' }).expect(201);
    await t.http.post(`/api/discuss/conversations/${started.conversationId}/messages`).set(bearer(op.token)).send({ body: 'Bye!' }).expect(201);

    const messages = await transcript(started.sessionId);
    expect(messages[0]).toMatchObject({ id: welcome.welcomeMessageId, author: { kind: 'user' }, body: 'Hello, how can we help?' });
    const firstVisitor = messages.find((m) => m.author.kind === 'visitor')!;
    const firstAnswer = messages.slice(1).find((m) => m.author.kind === 'user')!;
    expect(await session(started.sessionId)).toMatchObject({ firstVisitorMessageAt: Date.parse(firstVisitor.createdAt), firstAnswerAt: Date.parse(firstAnswer.createdAt), messageCount: null });
    // Six messages; only the first of each side wrote a fact.
    expect(statement.mock.results.filter((r) => r.value !== null)).toHaveLength(2);
    statement.mockRestore();

    // The day's report agrees with the transcript: the wait, and the six messages counted live (not the welcome).
    const running = (await report(today())).totals;
    expect(running).toMatchObject({ sessions: 1, answered: 1, missed: 0, messages: 6, medianDurationS: null });
    expect(running.medianFirstResponseS).toBe((Date.parse(firstAnswer.createdAt) - Date.parse(firstVisitor.createdAt)) / 1000);

    // Ended: the count is taken once; what is written after the end changes no fact.
    await t.http.post(`/api/livechat/sessions/${started.sessionId}/close`).set(visitor).expect(200);
    const ended = await session(started.sessionId);
    expect(ended.messageCount).toBe(6);
    await t.http.post(`/api/discuss/conversations/${started.conversationId}/messages`).set(bearer(op.token)).send({ body: 'One more thing…' }).expect(201);
    expect(await session(started.sessionId)).toMatchObject({ messageCount: 6, firstAnswerAt: ended.firstAnswerAt });
    const list = (await t.http.get(`/api/livechat/sessions?channelId=${channelId}`).set(bearer(manager)).expect(200)).body;
    expect(list.find((s: { id: number }) => s.id === started.sessionId).messageCount).toBe(6);
    expect((await report(today())).totals).toMatchObject({ sessions: 1, answered: 1, messages: 6, medianDurationS: (ended.endedAt! - ended.startedAt) / 1000 });
  });

  it('counts a chat nobody answered, and an offline message, as missed', async () => {
    await t.http.post(`/api/livechat/channels/${channelId}/leave`).set(bearer(op.token)).expect(200);
    try {
      const queued = (await t.http.post(`/api/livechat/channels/${channelId}/sessions`).send({}).expect(201)).body;
      expect(queued.status).toBe('queued');
      const visitor = { 'X-Visitor-Token': queued.visitorToken };
      await t.http.post(`/api/livechat/sessions/${queued.sessionId}/messages`).set(visitor).send({ body: 'Anybody there?' }).expect(201);
      await t.http.post(`/api/livechat/sessions/${queued.sessionId}/close`).set(visitor).expect(200);
      // The welcome was the system's while queued; the visitor's one message is counted.
      expect(await session(queued.sessionId)).toMatchObject({ welcomeMessageId: expect.any(Number), firstAnswerAt: null, firstVisitorMessageAt: expect.any(Number), messageCount: 1 });

      const offline = (await t.http.post(`/api/livechat/channels/${channelId}/offline-messages`).send({ email: 'eve@example.com', body: 'Call me back' }).expect(201)).body;
      expect(await session(offline.id)).toMatchObject({ welcomeMessageId: null, firstAnswerAt: null, firstVisitorMessageAt: Date.parse(offline.startedAt), messageCount: 1 });

      expect((await report(today())).totals).toMatchObject({ sessions: 3, answered: 1, missed: 2, messages: 8 });
      const byOperator = (await report(`${today()}&groupBy=operator`)).rows;
      expect(byOperator.map((r: { key: number | null; sessions: number; missed: number }) => [r.key, r.sessions, r.missed])).toEqual([[null, 2, 2], [op.id, 1, 0]]);
    } finally {
      await t.http.post(`/api/livechat/channels/${channelId}/join`).set(bearer(op.token)).expect(200);
    }
  });

  it('counts the messages of the chats that end when Live Chat is switched off', async () => {
    const started = (await t.http.post(`/api/livechat/channels/${channelId}/sessions`).send({}).expect(201)).body;
    await t.http.post(`/api/livechat/sessions/${started.sessionId}/messages`).set({ 'X-Visitor-Token': started.visitorToken }).send({ body: 'Hi' }).expect(201);
    await t.http.post('/api/modules/livechat/disable').set(bearer(t.adminToken)).expect(200);
    try {
      await waitFor(async () => expect(await session(started.sessionId)).toMatchObject({ status: 'ended', messageCount: 1, firstAnswerAt: null }));
    } finally {
      await t.http.post('/api/modules/livechat/enable').set(bearer(t.adminToken)).expect(200);
    }
  });
});
