import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createTestApp, waitFor, type TestApp } from '@lc/testing';
import { SqliteCheckpointer, WAL_START_BYTES } from './sqlite-checkpointer';

describe('SQLite file: WAL, and checkpoints in a worker thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lc-checkpoint-'));
  const file = join(dir, 'livechat.sqlite');
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, { DATABASE_URL: `sqlite:${file}` });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the file in WAL mode with synchronous=NORMAL (the durability README states)', async () => {
    const db = t.app.get(DataSource);
    expect(await db.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await db.query('PRAGMA synchronous')).toEqual([{ synchronous: 1 }]);
  });

  it('starts no worker thread while nothing is written (start-up\'s pages are checkpointed at boot)', async () => {
    await new Promise((resolve) => setTimeout(resolve, 600)); // a few looks at the log's size
    expect((t.app.get(SqliteCheckpointer) as unknown as { worker?: unknown }).worker).toBeUndefined();
    expect(statSync(`${file}-wal`).size).toBeLessThan(WAL_START_BYTES);
  });

  it('copies committed pages into the database file while the main connection never checkpoints', async () => {
    const db = t.app.get(DataSource);
    await db.query('PRAGMA wal_autocheckpoint = 0'); // only the worker may move pages out of the log now
    await db.query('CREATE TABLE "checkpoint_test" ("id" integer PRIMARY KEY, "payload" text)');
    const before = statSync(file).size;
    for (let i = 0; i < 20; i++) await db.query('INSERT INTO "checkpoint_test" ("payload") VALUES (?)', ['x'.repeat(100_000)]);
    await waitFor(() => expect(statSync(file).size).toBeGreaterThan(before + 1_500_000), 3000);
  });
});
