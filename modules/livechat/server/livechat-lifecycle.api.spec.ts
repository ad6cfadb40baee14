import type { Socket } from 'socket.io-client';
import { createTestApp, nextEvent, waitFor, type TestApp } from '@lc/testing';
/** livechat's `messages` text `livechat.switchedOff` in en-US (the message's body and the end reason). */
const LIVECHAT_SWITCHED_OFF = 'Live chat has been switched off on this website: this conversation has ended.';

/** Switching Live Chat off during live chats: every one ends cleanly, everyone is told, the data stays. */
describe('livechat: disabling the module during live chats', () => {
  let t: TestApp;
  let operator: { id: number; token: string; socket: Socket };
  let channelId: number;
  let active: { sessionId: number; conversationId: number; visitorToken: string; status: string };
  let queued: typeof active;
  let visitors: { active: Socket; queued: Socket };
  const admin = () => ({ Authorization: `Bearer ${t.adminToken}` });
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await createTestApp();
    const user = await t.createUser('op', ['livechat_operator']);
    operator = { ...user, socket: await t.connect({ token: user.token }) };
    await waitFor(async () => expect((await t.http.get('/api/presence').set(bearer(user.token))).body).toContainEqual({ userId: user.id, status: 'online' }));
    // One chat at a time: the first visitor is taken, the second waits in the queue.
    channelId = (await t.http.post('/api/livechat/channels').set(admin()).send({ name: 'Support', maxSessionsPerOperator: 1 }).expect(201)).body.id;
    await t.http.post(`/api/livechat/channels/${channelId}/join`).set(bearer(user.token)).expect(200);
    active = (await t.http.post(`/api/livechat/channels/${channelId}/sessions`).send({ visitorName: 'Ada' }).expect(201)).body;
    queued = (await t.http.post(`/api/livechat/channels/${channelId}/sessions`).send({ visitorName: 'Bob' }).expect(201)).body;
    expect([active.status, queued.status]).toEqual(['active', 'queued']);
    visitors = { active: await t.connect({ visitorToken: active.visitorToken }), queued: await t.connect({ visitorToken: queued.visitorToken }) };
    await t.http.post(`/api/livechat/sessions/${active.sessionId}/messages`).set('X-Visitor-Token', active.visitorToken).send({ body: 'Hello, my order is late' }).expect(201);
    await t.http.post(`/api/discuss/conversations/${active.conversationId}/messages`).set(bearer(user.token)).send({ body: 'Let me check' }).expect(201);
  });
  afterAll(() => t.close());

  it('says in the confirmation what will stop', async () => {
    const { consequences } = (await t.http.get('/api/modules/livechat/disable-impact').set(admin()).expect(200)).body;
    expect(consequences).toEqual([
      '1 live chat in progress will end',
      '1 visitor waiting in the queue will be told the chat has ended',
      'The chat button disappears from every website that embeds it',
    ]);
  });

  it('ends the active and the queued session, telling each visitor (the reason first) and the operator', async () => {
    // Each visitor reads the reason in the conversation, then learns that the session ended.
    const seen = (socket: Socket, sessionId: number) => {
      const events: string[] = [];
      socket.on('message', (m) => m.author.kind === 'system' && m.body === LIVECHAT_SWITCHED_OFF && events.push('system message'));
      return nextEvent(socket, 'livechat.session', (e) => e.sessionId === sessionId && e.status === 'ended').then((e) => ({ e, before: [...events] }));
    };
    const activeEnded = seen(visitors.active, active.sessionId);
    const queuedEnded = seen(visitors.queued, queued.sessionId);
    const operatorItem = nextEvent(operator.socket, 'conversation', (c) => c.id === active.conversationId && c.livechat?.status === 'ended');

    await t.http.post('/api/modules/livechat/disable').set(admin()).expect(200);

    for (const [ended, sessionId] of [[await activeEnded, active.sessionId], [await queuedEnded, queued.sessionId]] as const) {
      expect(ended.e).toEqual({ sessionId, status: 'ended', operator: sessionId === active.sessionId ? { id: operator.id, name: expect.any(String) } : null, queuePosition: null, reason: LIVECHAT_SWITCHED_OFF, reasonI18n: { key: 'livechat.switchedOff', params: {} } });
      expect(ended.before).toEqual(['system message']);
    }
    expect((await operatorItem).lastMessage).toMatchObject({ author: { kind: 'system' }, body: LIVECHAT_SWITCHED_OFF });
  });

  it('keeps the conversations readable in Discuss while live chat is off, with nothing in progress', async () => {
    await t.http.get('/api/livechat/sessions').set(admin()).expect(404);
    const items = (await t.http.get('/api/discuss/conversations').set(bearer(operator.token)).expect(200)).body;
    expect(items.find((c: { id: number }) => c.id === active.conversationId).livechat).toMatchObject({ status: 'ended' });
    const history = (await t.http.get(`/api/discuss/conversations/${active.conversationId}/messages`).set(bearer(operator.token)).expect(200)).body;
    expect(history.map((m: { body: string }) => m.body)).toEqual([LIVECHAT_SWITCHED_OFF, 'Let me check', 'Hello, my order is late', 'Hello! How may I help you?']);
  });

  it('after re-enabling: both sessions ended with endedAt, and the visitors\' and the operator\'s histories are there', async () => {
    await t.http.post('/api/modules/livechat/enable').set(admin()).expect(200);
    const sessions = (await t.http.get(`/api/livechat/sessions?channelId=${channelId}`).set(admin()).expect(200)).body;
    expect(sessions).toHaveLength(2);
    for (const session of sessions) expect(session).toMatchObject({ status: 'ended', endedAt: expect.any(String) });

    const visitorHistory = (await t.http.get(`/api/livechat/sessions/${active.sessionId}/messages`).set('X-Visitor-Token', active.visitorToken).expect(200)).body;
    expect(visitorHistory.map((m: { body: string }) => m.body)).toEqual(['Hello! How may I help you?', 'Hello, my order is late', 'Let me check', LIVECHAT_SWITCHED_OFF]);
    const queuedHistory = (await t.http.get(`/api/livechat/sessions/${queued.sessionId}/messages`).set('X-Visitor-Token', queued.visitorToken).expect(200)).body;
    expect(queuedHistory.map((m: { body: string }) => m.body)).toEqual(['Hello! How may I help you?', LIVECHAT_SWITCHED_OFF]);
    const operatorHistory = (await t.http.get(`/api/discuss/conversations/${active.conversationId}/messages`).set(bearer(operator.token)).expect(200)).body;
    expect(operatorHistory).toHaveLength(4);
    await t.http.post(`/api/livechat/sessions/${active.sessionId}/messages`).set('X-Visitor-Token', active.visitorToken).send({ body: 'Still there?' }).expect(409);
  });

  it('lets new visitors chat again once it is back, with nothing left to end', async () => {
    expect((await t.http.get('/api/modules/livechat/disable-impact').set(admin()).expect(200)).body.consequences).toEqual(['The chat button disappears from every website that embeds it']);
    const again = (await t.http.post(`/api/livechat/channels/${channelId}/sessions`).send({}).expect(201)).body;
    expect(again).toMatchObject({ status: 'active', operator: { id: operator.id } });
  });
});
