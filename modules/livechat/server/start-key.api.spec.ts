import { createTestApp, waitFor, type TestApp } from '@lc/testing';

/** A start retried with the widget's startKey (its first answer lost) is the same session: one first message, one session. */
describe('livechat: a retried session start', () => {
  let t: TestApp;
  let channelId: number;
  beforeAll(async () => {
    t = await createTestApp({ rateLimits: { visitorSessionStartsPerMinute: 1000 } });
    const manager = await t.createUser('manager', ['livechat_manager']);
    channelId = (await t.http.post('/api/livechat/channels').auth(manager.token, { type: 'bearer' }).send({ name: 'Website' }).expect(201)).body.id;
    const op = await t.createUser('op', ['livechat_operator']);
    await t.connect({ token: op.token });
    await waitFor(async () => expect((await t.http.get('/api/presence').auth(op.token, { type: 'bearer' })).body).toContainEqual({ userId: op.id, status: 'online' }));
    await t.http.post(`/api/livechat/channels/${channelId}/join`).auth(op.token, { type: 'bearer' }).expect(200);
  });
  afterAll(() => t.close());

  const start = (body: object, token?: string) => t.http.post(`/api/livechat/channels/${channelId}/sessions`).set(token ? { 'X-Visitor-Token': token } : {}).send(body);
  const sessionCount = async () => (await t.http.get('/api/livechat/sessions').auth(t.adminToken, { type: 'bearer' }).expect(200)).body.length;

  it('answers the same session, with a new token when the retry has none (the first one never arrived)', async () => {
    const before = await sessionCount();
    const first = (await start({ startKey: 'k'.repeat(32) }).expect(201)).body;
    const retry = (await start({ startKey: 'k'.repeat(32) }).expect(201)).body;
    expect(retry).toMatchObject({ sessionId: first.sessionId, conversationId: first.conversationId, status: first.status, operator: first.operator });
    expect(retry.visitorToken).not.toBe(first.visitorToken);
    expect(await sessionCount()).toBe(before + 1);
    // The new token is the session's: the visitor reads it (the welcome, once) and writes in it.
    const history = (await t.http.get(`/api/livechat/sessions/${first.sessionId}/messages`).set('X-Visitor-Token', retry.visitorToken).expect(200)).body;
    expect(history).toHaveLength(1);
    await t.http.post(`/api/livechat/sessions/${first.sessionId}/messages`).set('X-Visitor-Token', retry.visitorToken).send({ body: 'Hi', clientId: 'c1' }).expect(201);
  });

  it('keeps a returning visitor\'s token, and starts afresh with another key or once the session ended', async () => {
    const earlier = (await start({}).expect(201)).body;
    const first = (await start({ startKey: 'r'.repeat(32) }, earlier.visitorToken).expect(201)).body;
    const retry = (await start({ startKey: 'r'.repeat(32) }, earlier.visitorToken).expect(201)).body;
    expect(retry).toMatchObject({ sessionId: first.sessionId, visitorToken: earlier.visitorToken });
    expect((await start({ startKey: 'o'.repeat(32) }, earlier.visitorToken).expect(201)).body.sessionId).not.toBe(first.sessionId);
    await t.http.post(`/api/livechat/sessions/${first.sessionId}/close`).set('X-Visitor-Token', earlier.visitorToken).expect(200);
    expect((await start({ startKey: 'r'.repeat(32) }, earlier.visitorToken).expect(201)).body.sessionId).not.toBe(first.sessionId);
  });

  it('refuses a key that is too short or too long', async () => {
    await start({ startKey: 'short' }).expect(400);
    await start({ startKey: 'x'.repeat(65) }).expect(400);
  });
});
