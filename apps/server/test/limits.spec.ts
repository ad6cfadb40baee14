import { DataSource } from 'typeorm';
import { createTestApp, waitFor, type TestApp } from '@lc/testing';
import { MAX_SOCKET_FRAME_BYTES } from '../src/realtime/socket-adapter';

/** DESIGN's limits with their default values: body size, message size, per-address, per-session, per-socket, logins. */
describe('limits', () => {
  let t: TestApp;
  let channelId: number;
  let operatorToken: string;
  // Behind the loopback proxy (trust proxy), the client address is X-Forwarded-For's: one per test.
  let address = 0;
  const nextAddress = () => `203.0.113.${++address}`;
  const rows = async () => {
    const db = t.app.get(DataSource);
    let n = 0;
    for (const m of db.entityMetadatas) n += Number((await db.query(`SELECT COUNT(*) AS n FROM "${m.tableName}"`))[0].n);
    return n;
  };

  beforeAll(async () => {
    t = await createTestApp(); // the default limits
    channelId = (await t.http.post('/api/livechat/channels').auth(t.adminToken, { type: 'bearer' }).send({ name: 'Limits' }).expect(201)).body.id;
    const op = await t.createUser('op', ['livechat_operator']);
    operatorToken = op.token;
    await t.connect({ token: op.token });
    await waitFor(async () => expect((await t.http.get('/api/presence').auth(op.token, { type: 'bearer' })).body).toContainEqual({ userId: op.id, status: 'online' }));
    await t.http.post(`/api/livechat/channels/${channelId}/join`).auth(op.token, { type: 'bearer' }).expect(200);
  });
  afterAll(() => t.close());

  const start = (ip = nextAddress()) => t.http.post(`/api/livechat/channels/${channelId}/sessions`).set('X-Forwarded-For', ip).send({});

  it('refuses a JSON body over 64 kB with 413, writing nothing', async () => {
    const before = await rows();
    const { body: session } = await start().expect(201);
    const after = await rows();
    const big = { body: 'x'.repeat(70 * 1024) };
    const res = await t.http.post(`/api/livechat/sessions/${session.sessionId}/messages`).set('X-Visitor-Token', session.visitorToken).send(big);
    expect(res.status).toBe(413);
    await t.http.post('/api/auth/login').send({ login: 'admin', password: 'y'.repeat(70 * 1024) }).expect(413);
    expect(await rows()).toBe(after);
    expect(after).toBeGreaterThan(before);
  });

  it('takes message bodies of 1 to 4,000 characters after trimming', async () => {
    const { body: s } = await start().expect(201);
    const post = (body: unknown) => t.http.post(`/api/livechat/sessions/${s.sessionId}/messages`).set('X-Visitor-Token', s.visitorToken).send({ body });
    await post('y'.repeat(4000)).expect(201);
    await post('y'.repeat(4001)).expect(400);
    await post(`  ${'y'.repeat(4000)}  `).expect(201); // the limit counts the trimmed text
    await post('   \n\t ').expect(400);
    await post('').expect(400);
    await t.http.post(`/api/discuss/conversations/${s.conversationId}/messages`).auth(operatorToken, { type: 'bearer' }).send({ body: 'z'.repeat(4001) }).expect(400);
  });

  it('limits session starts to 10 a minute per visitor address (429), not other addresses', async () => {
    const ip = nextAddress();
    for (let i = 0; i < 10; i++) await start(ip).expect(201);
    const before = await rows();
    const refused = await start(ip).expect(429);
    expect(refused.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    await t.http.post(`/api/livechat/channels/${channelId}/offline-messages`).set('X-Forwarded-For', ip).send({ email: 'a@b.co', body: 'hi' }).expect(429);
    expect(await rows()).toBe(before);
    await start().expect(201);
  });

  it('limits a visitor to 30 messages per 10 s per session, by HTTP and by socket (error ack 429)', async () => {
    const { body: s } = await start().expect(201);
    for (let i = 0; i < 30; i++) await t.http.post(`/api/livechat/sessions/${s.sessionId}/messages`).set('X-Visitor-Token', s.visitorToken).send({ body: `m${i}` }).expect(201);
    await t.http.post(`/api/livechat/sessions/${s.sessionId}/messages`).set('X-Visitor-Token', s.visitorToken).send({ body: 'one too many' }).expect(429);
    const socket = await t.connect({ visitorToken: s.visitorToken });
    expect(await socket.emitWithAck('message', { conversationId: s.conversationId, body: 'by socket' })).toMatchObject({ status: 429 });
    expect(socket.connected).toBe(true);
  });

  it('limits socket events to 20 a second per connection with an error ack, keeping the connection', async () => {
    const user = await t.createUser('chatty', []);
    const socket = await t.connect({ token: user.token });
    const acks = await Promise.all(Array.from({ length: 25 }, () => socket.emitWithAck('activity')));
    expect(acks.filter((a) => a.ok)).toHaveLength(20);
    expect(acks.filter((a) => a.status === 429)).toHaveLength(5);
    expect(socket.connected).toBe(true);
    // Another connection of the same user has its own budget.
    const other = await t.connect({ token: user.token });
    expect(await other.emitWithAck('activity')).toEqual({ ok: true });
    await new Promise((r) => setTimeout(r, 1100));
    expect(await socket.emitWithAck('activity')).toEqual({ ok: true });
  });

  it('answers 429 after 10 failed logins a minute for one login', async () => {
    await t.createUser('target', []);
    for (let i = 0; i < 10; i++) await t.http.post('/api/auth/login').send({ login: 'target', password: 'wrong-one' }).expect(401);
    await t.http.post('/api/auth/login').send({ login: 'target', password: 'wrong-one' }).expect(429);
    await t.http.post('/api/auth/login').send({ login: 'TARGET', password: 'password1' }).expect(429); // case does not dodge it
  });

  it('answers a 100 kB socket message with an error ack, keeping the connection', async () => {
    const user = await t.createUser('verbose', []);
    const socket = await t.connect({ token: user.token });
    const ack = await socket.emitWithAck('message', { conversationId: 1, body: 'x'.repeat(100 * 1024), clientId: 'big' });
    expect(ack).toMatchObject({ status: 400, error: expect.stringMatching(/body/) });
    expect(socket.connected).toBe(true);
    expect(await socket.emitWithAck('activity')).toEqual({ ok: true });
  });

  it(`closes a socket whose frame exceeds ${MAX_SOCKET_FRAME_BYTES} bytes (socket.io maxHttpBufferSize) and only that one`, async () => {
    const user = await t.createUser('flooder', []);
    const bystander = await t.connect({ token: user.token });
    const socket = await t.connect({ token: user.token });
    const closed = new Promise<string>((done) => socket.once('disconnect', done));
    socket.emit('message', { conversationId: 1, body: 'x'.repeat(MAX_SOCKET_FRAME_BYTES + 1) });
    expect(await closed).toBe('transport close');
    expect(await bystander.emitWithAck('activity')).toEqual({ ok: true });
  });
});
