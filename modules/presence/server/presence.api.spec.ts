import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createTestApp, nextEvent, waitFor, TEST_DATABASE_URL, type TestApp } from '@lc/testing';
import { PresenceConnection, PresenceProcess } from './entities';
import { PresenceService } from './presence.service';

const FAST = { inactivityTimeoutS: 2, presenceOfflineGraceS: 1 };

describe('presence', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(FAST);
  });
  afterAll(() => t.close());

  const statusOf = async (userId: number) => {
    const res = await t.http.get('/api/presence').auth(t.adminToken, { type: 'bearer' }).expect(200);
    return res.body.find((p: { userId: number }) => p.userId === userId)?.status ?? 'offline';
  };
  const expectStatus = (userId: number, status: string, timeoutMs = 5000) =>
    waitFor(async () => expect(await statusOf(userId)).toBe(status), timeoutMs);

  describe('handshake', () => {
    it('refuses a missing, wrong or expired token with connect_error', async () => {
      await expect(t.connect({})).rejects.toThrow(/Authentication required/);
      await expect(t.connect({ token: 'wrong' })).rejects.toThrow(/Invalid or expired token/);
      const token = await t.login('admin', 'admin');
      await t.http.post('/api/auth/logout').auth(token, { type: 'bearer' }).expect(200);
      await expect(t.connect({ token })).rejects.toThrow(/Invalid or expired token/);
      await expect(t.connect({ visitorToken: 'nope' })).rejects.toThrow(/visitor/i);
    });

    it('accepts a token in auth', async () => {
      const socket = await t.connect({ token: t.adminToken });
      expect(socket.connected).toBe(true);
    });
  });

  it('goes online on connect, away after the inactivity timeout, online again on activity, and tells other users', async () => {
    const user = await t.createUser('p_online', ['livechat_operator']);
    const watcher = await t.connect({ token: t.adminToken });
    const online = nextEvent(watcher, 'presence', (e) => e.userId === user.id && e.status === 'online');
    const socket = await t.connect({ token: user.token });
    await online;
    await expectStatus(user.id, 'online');

    const away = nextEvent(watcher, 'presence', (e) => e.userId === user.id && e.status === 'away', 6000);
    await away; // no activity for 2 s
    expect(await socket.emitWithAck('activity')).toEqual({ ok: true });
    await expectStatus(user.id, 'online', 1000);
  });

  it('keeps HTTP requests as activity', async () => {
    const user = await t.createUser('p_http', []);
    await t.connect({ token: user.token });
    for (let i = 0; i < 6; i++) {
      await new Promise((r) => setTimeout(r, 500));
      await t.http.get('/api/me').auth(user.token, { type: 'bearer' }).expect(200);
    }
    expect(await statusOf(user.id)).toBe('online');
  });

  it('does not go offline on a reload, but does after the grace period with no connection', async () => {
    const user = await t.createUser('p_reload', []);
    const first = await t.connect({ token: user.token });
    await expectStatus(user.id, 'online');
    first.disconnect();
    await new Promise((r) => setTimeout(r, 300));
    await t.connect({ token: user.token }); // the reloaded tab
    await new Promise((r) => setTimeout(r, 1800));
    expect(await statusOf(user.id)).toBe('online');

    const last = await t.connect({ token: user.token });
    last.disconnect();
    expect(await statusOf(user.id)).toBe('online'); // one connection left
  });

  it('goes offline after the grace period once every connection closed', async () => {
    const user = await t.createUser('p_offline', []);
    const socket = await t.connect({ token: user.token });
    await expectStatus(user.id, 'online');
    socket.disconnect();
    await new Promise((r) => setTimeout(r, 400));
    expect(await statusOf(user.id)).toBe('online');
    await expectStatus(user.id, 'offline', 4000);
  });

  it('answers malformed activity events with an error ack and keeps the connection', async () => {
    const socket = await t.connect({ token: t.adminToken });
    expect(await socket.emitWithAck('activity', { lots: 'of data' })).toEqual(expect.objectContaining({ error: expect.stringMatching(/no payload/) }));
    expect(await socket.emitWithAck('activity', 'text')).toEqual(expect.objectContaining({ error: expect.any(String) }));
    expect(socket.connected).toBe(true);
    expect(await socket.emitWithAck('activity')).toEqual({ ok: true });
  });

  it('sweeps the connections of a process that stopped heartbeating', async () => {
    const user = await t.createUser('p_stale', []);
    const db = t.app.get(DataSource);
    await db.getRepository(PresenceProcess).insert({ processId: 'dead-process', heartbeatAt: 1 });
    await db.getRepository(PresenceConnection).insert({ socketId: 'ghost-socket', userId: user.id, processId: 'dead-process', connectedAt: 1 });
    await t.app.get(PresenceService).recompute(user.id);
    await t.app.get(PresenceService).sweep();
    expect(await db.getRepository(PresenceConnection).existsBy({ processId: 'dead-process' })).toBe(false);
    expect(await db.getRepository(PresenceProcess).existsBy({ processId: 'dead-process' })).toBe(false);
    await expectStatus(user.id, 'offline', 4000);
  });
});

const describeSharedDb = TEST_DATABASE_URL.startsWith('sqlite') ? describe : describe.skip;
describeSharedDb('presence across two processes sharing one database', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lc-presence-')), 'shared.sqlite');
    a = await createTestApp(FAST, { DATABASE_URL: `sqlite:${file}` });
    b = await createTestApp(FAST, { DATABASE_URL: `sqlite:${file}` });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('counts connections of both processes: closing one keeps the user online', async () => {
    const user = await a.createUser('two_procs', []);
    const inA = await a.connect({ token: user.token });
    await b.connect({ token: user.token });
    const db = a.app.get(DataSource);
    await waitFor(async () => expect(await db.getRepository(PresenceConnection).countBy({ userId: user.id })).toBe(2));
    inA.disconnect();
    await new Promise((r) => setTimeout(r, 1800));
    const res = await b.http.get('/api/presence').auth(b.adminToken, { type: 'bearer' }).expect(200);
    expect(res.body.find((p: { userId: number }) => p.userId === user.id).status).toBe('online');
  });
});
