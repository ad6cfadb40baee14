import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { createTestApp, waitFor, type TestApp } from '@lc/testing';
import { LivechatSweeper } from './livechat-sweeper';
import { storedAndCountedLoad } from './operator-load-recount';

/**
 * The per-operator facts assignment reads (ongoing sessions, in all channels and per channel, and the last
 * assignment) are kept by triggers on the sessions: after every kind of write they equal a recount.
 */
describe('livechat: the operators\' load kept beside the sessions', () => {
  let t: TestApp;
  let manager: { id: number; token: string };
  let counter = 0;
  beforeAll(async () => {
    // Idle sessions end after 1 s; the sweeper is run by the test (its timer fires every 60 s).
    t = await createTestApp({ sessionIdleEndS: 1, rateLimits: { visitorSessionStartsPerMinute: 1000, visitorMessagesPer10s: 30, failedLoginsPerMinute: 10, socketEventsPerSecond: 20 } });
    manager = await t.createUser('manager', ['livechat_manager']);
  });
  afterAll(() => t.close());

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const channel = async (extra: object = {}) => (await t.http.post('/api/livechat/channels').set(bearer(manager.token)).send({ name: `Channel ${++counter}`, ...extra }).expect(201)).body.id as number;
  async function operator(...channelIds: number[]): Promise<{ id: number; token: string; socket: Socket }> {
    const user = await t.createUser(`op${++counter}`, ['livechat_operator']);
    const socket = await t.connect({ token: user.token });
    await waitFor(async () => expect((await t.http.get('/api/presence').set(bearer(user.token))).body).toContainEqual({ userId: user.id, status: 'online' }));
    for (const channelId of channelIds) await t.http.post(`/api/livechat/channels/${channelId}/join`).set(bearer(user.token)).expect(200);
    return { ...user, socket };
  }
  const start = async (channelId: number, headers: Record<string, string> = {}) => (await t.http.post(`/api/livechat/channels/${channelId}/sessions`).set(headers).send({}).expect(201)).body;
  const sessions = async (status: string) => (await t.http.get(`/api/livechat/sessions?status=${status}`).set(bearer(manager.token)).expect(200)).body as Array<{ id: number; channelId: number; operator: { id: number } | null }>;
  const expectLoadMatchesRecount = async () => {
    const db = t.app.get(DataSource);
    const { stored, counted } = await storedAndCountedLoad((text) => db.query(text));
    expect(stored).toEqual(counted);
    return counted;
  };

  it('equals a recount from the sessions after starts, ends, transfers, blocks, an idle end, a queue drain and a deletion', async () => {
    const a = await channel({ maxSessionsPerOperator: 2 });
    const b = await channel();
    const [o1, o2, o3] = [await operator(a), await operator(a), await operator(a, b)];
    const o4 = await operator(b);

    // 8 simultaneous starts: 3 operators × 2 in A, 2 queued.
    const started = await Promise.all(Array.from({ length: 8 }, () => start(a)));
    expect(started.filter((s) => s.status === 'queued')).toHaveLength(2);
    expect((await expectLoadMatchesRecount()).inChannel).toEqual([`${o1.id}:${a} 2`, `${o2.id}:${a} 2`, `${o3.id}:${a} 2`]);

    // Ended by the visitor, then by the operator: each frees a slot that the queue takes at once.
    const active = started.filter((s) => s.status === 'active');
    await t.http.post(`/api/livechat/sessions/${active[0].sessionId}/close`).set('X-Visitor-Token', active[0].visitorToken).expect(200);
    await t.http.post(`/api/livechat/sessions/${active[1].sessionId}/close`).set(bearer(manager.token)).expect(200);
    expect(await sessions('queued')).toHaveLength(0);
    await expectLoadMatchesRecount();

    // Transfers: to o4 (not in A: first joins it) once a slot is free, and to channel B.
    await t.http.post(`/api/livechat/channels/${a}/join`).set(bearer(o4.token)).expect(200);
    const inA = (await sessions('active')).filter((s) => s.channelId === a);
    await t.http.post(`/api/livechat/sessions/${inA[0].id}/transfer`).set(bearer(manager.token)).send({ operatorId: o4.id }).expect(200);
    await expectLoadMatchesRecount();
    await t.http.post(`/api/livechat/sessions/${inA[1].id}/transfer`).set(bearer(manager.token)).send({ channelId: b }).expect(200);
    await expectLoadMatchesRecount();

    // Blocked: the session ends.
    await t.http.post(`/api/livechat/sessions/${inA[2].id}/block`).set(bearer(manager.token)).send({}).expect(201);
    await expectLoadMatchesRecount();

    // The same visitor again goes to their previous operator; a queue fills and drains on a join.
    const again = await start(b, { 'X-Visitor-Token': started[7].visitorToken });
    expect(again.status).toBe('active');
    const c = await channel();
    const waiting = [await start(c), await start(c)];
    expect(waiting.map((s) => s.status)).toEqual(['queued', 'queued']);
    await t.http.post(`/api/livechat/channels/${c}/join`).set(bearer(o2.token)).expect(200);
    await waitFor(async () => expect((await sessions('queued')).filter((s) => s.channelId === c)).toHaveLength(0));
    const beforeIdle = await expectLoadMatchesRecount();
    expect(beforeIdle.all.length).toBeGreaterThanOrEqual(4);

    // A deletion (no route deletes sessions; the triggers keep the count anyway).
    const db = t.app.get(DataSource);
    const [doomed] = (await sessions('active')).filter((s) => s.channelId === c);
    await db.query(`DELETE FROM "livechat_session" WHERE "id" = ${Number(doomed.id)}`);
    await expectLoadMatchesRecount();

    // Nobody wrote and no visitor is connected: the sweeper ends every open session.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await t.app.get(LivechatSweeper).sweep();
    expect(await sessions('active')).toHaveLength(0);
    const afterIdle = await expectLoadMatchesRecount();
    expect(afterIdle.inChannel).toEqual([]);
    expect(afterIdle.all.every((row) => row.split(' ')[1] === '0')).toBe(true);

    // Switching Live Chat off ends what runs.
    await Promise.all([start(a), start(b)]);
    await t.http.post('/api/modules/livechat/disable').set(bearer(t.adminToken)).expect(200);
    expect(await db.query(`SELECT "id" FROM "livechat_session" WHERE "status" <> 'ended'`)).toEqual([]);
    await expectLoadMatchesRecount();
    await t.http.post('/api/modules/livechat/enable').set(bearer(t.adminToken)).expect(200);
  });
});
