import { DataSource } from 'typeorm';
import { createTestApp, waitFor, type TestApp } from '@lc/testing';

/**
 * A disabled livechat is gone for visitors, at once and without a restart: its identity (the visitor token)
 * is refused at the handshake, an open visitor socket is no longer heard (even on discuss's `message`
 * event, which another module owns), its routes answer 404; its data stays for when it is enabled again.
 */
describe('livechat disabled', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const admin = () => ({ type: 'bearer' as const });
  const messageCount = async () => Number((await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM "discuss_message"'))[0].n);

  it('refuses visitor handshakes and events, stores nothing, and answers again once re-enabled', async () => {
    const op = await t.createUser('op', ['livechat_operator']);
    const opSocket = await t.connect({ token: op.token });
    await waitFor(async () => expect((await t.http.get('/api/presence').auth(op.token, admin())).body).toContainEqual({ userId: op.id, status: 'online' }));
    const channel = (await t.http.post('/api/livechat/channels').auth(t.adminToken, admin()).send({ name: 'Site' }).expect(201)).body.id;
    await t.http.post(`/api/livechat/channels/${channel}/join`).auth(op.token, admin()).expect(200);
    const visitor = (await t.http.post(`/api/livechat/channels/${channel}/sessions`).send({}).expect(201)).body;
    const open = await t.connect({ visitorToken: visitor.visitorToken });
    const received: unknown[] = [];
    opSocket.on('message', (m) => received.push(m));

    await t.http.post('/api/modules/livechat/disable').auth(t.adminToken, admin()).expect(200);
    const before = await messageCount();
    await expect(t.connect({ visitorToken: visitor.visitorToken })).rejects.toThrow(/The livechat module is disabled/);
    expect(await open.timeout(5000).emitWithAck('message', { conversationId: visitor.conversationId, body: 'still here?', clientId: 'x1' })).toMatchObject({ status: 404 });
    expect(await open.timeout(5000).emitWithAck('typing', { conversationId: visitor.conversationId, typing: true })).toMatchObject({ status: 404 });
    await t.http.post(`/api/livechat/sessions/${visitor.sessionId}/messages`).set('X-Visitor-Token', visitor.visitorToken).send({ body: 'by http' }).expect(404);
    await t.http.post(`/api/livechat/channels/${channel}/sessions`).send({}).expect(404);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await messageCount()).toBe(before);
    expect(received.filter((m) => (m as { author: { kind: string } }).author.kind !== 'system')).toEqual([]); // only the notice that the chat ended
    // Users are not the module's guests: the operator's socket still works.
    expect(await opSocket.timeout(5000).emitWithAck('activity')).toEqual({ ok: true });

    await t.http.post('/api/modules/livechat/enable').auth(t.adminToken, admin()).expect(200);
    await t.connect({ visitorToken: visitor.visitorToken }); // the identity is recognised again
    const history = (await t.http.get(`/api/livechat/sessions/${visitor.sessionId}/messages`).set('X-Visitor-Token', visitor.visitorToken).expect(200)).body;
    expect(history.at(-1)).toMatchObject({ author: { kind: 'system' }, body: expect.stringContaining('switched off') }); // disabling ended the chat
    const next = (await t.http.post(`/api/livechat/channels/${channel}/sessions`).set('X-Visitor-Token', visitor.visitorToken).send({}).expect(201)).body;
    const socket = await t.connect({ visitorToken: visitor.visitorToken });
    expect(await socket.timeout(5000).emitWithAck('message', { conversationId: next.conversationId, body: 'back', clientId: 'x2' })).toMatchObject({ body: 'back', author: { kind: 'visitor' } });
  });
});
