import { createTestApp, waitFor, type TestApp } from '@lc/testing';
import type { Socket } from 'socket.io-client';

/**
 * The hot events (`message`, `typing`, `activity`) skip Nest's per-event pipeline (see hot-socket-events.ts):
 * one scenario, run with the fast path and then through Nest's pipeline, gets the same acknowledgements.
 */
describe('hot socket events', () => {
  /** Every ack of the scenario, in order (createdAt aside). */
  async function acksOf(throughNest: boolean): Promise<unknown[]> {
    const t = await createTestApp();
    try {
      // Before any socket binds its listeners: without hot handlers, every event takes Nest's pipeline.
      if (throughNest) ((t.app as unknown as { config: { getIoAdapter(): { hot: Map<string, unknown> } } }).config.getIoAdapter().hot).clear();
      return await scenario(t);
    } finally {
      await t.close();
    }
  }

  async function scenario(t: TestApp): Promise<unknown[]> {
    const acks: unknown[] = [];
    const send = async (socket: Socket, event: string, ...args: unknown[]) => acks.push(await socket.timeout(5000).emitWithAck(event, ...args));
    const admin = { type: 'bearer' } as const;
    const alice = await t.createUser('alice', []);
    const bob = await t.createUser('bob', []);
    const carol = await t.createUser('carol', []);
    const channelId = (await t.http.post('/api/discuss/channels').auth(alice.token, admin).send({ name: 'General', memberIds: [bob.id] }).expect(201)).body.id;

    const user = await t.connect({ token: alice.token });
    await send(user, 'message', { conversationId: channelId, body: 'hi', clientId: 'c-1' });
    await send(user, 'message', { conversationId: channelId, body: 'hi', clientId: 'c-1' }); // the same, not stored again
    await send(user, 'message', { conversationId: 999999, body: 'nowhere' });
    await send(user, 'message', { conversationId: 'x', body: '' });
    await send(user, 'message', { conversationId: channelId, body: 'x', extra: 1 });
    await send(user, 'message', null);
    await send(user, 'message', 'text');
    await send(user, 'message', [channelId, 'x']);
    await send(user, 'message', { conversationId: channelId, body: 'a' }, 'second argument');
    await send(user, 'message', JSON.parse(`{"conversationId": ${channelId}, "body": "x", "__proto__": {"admin": true}}`));
    await send(user, 'message', { conversationId: channelId, body: 'nul\u0000' });
    let deep: object = {};
    for (let i = 0; i < 100; i++) deep = { a: deep };
    await send(user, 'message', deep);
    await new Promise((r) => setTimeout(r, 1100)); // under the flood limit of one connection

    await send(user, 'typing', { conversationId: channelId, typing: true });
    await send(user, 'typing', { conversationId: channelId });
    await send(user, 'typing', { conversationId: 999999, typing: false });
    await send(user, 'activity');
    await send(user, 'activity', {});
    await send(user, 'activity', { a: 1 });
    await send(await t.connect({ token: carol.token }), 'message', { conversationId: channelId, body: 'not a member' });

    // The flood limit of one connection (20 a second).
    const flood = await t.connect({ token: bob.token });
    acks.push(await Promise.all(Array.from({ length: 22 }, () => flood.timeout(5000).emitWithAck('activity'))));

    // A visitor: their messages through livechat's hook, its per-session limit (429 with retryAfter), activity refused.
    const op = await t.createUser('op', ['livechat_operator']);
    const livechatId = (await t.http.post('/api/livechat/channels').auth(t.adminToken, admin).send({ name: 'Help' }).expect(201)).body.id;
    await t.connect({ token: op.token });
    await waitFor(async () => expect((await t.http.get('/api/presence').auth(op.token, admin)).body).toContainEqual({ userId: op.id, status: 'online' }));
    await t.http.post(`/api/livechat/channels/${livechatId}/join`).auth(op.token, admin).expect(200);
    const { body: session } = await t.http.post(`/api/livechat/channels/${livechatId}/sessions`).send({}).expect(201);
    const visitor = await t.connect({ visitorToken: session.visitorToken });
    await send(visitor, 'message', { conversationId: session.conversationId, body: 'hello', clientId: 'v-1' });
    await send(visitor, 'message', { conversationId: channelId, body: 'not mine' });
    await send(visitor, 'typing', { conversationId: session.conversationId, typing: true });
    await send(visitor, 'activity');
    for (let i = 0; i < 29; i++) await t.http.post(`/api/livechat/sessions/${session.sessionId}/messages`).set('X-Visitor-Token', session.visitorToken).send({ body: `m${i}` }).expect(201);
    await send(visitor, 'message', { conversationId: session.conversationId, body: 'one too many' });
    // The guest's module disabled: its events are refused.
    await t.http.post('/api/modules/livechat/disable').auth(t.adminToken, admin).expect(200);
    await send(visitor, 'typing', { conversationId: session.conversationId, typing: false });
    return JSON.parse(JSON.stringify(acks, (key, value) => (key === 'createdAt' ? 'T' : value)));
  }

  it('answers as Nest’s pipeline does: results, validation, HttpExceptions (429 retryAfter), payload guard, flood limit, disabled guest module', async () => {
    const fast = await acksOf(false);
    const nest = await acksOf(true);
    expect(fast).toEqual(nest);
    // The scenario reaches what it means to compare.
    expect(fast).toContainEqual(expect.objectContaining({ body: 'hi', clientId: 'c-1' }));
    expect(fast).toContainEqual(expect.objectContaining({ status: 400, i18n: expect.any(Array) }));
    expect(fast).toContainEqual(expect.objectContaining({ status: 429, retryAfter: expect.any(Number) }));
    expect(fast.at(-2)).toMatchObject({ status: 429, retryAfter: expect.any(Number), i18n: expect.any(Array) });
    expect(fast.at(-1)).toEqual({ error: 'The livechat module is disabled', status: 404 });
  }, 60_000);
});
