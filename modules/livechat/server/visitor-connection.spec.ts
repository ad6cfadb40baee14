import { DataSource } from 'typeorm';
import { createTestApp, waitFor, type TestApp } from '@lc/testing';

/**
 * Every visitor page load connects a socket. On SQLite a statement whose text differs at each call is
 * prepared anew (the ORM writes numbers into the text): ~10 kB of native memory each, given back only by a
 * full GC, which made most of the RSS per idle visitor. SQLite only: PostgreSQL prepares nothing here.
 */
describe('livechat: a visitor connection on SQLite', () => {
  let t: TestApp;
  let channelId: number;
  beforeAll(async () => {
    t = await createTestApp({ rateLimits: { visitorSessionStartsPerMinute: 1000 } });
    channelId = (await t.http.post('/api/livechat/channels').auth(t.adminToken, { type: 'bearer' }).send({ name: 'Visitors' }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  // The test's own statements say so (they are prepared once, then kept by the ORM's cache).
  const lastActivityAt = async (sessionId: number) =>
    Number((await t.app.get(DataSource).query(`/* test */ SELECT "lastActivityAt" FROM "livechat_session" WHERE "id" = ?`, [sessionId]))[0].lastActivityAt);
  const forgetActivity = (sessionId: number) => t.app.get(DataSource).query(`/* test */ UPDATE "livechat_session" SET "lastActivityAt" = 0 WHERE "id" = ?`, [sessionId]);

  it('moves lastActivityAt at connection and disconnection, and prepares no statement of its own once the first visitor came', async () => {
    const sessions = [];
    for (let i = 0; i < 4; i++) sessions.push((await t.http.post(`/api/livechat/channels/${channelId}/sessions`).send({}).expect(201)).body);
    const connection = (t.app.get(DataSource).driver as unknown as { databaseConnection: { prepare(text: string): unknown } }).databaseConnection;
    const prepared: string[] = [];
    const prepare = connection.prepare;
    connection.prepare = function (text: string) {
      prepared.push(text);
      return prepare.call(this, text);
    };
    try {
      for (const [i, session] of sessions.entries()) {
        if (i === 1) prepared.length = 0; // the first one prepares what every later one reuses
        await forgetActivity(session.sessionId);
        const socket = await t.connect({ visitorToken: session.visitorToken });
        await waitFor(async () => expect(await lastActivityAt(session.sessionId)).toBeGreaterThan(0));
        await forgetActivity(session.sessionId);
        socket.disconnect();
        await waitFor(async () => expect(await lastActivityAt(session.sessionId)).toBeGreaterThan(0));
      }
      expect(prepared.filter((text) => text.includes('livechat_session') && !text.startsWith('/* test */'))).toEqual([]);
    } finally {
      connection.prepare = prepare;
    }
  });
});
