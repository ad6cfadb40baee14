import type { Socket } from 'socket.io-client';
import { createTestApp, nextEvent, waitFor, type TestApp } from '@lc/testing';

/** DESIGN, "Conversations an operator and a manager can read back": the welcome the visitor saw is the conversation's first message. */
describe('livechat: the welcome message is stored at session start', () => {
  let t: TestApp;
  let manager: { id: number; token: string };
  let counter = 0;
  beforeAll(async () => {
    t = await createTestApp({ rateLimits: { visitorSessionStartsPerMinute: 1000 } });
    manager = await t.createUser('manager', ['livechat_manager']);
  });
  afterAll(() => t.close());

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const newChannel = async (welcomeMessage: string, extra: object = {}) =>
    (await t.http.post('/api/livechat/channels').set(bearer(manager.token)).send({ name: `Channel ${++counter}`, welcomeMessage, ...extra }).expect(201)).body.id as number;
  async function operator(channelId: number, livechatUsername?: string): Promise<{ id: number; token: string; socket: Socket }> {
    const user = await t.createUser(`op${++counter}`, ['livechat_operator']);
    if (livechatUsername) await t.http.patch('/api/me/preferences').set(bearer(user.token)).send({ livechatUsername }).expect(200);
    const socket = await t.connect({ token: user.token });
    await waitFor(async () => expect((await t.http.get('/api/presence').set(bearer(user.token))).body).toContainEqual({ userId: user.id, status: 'online' }));
    await t.http.post(`/api/livechat/channels/${channelId}/join`).set(bearer(user.token)).expect(200);
    return { ...user, socket };
  }
  const start = async (channelId: number) => (await t.http.post(`/api/livechat/channels/${channelId}/sessions`).send({}).expect(201)).body;
  const visitorHistory = async (s: { sessionId: number; visitorToken: string }) =>
    (await t.http.get(`/api/livechat/sessions/${s.sessionId}/messages`).set('X-Visitor-Token', s.visitorToken).expect(200)).body;

  it('is written by the operator assigned at once, under their Online Chat Name, and is read by them', async () => {
    const channelId = await newChannel('Bonjour ! Comment puis-je vous aider ?');
    const op = await operator(channelId, 'Jo');
    const announced = nextEvent(op.socket, 'conversation', (c) => c.kind === 'livechat');
    const session = await start(channelId);
    expect(session).toMatchObject({ status: 'active', operator: { id: op.id, name: 'Jo' } });
    const welcome = { conversationId: session.conversationId, author: { kind: 'user', id: op.id, name: 'Jo' }, body: 'Bonjour ! Comment puis-je vous aider ?', clientId: null };
    expect(await visitorHistory(session)).toEqual([expect.objectContaining(welcome)]);
    const forOperator = (await t.http.get(`/api/discuss/conversations/${session.conversationId}/messages`).set(bearer(op.token)).expect(200)).body;
    expect(forOperator).toEqual([expect.objectContaining(welcome)]);
    // The conversation the operator's shell is told about already shows it, and it is not unread for its author.
    expect(await announced).toMatchObject({ id: session.conversationId, unreadCount: 0, lastMessage: { body: welcome.body, author: welcome.author } });
  });

  it('is a system message while queued, and stays so once an operator takes the session', async () => {
    const channelId = await newChannel('Please wait, we are with you shortly.', { maxSessionsPerOperator: 1 });
    const session = await start(channelId);
    expect(session).toMatchObject({ status: 'queued', queuePosition: 1 });
    const welcome = { author: { kind: 'system', id: null, name: 'System' }, body: 'Please wait, we are with you shortly.' };
    expect(await visitorHistory(session)).toEqual([expect.objectContaining(welcome)]);

    const visitor = await t.connect({ visitorToken: session.visitorToken });
    const active = nextEvent(visitor, 'livechat.session', (e) => e.status === 'active');
    const op = await operator(channelId);
    expect(await active).toMatchObject({ sessionId: session.sessionId, operator: { id: op.id } });
    const forOperator = (await t.http.get(`/api/discuss/conversations/${session.conversationId}/messages`).set(bearer(op.token)).expect(200)).body;
    expect(forOperator).toEqual([expect.objectContaining(welcome)]);
  });

  it('comes before the visitor\'s first message in the conversation', async () => {
    const channelId = await newChannel('Hi there');
    const op = await operator(channelId);
    const session = await start(channelId);
    await t.http.post(`/api/livechat/sessions/${session.sessionId}/messages`).set('X-Visitor-Token', session.visitorToken).send({ body: 'I have a question', clientId: 'q1' }).expect(201);
    const forOperator = (await t.http.get(`/api/discuss/conversations/${session.conversationId}/messages`).set(bearer(op.token)).expect(200)).body;
    // Newest first in Discuss.
    expect(forOperator.map((m: { author: { kind: string }; body: string }) => [m.author.kind, m.body])).toEqual([['visitor', 'I have a question'], ['user', 'Hi there']]);
  });
});
