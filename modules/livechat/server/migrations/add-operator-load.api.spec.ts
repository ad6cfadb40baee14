import { createMigrationTestDatabase, type MigrationTestDatabase } from '@lc/testing';
import { storedAndCountedLoad } from '../operator-load-recount';
import { AddOperatorLoad1764000000950 } from './add-operator-load';

/** Sessions of a database from before the load tables: operator, channel, status, assignedAt. */
const OLD_SESSIONS: Array<[number | null, number, 'queued' | 'active' | 'ended', number | null]> = [
  [7, 1, 'active', 1_000],
  [7, 2, 'active', 3_000],
  [7, 1, 'ended', 5_000],
  [8, 1, 'ended', 2_000],
  [9, 2, 'active', 4_000],
  [null, 1, 'queued', null],
  [null, 1, 'ended', null],
];

describe('AddOperatorLoad1764000000950: the operators\' load, counted once from the sessions and then kept', () => {
  let m: MigrationTestDatabase;
  beforeAll(async () => {
    m = await createMigrationTestDatabase();
    await m.migrateUntil('AddOperatorLoad1764000000950');
    for (const name of ['Website', 'Shop']) await m.insert('livechat_channel', { name, buttonText: 'Chat', welcomeMessage: 'Hi', colors: '{}' });
    for (const [i, [operatorId, channelId, status, assignedAt]] of OLD_SESSIONS.entries()) {
      await m.insert('livechat_session', { channelId, conversationId: i + 1, status, operatorId, visitorTokenHash: 'h'.repeat(64), offline: false, startedAt: 500, assignedAt, endedAt: status === 'ended' ? 9_000 : null, lastActivityAt: 500 });
    }
    await m.migrateAll();
  });
  afterAll(() => m?.close());

  const load = () => storedAndCountedLoad((text) => m.db.query(text));

  it('backfills both tables from the existing sessions', async () => {
    const { stored, counted } = await load();
    expect(stored).toEqual({ all: ['7 2 5000', '8 0 2000', '9 1 4000'], inChannel: ['7:1 1', '7:2 1', '9:2 1'] });
    expect(stored).toEqual(counted);
  });

  it('keeps them on later writes: an assignment, an end, a transfer away, a deletion', async () => {
    await m.db.query(`UPDATE "livechat_session" SET "status" = 'active', "operatorId" = 8, "assignedAt" = 6000 WHERE "status" = 'queued'`);
    await m.db.query(`UPDATE "livechat_session" SET "status" = 'ended', "endedAt" = 9500 WHERE "operatorId" = 9`);
    await m.db.query(`UPDATE "livechat_session" SET "status" = 'queued', "operatorId" = NULL, "assignedAt" = NULL, "channelId" = 1 WHERE "operatorId" = 7 AND "assignedAt" = 3000`);
    await m.db.query(`DELETE FROM "livechat_session" WHERE "operatorId" = 7 AND "assignedAt" = 5000`);
    const { stored, counted } = await load();
    expect(stored).toEqual({ all: ['7 1 1000', '8 1 6000', '9 0 4000'], inChannel: ['7:1 1', '8:1 1'] });
    expect(stored).toEqual(counted);
  });

  it('reverts: the tables and their triggers go, sessions are written as before', async () => {
    const runner = m.db.createQueryRunner();
    try {
      await new AddOperatorLoad1764000000950().down(runner);
      expect([await runner.hasTable('livechat_operator_load'), await runner.hasTable('livechat_operator_channel_load')]).toEqual([false, false]);
    } finally {
      await runner.release();
    }
    await m.db.query(`UPDATE "livechat_session" SET "status" = 'ended', "endedAt" = 9900 WHERE "status" = 'active'`);
    expect(Number((await m.db.query(`SELECT COUNT(*) AS "n" FROM "livechat_session" WHERE "status" = 'active'`))[0].n)).toBe(0);
  });
});
