import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { Client } from 'pg';
import { allMessages, Api, closeSockets, connect, POSTGRES_URL, sleep, startServer, uniqueName, waitFor, type ServerProcess } from './harness';

/** kill -9 of the single SQLite process while 100 visitors write; SIGTERM of a PostgreSQL process while 40 write. */
describe('faults: kill -9 and SIGTERM under load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lc-faults-'));
  const schema = uniqueName('term');
  const env = (file: string) => ({
    DATABASE_URL: file === 'postgres' ? POSTGRES_URL : `sqlite:${join(dir, file)}`,
    DATABASE_SCHEMA: file === 'postgres' ? schema : '',
    RATE_LIMIT_VISITOR_SESSIONS_PER_MIN: '1000',
    RATE_LIMIT_VISITOR_MESSAGES_PER_10S: '1000',
    RATE_LIMIT_SOCKET_EVENTS_PER_S: '1000',
  });
  let servers: ServerProcess[] = [];
  afterAll(async () => {
    closeSockets();
    await Promise.all(servers.map((s) => s.kill('SIGKILL')));
    rmSync(dir, { recursive: true, force: true });
    const client = new Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });
  const start = async (file: string, port?: number) => {
    const server = await startServer(file, env(file), port);
    servers.push(server);
    return server;
  };

  interface Visitor {
    sessionId: number;
    conversationId: number;
    visitorToken: string;
    socket?: Socket;
    acked: Map<string, number>;
    unacked: string[];
  }

  /** An operator inside a new channel and `count` visitors with an active session each. */
  async function setUp(api: Api, count: number) {
    const admin = await api.login('admin', 'admin');
    const op = await api.createUser(admin, 'op', ['livechat_operator']);
    const channelId = (await api.ok('POST', '/api/livechat/channels', { token: admin, body: { name: 'Support' } })).id;
    const opSocket = await connect(api.url, { token: op.token });
    await waitFor(async () => expect(await api.ok('GET', '/api/presence', { token: admin })).toContainEqual({ userId: op.id, status: 'online' }));
    await api.ok('POST', `/api/livechat/channels/${channelId}/join`, { token: op.token });
    const visitors: Visitor[] = [];
    for (let i = 0; i < count; i += 20) {
      const batch = await Promise.all(Array.from({ length: Math.min(20, count - i) }, () => api.ok('POST', `/api/livechat/channels/${channelId}/sessions`, { body: {} })));
      for (const s of batch) {
        expect(s.status).toBe('active');
        visitors.push({ sessionId: s.sessionId, conversationId: s.conversationId, visitorToken: s.visitorToken, acked: new Map(), unacked: [] });
      }
    }
    // Half the visitors write through their socket, half through HTTP, as the widget may do either.
    await Promise.all(visitors.filter((_, i) => i % 2 === 0).map(async (v) => (v.socket = await connect(api.url, { visitorToken: v.visitorToken }))));
    return { admin, op, opSocket, visitors };
  }

  /** Each visitor writes until its transport fails; what was acknowledged and what was not is recorded. */
  function write(api: Api, visitors: Visitor[], statuses: number[]): Promise<void[]> {
    return Promise.all(
      visitors.map(async (v) => {
        for (let i = 0; ; i++) {
          const clientId = `c${i}`;
          try {
            if (v.socket) {
              const ack = await v.socket.timeout(5000).emitWithAck('message', { conversationId: v.conversationId, body: `message ${i}`, clientId });
              if (ack.error) throw new Error(ack.error);
              v.acked.set(clientId, ack.id);
            } else {
              const res = await api.call('POST', `/api/livechat/sessions/${v.sessionId}/messages`, { visitorToken: v.visitorToken, body: { body: `message ${i}`, clientId } });
              statuses.push(res.status);
              if (res.status !== 201) throw new Error(`status ${res.status}`);
              v.acked.set(clientId, res.body.id);
            }
          } catch {
            v.unacked.push(clientId);
            return;
          }
          await sleep(5 + Math.random() * 20);
        }
      }),
    );
  }

  /** After a restart: unacknowledged sends are retried (same clientId); then every acked message is stored exactly once. */
  async function verify(api: Api, operatorToken: string, visitors: Visitor[]) {
    const retried: number[] = [];
    for (const v of visitors) {
      for (const clientId of v.unacked) {
        const res = await api.call('POST', `/api/livechat/sessions/${v.sessionId}/messages`, { visitorToken: v.visitorToken, body: { body: `message ${clientId.slice(1)}`, clientId } });
        expect([200, 201]).toContain(res.status); // 200: it had been stored before the crash, unacknowledged
        retried.push(res.status);
        v.acked.set(clientId, res.body.id);
      }
    }
    let total = 0;
    for (const v of visitors) {
      const history = await allMessages(api, operatorToken, v.conversationId); // the operator reads it
      const byClientId = new Map<string, number[]>();
      for (const m of history.filter((m) => m.author.kind === 'visitor')) byClientId.set(m.clientId, [...(byClientId.get(m.clientId) ?? []), m.id]);
      for (const [clientId, id] of v.acked) expect({ session: v.sessionId, clientId, ids: byClientId.get(clientId) }).toEqual({ session: v.sessionId, clientId, ids: [id] });
      expect(byClientId.size).toBe(v.acked.size); // nothing stored that the client does not know of
      total += v.acked.size;
    }
    return { total, retried };
  }

  it('kill -9 in the middle of 100 visitors writing: every acknowledged message is stored exactly once and reaches the operator', async () => {
    const first = await start('crash.sqlite');
    const api = new Api(first.url);
    const { op, visitors } = await setUp(api, 100);
    const statuses: number[] = [];
    const writing = write(api, visitors, statuses);
    await waitFor(() => expect(visitors.reduce((n, v) => n + v.acked.size, 0)).toBeGreaterThan(500), 30_000, 20);
    await first.kill('SIGKILL');
    await writing;
    expect(statuses.filter((s) => s >= 500)).toEqual([]);

    const second = await start('crash.sqlite', first.port);
    const api2 = new Api(second.url);
    const opSocket = await connect(second.url, { token: op.token }); // the operator's session survived the crash
    const { total } = await verify(api2, op.token, visitors);
    expect(total).toBeGreaterThan(500);

    const live = new Promise((done) => opSocket.on('message', (m) => m.body === 'after restart' && done(m)));
    await api2.ok('POST', `/api/livechat/sessions/${visitors[0].sessionId}/messages`, { visitorToken: visitors[0].visitorToken, body: { body: 'after restart' } });
    await live;
  }, 120_000);

  it('SIGTERM (PostgreSQL): stops accepting, finishes the writes under way, closes sockets so clients reconnect, forgets its connections', async () => {
    const server = await start('postgres');
    const api = new Api(server.url);
    const { op, opSocket, visitors } = await setUp(api, 40);
    const disconnect = new Promise<string>((done) => opSocket.once('disconnect', done));
    const statuses: number[] = [];
    const writing = write(api, visitors, statuses);
    await waitFor(() => expect(visitors.reduce((n, v) => n + v.acked.size, 0)).toBeGreaterThan(200), 30_000, 20);
    const stopped = server.kill('SIGTERM');
    // Socket clients are told the transport closed, which makes socket.io clients reconnect (elsewhere).
    expect(await disconnect).toBe('transport close');
    let timer: NodeJS.Timeout | undefined;
    const exit = await Promise.race([stopped, new Promise((done) => (timer = setTimeout(() => done('still running'), 15_000)))]);
    clearTimeout(timer);
    expect(exit).toEqual({ code: null, signal: 'SIGTERM' });
    await writing;
    // Requests under way were answered; none failed with a server error.
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(server.output()).not.toMatch(/error/i);
    // Presence forgot this process and its connections before the database closed.
    const client = new Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      expect((await client.query(`SELECT COUNT(*)::int AS n FROM ${schema}.presence_connection`)).rows).toEqual([{ n: 0 }]);
      expect((await client.query(`SELECT COUNT(*)::int AS n FROM ${schema}.presence_process`)).rows).toEqual([{ n: 0 }]);
    } finally {
      await client.end();
    }

    const again = await start('postgres', server.port);
    const api2 = new Api(again.url);
    const { total, retried } = await verify(api2, op.token, visitors);
    expect(total).toBeGreaterThan(200);
    // No write was cut off from its answer: whatever was stored had been acknowledged, so every retry stores anew.
    expect(retried.filter((s) => s !== 201)).toEqual([]);
  }, 120_000);
});
