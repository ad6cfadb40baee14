import { createTestApp, type TestApp } from '@lc/testing';

const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/** With REDIS_URL the public limits are counted once for all processes, not once per process. */
describe('rate limits shared between processes through Redis', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    const env = { REDIS_URL, REDIS_KEY_PREFIX: `lc-test-${process.pid}-${Date.now()}:`, DATABASE_URL: 'sqlite::memory:' };
    const rateLimits = { visitorSessionStartsPerMinute: 3, visitorMessagesPer10s: 30, failedLoginsPerMinute: 10, socketEventsPerSecond: 20 };
    a = await createTestApp({ rateLimits }, env);
    b = await createTestApp({ rateLimits }, env);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('counts visitor session starts of one address across both processes', async () => {
    for (const t of [a, b]) {
      const manager = await t.createUser('manager', ['livechat_manager']);
      await t.http.post('/api/livechat/channels').auth(manager.token, { type: 'bearer' }).send({ name: 'Shared' }).expect(201);
    }
    await a.http.post('/api/livechat/channels/1/sessions').send({}).expect(201);
    await b.http.post('/api/livechat/channels/1/sessions').send({}).expect(201);
    await a.http.post('/api/livechat/channels/1/sessions').send({}).expect(201);
    await b.http.post('/api/livechat/channels/1/sessions').send({}).expect(429);
    await a.http.post('/api/livechat/channels/1/sessions').send({}).expect(429);
  });
});
