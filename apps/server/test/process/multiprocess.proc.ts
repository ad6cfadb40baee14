import { Client } from 'pg';
import type { Socket } from 'socket.io-client';
import { storedAndCountedLoad } from '../../../../modules/livechat/server/operator-load-recount';
import { allMessages, Api, closeSockets, connect, nextEvent, POSTGRES_URL, REDIS_URL, sleep, startServer, uniqueName, waitFor, type ServerProcess } from './harness';

/**
 * Two real server processes on one PostgreSQL schema and one Redis (socket.io's Redis adapter, with a key
 * prefix of this run so that parallel runs do not mix): they must behave as one server.
 */
describe('two processes on PostgreSQL + Redis', () => {
  const schema = uniqueName('mp');
  const env = {
    DATABASE_URL: POSTGRES_URL,
    DATABASE_SCHEMA: schema,
    REDIS_URL,
    REDIS_KEY_PREFIX: `lc-test:${schema}`,
    PRESENCE_OFFLINE_GRACE_S: '2', // presence sweeps every second; a dead process is stale after 3 s + 5 s
    LIVECHAT_INACTIVITY_TIMEOUT_S: '600',
    RATE_LIMIT_VISITOR_SESSIONS_PER_MIN: '1000',
    RATE_LIMIT_VISITOR_MESSAGES_PER_10S: '1000',
  };
  let A: ServerProcess;
  let B: ServerProcess;
  let apiA: Api;
  let apiB: Api;
  let admin: string;
  let manager: { id: number; token: string };
  let counter = 0;

  beforeAll(async () => {
    // Both start at the same instant on an empty schema: one creates it and runs the migrations and the
    // first-start data under the start-up lock, the other waits and finds them done.
    [A, B] = await Promise.all([startServer('A', env), startServer('B', env)]);
    apiA = new Api(A.url);
    apiB = new Api(B.url);
    admin = await apiA.login('admin', 'admin');
    manager = await apiA.createUser(admin, 'manager', ['livechat_manager']);
  }, 90_000);

  afterAll(async () => {
    closeSockets();
    await Promise.all([A?.kill('SIGKILL'), B?.kill('SIGKILL')]);
    const client = new Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  const channel = async (api: Api, extra: object = {}) => (await api.ok('POST', '/api/livechat/channels', { token: manager.token, body: { name: `Channel ${++counter}`, ...extra } })).id as number;

  /** An operator whose socket is on `on`, joined to the channel (through `via`), online for every process. */
  async function operator(on: ServerProcess, channelId: number | null, via: Api = apiB): Promise<{ id: number; token: string; socket: Socket }> {
    const user = await via.createUser(admin, `op${++counter}`, ['livechat_operator']);
    const socket = await connect(on.url, { token: user.token });
    await waitFor(async () => expect(await via.ok('GET', '/api/presence', { token: user.token })).toContainEqual({ userId: user.id, status: 'online' }));
    if (channelId) await via.ok('POST', `/api/livechat/channels/${channelId}/join`, { token: user.token });
    return { ...user, socket };
  }

  it('delivers a visitor message sent through B to the operator connected to A, and the reply back', async () => {
    const channelId = await channel(apiA);
    const op = await operator(A, channelId, apiA);
    const session = await apiB.ok('POST', `/api/livechat/channels/${channelId}/sessions`, { body: {} });
    expect(session).toMatchObject({ status: 'active', operator: { id: op.id } });
    const visitor = await connect(B.url, { visitorToken: session.visitorToken });

    const byHttp = nextEvent(op.socket, 'message', (m) => m.body === 'hello through B');
    const sent = await apiB.ok('POST', `/api/livechat/sessions/${session.sessionId}/messages`, { visitorToken: session.visitorToken, body: { body: 'hello through B', clientId: 'h1' } });
    expect(await byHttp).toEqual(sent);

    const bySocket = nextEvent(op.socket, 'message', (m) => m.body === 'socket through B');
    const acked = await visitor.emitWithAck('message', { conversationId: session.conversationId, body: 'socket through B', clientId: 's1' });
    expect(await bySocket).toEqual(acked);

    const reply = nextEvent(visitor, 'message', (m) => m.author.kind === 'user');
    const replied = await op.socket.emitWithAck('message', { conversationId: session.conversationId, body: 'answer from A', clientId: 'r1' });
    expect(await reply).toEqual(replied);
  });

  it('a token revoked through B closes its sockets on A within 2 s: logout, a new password, archiving', async () => {
    const closedWithin2s = (socket: Socket) =>
      new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('socket on A still open 2 s after the revocation on B')), 2000);
        socket.once('disconnect', (reason) => (clearTimeout(timer), resolve(reason)));
      });
    const login = `revoked${++counter}`;
    const user = await apiB.createUser(admin, login, []);

    const loggedOut = closedWithin2s(await connect(A.url, { token: user.token }));
    await apiB.ok('POST', '/api/auth/logout', { token: user.token });
    expect(await loggedOut).toBe('io server disconnect');

    const second = await apiB.login(login, 'password1');
    const newPassword = closedWithin2s(await connect(A.url, { token: second }));
    await apiB.ok('PATCH', `/api/users/${user.id}`, { token: admin, body: { password: 'password2' } });
    expect(await newPassword).toBe('io server disconnect');

    const third = await apiB.login(login, 'password2');
    const archived = closedWithin2s(await connect(A.url, { token: third }));
    await apiB.ok('PATCH', `/api/users/${user.id}`, { token: admin, body: { active: false } });
    expect(await archived).toBe('io server disconnect');
    expect((await apiA.call('GET', '/api/me', { token: third })).status).toBe(401);
  });

  it('respects maxSessionsPerOperator with 50 simultaneous starts split over both processes', async () => {
    const channelId = await channel(apiA, { maxSessionsPerOperator: 2 });
    const operators = [];
    for (let i = 0; i < 5; i++) operators.push(await operator(i % 2 ? B : A, channelId, i % 2 ? apiB : apiA));
    const starts = await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 ? apiB : apiA).ok('POST', `/api/livechat/channels/${channelId}/sessions`, { body: { visitorName: `V${i}` }, headers: { 'Accept-Language': 'en-US' } })),
    );
    expect(starts.filter((s) => s.status === 'active')).toHaveLength(10);
    const sessions: any[] = await apiB.ok('GET', `/api/livechat/sessions?channelId=${channelId}`, { token: manager.token });
    expect(sessions).toHaveLength(50);
    const perOperator = new Map<number, number>();
    for (const s of sessions.filter((s) => s.status === 'active')) perOperator.set(s.operator.id, (perOperator.get(s.operator.id) ?? 0) + 1);
    expect([...perOperator.values()]).toEqual([2, 2, 2, 2, 2]);
    expect(sessions.filter((s) => s.status === 'queued')).toHaveLength(40);

    // A freed slot goes to the first queued visitor (first come, first served), whichever process frees it.
    const queued = sessions.filter((s) => s.status === 'queued').sort((a, b) => a.id - b.id);
    const someActive = sessions.find((s) => s.status === 'active');
    await apiB.ok('POST', `/api/livechat/sessions/${someActive.id}/close`, { token: manager.token });
    const after: any[] = await apiA.ok('GET', `/api/livechat/sessions?channelId=${channelId}&status=active`, { token: manager.token });
    expect(after.map((s) => s.id)).toContain(queued[0].id);
    expect(after).toHaveLength(10);
    await expectLoadMatchesRecount();

    // Ends through both processes at once, each freeing a slot that the queue takes: the load stays exact.
    await Promise.all(after.slice(0, 6).map((s, i) => (i % 2 ? apiA : apiB).ok('POST', `/api/livechat/sessions/${s.id}/close`, { token: manager.token })));
    await waitFor(async () => expect(await apiA.ok('GET', `/api/livechat/sessions?channelId=${channelId}&status=active`, { token: manager.token })).toHaveLength(10));
    await expectLoadMatchesRecount();
  });

  /** The operators' load kept by the sessions' triggers equals a recount from the sessions (livechat's AddOperatorLoad). */
  async function expectLoadMatchesRecount(): Promise<void> {
    const client = new Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      await client.query(`SET search_path TO ${schema}`);
      const { stored, counted } = await storedAndCountedLoad(async (text) => (await client.query(text)).rows);
      expect(stored).toEqual(counted);
      expect(counted.all.length).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  }

  it('a call for help reaches exactly the operators inside the channel on both processes; one on B joins, then takes the chat over', async () => {
    const channelId = await channel(apiA);
    const elsewhere = await channel(apiA);
    const marc = await operator(A, channelId, apiA);
    const session = await apiB.ok('POST', `/api/livechat/channels/${channelId}/sessions`, { body: {} });
    expect(session.operator).toMatchObject({ id: marc.id });
    const sofia = await operator(B, channelId);
    const outsider = await operator(B, elsewhere);
    const heard: string[] = [];
    for (const [who, op] of [['marc', marc], ['sofia', sofia], ['outsider', outsider]] as const) op.socket.on('livechat.help', (e) => heard.push(`${who}:${e.needHelp}`));
    const visitor = await connect(B.url, { visitorToken: session.visitorToken });

    const sofiaHears = nextEvent(sofia.socket, 'livechat.help');
    await apiA.ok('POST', `/api/livechat/sessions/${session.sessionId}/help`, { token: marc.token, body: { needHelp: true } });
    expect(await sofiaHears).toEqual({ sessionId: session.sessionId, channelId, needHelp: true });
    expect(await apiB.ok('GET', '/api/livechat/help-requests', { token: sofia.token })).toEqual([expect.objectContaining({ id: session.sessionId, needsHelp: true })]);
    const arrival = nextEvent(visitor, 'message', (m) => m.author.kind === 'system');
    const cleared = nextEvent(marc.socket, 'livechat.help', (e) => !e.needHelp);
    await apiB.ok('POST', `/api/livechat/sessions/${session.sessionId}/join`, { token: sofia.token });
    expect((await arrival).body).toMatch(/joined the conversation$/);
    await cleared;

    // Marc, on A, hands the chat to Sofia, on B: he leaves it, she has it, the visitor is told.
    const left = nextEvent(marc.socket, 'conversation.left');
    const told = nextEvent(visitor, 'livechat.session', (e) => e.operator?.id === sofia.id);
    await apiA.ok('POST', `/api/livechat/sessions/${session.sessionId}/transfer`, { token: marc.token, body: { operatorId: sofia.id } });
    expect(await left).toEqual({ conversationId: session.conversationId });
    await told;
    await sleep(300);
    expect(heard.sort()).toEqual(['marc:false', 'marc:true', 'sofia:false', 'sofia:true']);
  });

  it('livechat disabled through A: B refuses visitor handshakes and stops hearing its open visitor sockets; enabled again, both serve them', async () => {
    const channelId = await channel(apiA);
    await operator(B, channelId);
    const session = await apiB.ok('POST', `/api/livechat/channels/${channelId}/sessions`, { body: {} });
    const open = await connect(B.url, { visitorToken: session.visitorToken });
    await apiA.ok('POST', '/api/modules/livechat/disable', { token: admin });
    // B learns of it from the database (each process refreshes the module states every 2 s).
    await waitFor(async () => expect(await open.timeout(3000).emitWithAck('message', { conversationId: session.conversationId, body: 'anyone?', clientId: 'd1' })).toMatchObject({ status: 404 }), 6000);
    await expect(connect(B.url, { visitorToken: session.visitorToken })).rejects.toThrow(/The livechat module is disabled/);
    expect((await apiB.call('POST', `/api/livechat/sessions/${session.sessionId}/messages`, { visitorToken: session.visitorToken, body: { body: 'by http' } })).status).toBe(404);
    await apiB.ok('POST', '/api/modules/livechat/enable', { token: admin });
    await waitFor(async () => expect((await apiA.call('GET', `/api/livechat/channels/${channelId}/public`)).status).toBe(200), 6000);
    // Disabling ended the chat (the visitor was told); the same visitor starts a new one, served by both.
    const next = await apiA.ok('POST', `/api/livechat/channels/${channelId}/sessions`, { visitorToken: session.visitorToken, body: {} });
    const again = await connect(B.url, { visitorToken: session.visitorToken });
    expect(await again.emitWithAck('message', { conversationId: next.conversationId, body: 'back', clientId: 'd2' })).toMatchObject({ body: 'back' });
  });

  it('survives kill -9 of A: its operator reconnects to B with no acknowledged message lost, and its users go offline', async () => {
    const channelId = await channel(apiB);
    const op = await operator(A, channelId);
    const watcher = await apiB.createUser(admin, `watcher${++counter}`, []);
    await connect(A.url, { token: watcher.token });
    await waitFor(async () => expect(await apiB.ok('GET', '/api/presence', { token: admin })).toContainEqual({ userId: watcher.id, status: 'online' }));

    const session = await apiB.ok('POST', `/api/livechat/channels/${channelId}/sessions`, { body: {} });
    expect(session.operator).toMatchObject({ id: op.id });
    const conversationId = session.conversationId as number;
    const received = new Map<string, number>();
    op.socket.on('message', (m) => received.set(m.clientId, (received.get(m.clientId) ?? 0) + 1));

    // The visitor keeps writing through B; the operator keeps writing through A, until A dies.
    const visitorAcked = new Map<string, number>();
    const operatorAcked = new Map<string, number>();
    const operatorUnacked: string[] = [];
    let writing = true;
    const visitorLoop = (async () => {
      for (let i = 0; writing; i++) {
        const clientId = `v${i}`;
        const res = await apiB.call('POST', `/api/livechat/sessions/${session.sessionId}/messages`, { visitorToken: session.visitorToken, body: { body: `visitor ${i}`, clientId } });
        expect(res.status).toBe(201);
        visitorAcked.set(clientId, res.body.id);
        await sleep(10);
      }
    })();
    const operatorLoop = (async () => {
      for (let i = 0; writing && op.socket.connected; i++) {
        const clientId = `o${i}`;
        try {
          const ack = await op.socket.timeout(3000).emitWithAck('message', { conversationId, body: `operator ${i}`, clientId });
          if (ack.error) throw new Error(ack.error);
          operatorAcked.set(clientId, ack.id);
        } catch {
          operatorUnacked.push(clientId);
          break;
        }
        await sleep(10);
      }
    })();

    await waitFor(() => expect(operatorAcked.size + visitorAcked.size).toBeGreaterThan(40));
    const disconnected = new Promise<string>((done) => op.socket.once('disconnect', done));
    await A.kill('SIGKILL');
    expect(await disconnected).toBe('transport close');
    await operatorLoop;
    await sleep(300);

    // The "load balancer" sends the operator's shell to B; it catches up with the history API.
    const again = await connect(B.url, { token: op.token });
    again.on('message', (m) => received.set(m.clientId, (received.get(m.clientId) ?? 0) + 1));
    for (const clientId of operatorUnacked) {
      // Unacknowledged sends are retried with the same clientId: stored at most once.
      const i = clientId.slice(1);
      const ack = await again.emitWithAck('message', { conversationId, body: `operator ${i}`, clientId });
      expect(ack.clientId).toBe(clientId);
      operatorAcked.set(clientId, ack.id);
    }
    await sleep(300);
    writing = false;
    await visitorLoop;

    const history = await allMessages(apiB, op.token, conversationId);
    const count = new Map<string, number>();
    for (const m of history) if (m.clientId) count.set(m.clientId, (count.get(m.clientId) ?? 0) + 1);
    for (const [clientId, id] of [...visitorAcked, ...operatorAcked]) {
      expect({ clientId, count: count.get(clientId) }).toEqual({ clientId, count: 1 });
      expect(history.find((m) => m.clientId === clientId).id).toBe(id);
    }
    // Live delivery resumed on B: the visitor's messages after the reconnect reached the operator.
    const lastVisitor = `v${visitorAcked.size - 1}`;
    await waitFor(() => expect(received.get(lastVisitor)).toBe(1));

    // A's heartbeat stopped: another process drops its connections; A's users go offline.
    await waitFor(async () => {
      const presence = await apiB.ok('GET', '/api/presence', { token: admin });
      expect(presence).toContainEqual({ userId: watcher.id, status: 'offline' });
      expect(presence).toContainEqual({ userId: op.id, status: 'online' }); // reconnected to B
    }, 30_000, 250);
  }, 90_000);
});
