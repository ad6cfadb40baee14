import { createServer } from 'node:net';
import { createTestApp, waitFor, type TestApp } from '@lc/testing';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/** One sample of the Prometheus text: `name{labels} value`, or the value of `name` without labels. */
const sample = (text: string, name: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
};

/** METRICS_PORT (DESIGN.md, Operations): Prometheus text on a port of its own, never on the public one. */
describe('metrics', () => {
  let t: TestApp;
  let metricsUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    t = await createTestApp({}, { METRICS_PORT: String(port) });
    metricsUrl = `http://127.0.0.1:${port}`;
  });
  afterAll(() => t?.close());

  const scrape = async () => {
    const res = await fetch(`${metricsUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text();
  };

  it("counts a message stored and delivered, its delivery latency, the open sockets and a queued session; the process's own metrics", async () => {
    const admin = { Authorization: `Bearer ${t.adminToken}` };
    const before = await scrape();
    const op = await t.createUser('metrics_op', ['livechat_operator']);
    const opSocket = await t.connect({ token: op.token });
    const staffed = (await t.http.post('/api/livechat/channels').set(admin).send({ name: 'Staffed' }).expect(201)).body.id;
    const empty = (await t.http.post('/api/livechat/channels').set(admin).send({ name: 'Nobody here' }).expect(201)).body.id;
    await waitFor(async () => expect((await t.http.get('/api/presence').auth(op.token, { type: 'bearer' })).body).toContainEqual({ userId: op.id, status: 'online' }));
    await t.http.post(`/api/livechat/channels/${staffed}/join`).auth(op.token, { type: 'bearer' }).expect(200);
    const session = (await t.http.post(`/api/livechat/channels/${staffed}/sessions`).send({}).expect(201)).body;
    expect(session.status).toBe('active');
    const visitor = await t.connect({ visitorToken: session.visitorToken });
    const arrived = new Promise((resolve) => opSocket.on('message', resolve));
    expect(await visitor.emitWithAck('message', { conversationId: session.conversationId, body: 'counted?', clientId: 'm1' })).toMatchObject({ body: 'counted?' });
    await arrived;
    expect((await t.http.post(`/api/livechat/channels/${empty}/sessions`).send({}).expect(201)).body.status).toBe('queued');

    const after = await scrape();
    expect(sample(after, 'discuss_messages_stored_total')).toBe((sample(before, 'discuss_messages_stored_total') ?? 0) + 1);
    expect(sample(after, 'discuss_messages_delivered_total')).toBe((sample(before, 'discuss_messages_delivered_total') ?? 0) + 1);
    expect(sample(after, 'discuss_message_delivery_seconds_count')).toBe(1);
    expect(sample(after, 'discuss_message_delivery_seconds_bucket{le="+Inf"}')).toBe(1);
    expect(sample(after, 'realtime_sockets_open')).toBe(2);
    expect(sample(after, 'livechat_sessions_queued')).toBe(1);
    for (const name of ['nodejs_eventloop_lag_seconds', 'nodejs_eventloop_lag_p99_seconds', 'process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_heap_size_used_bytes']) {
      expect(sample(after, name)).toEqual(expect.any(Number));
    }
  });

  it('the public port has no /metrics; the metrics port answers nothing else', async () => {
    await t.http.get('/metrics').expect(404);
    await t.http.get('/api/metrics').set('Authorization', `Bearer ${t.adminToken}`).expect(404);
    expect((await fetch(`${metricsUrl}/`)).status).toBe(404);
    expect((await fetch(`${metricsUrl}/metrics`, { method: 'POST' })).status).toBe(404);
  });

  it('METRICS_PORT is checked at start-up: a port number, never the public port', async () => {
    await expect(createTestApp({}, { METRICS_PORT: 'abc' })).rejects.toThrow('METRICS_PORT must be a port number');
    await expect(createTestApp({}, { METRICS_PORT: '8069', PORT: '8069' })).rejects.toThrow('METRICS_PORT must differ from PORT');
  });
});
