import { DataSource } from 'typeorm';
import { sql, SqlRunner } from '@lc/platform/server';
import { createTestApp, type TestApp } from '@lc/testing';

/** The hot-path SQL runner on the configured database (SQLite here, PostgreSQL in the PostgreSQL pass). */
describe('SqlRunner', () => {
  let t: TestApp;
  let runner: SqlRunner;
  let db: DataSource;
  const notes = async () => (await runner.read(sql`SELECT "note" FROM "sql_runner_test" ORDER BY "id"`)).map((r) => r.note);
  const insert = (id: number, note: string) =>
    runner.write(function* () {
      const rows = yield sql`INSERT INTO "sql_runner_test" ("id", "note") VALUES (${id}, ${note}) ON CONFLICT DO NOTHING RETURNING "id"`;
      return rows.length === 1;
    });

  beforeAll(async () => {
    t = await createTestApp();
    runner = t.app.get(SqlRunner);
    db = t.app.get(DataSource);
    await db.query(`CREATE TABLE "sql_runner_test" ("id" integer PRIMARY KEY, "note" varchar(200) NOT NULL, CHECK ("note" <> 'forbidden'))`);
  });
  afterAll(() => t.close());
  beforeEach(() => db.query(`DELETE FROM "sql_runner_test"`));

  it('keeps values as parameters, never as SQL', async () => {
    await insert(1, `'); DROP TABLE "sql_runner_test"; --`);
    expect(await notes()).toEqual([`'); DROP TABLE "sql_runner_test"; --`]);
  });

  it('runs works queued together each all-or-nothing: a failing one rolls back only itself', async () => {
    const failing = runner.write(function* () {
      yield sql`INSERT INTO "sql_runner_test" ("id", "note") VALUES (${2}, ${'first step of a failing work'})`;
      yield sql`INSERT INTO "sql_runner_test" ("id", "note") VALUES (${3}, ${'forbidden'})`; // breaks the CHECK
      return 'never';
    });
    const results = await Promise.allSettled([insert(1, 'before'), failing, insert(4, 'after')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await notes()).toEqual(['before', 'after']);
  });

  it('answers each work of a turn with its own rows, a failing one among them or not', async () => {
    const returning = (id: number, note: string) => runner.write(function* () {
      const [row] = yield sql`INSERT INTO "sql_runner_test" ("id", "note") VALUES (${id}, ${note}) RETURNING "id", "note"`;
      return row;
    });
    expect(await Promise.all([returning(1, 'a'), returning(2, 'b'), returning(3, 'c')])).toEqual([{ id: 1, note: 'a' }, { id: 2, note: 'b' }, { id: 3, note: 'c' }]);
    const results = await Promise.allSettled([returning(4, 'd'), returning(1, 'taken'), returning(5, 'e')]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'rejected'))).toEqual([{ id: 4, note: 'd' }, 'rejected', { id: 5, note: 'e' }]);
    expect(await notes()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('hands each statement the rows of RETURNING and tells a conflict apart', async () => {
    expect(await insert(1, 'one')).toBe(true);
    expect(await Promise.all([insert(1, 'one again'), insert(2, 'two')])).toEqual([false, true]);
    expect(await notes()).toEqual(['one', 'two']);
  });

  it('stays out of an ORM transaction that is open meanwhile, which can then roll back alone', async () => {
    let written: Promise<boolean> | undefined;
    const rolledBack = db.transaction(async (manager) => {
      await manager.query(`INSERT INTO "sql_runner_test" ("id", "note") VALUES (1, 'in the ORM transaction')`);
      written = insert(2, 'written meanwhile');
      await new Promise((resolve) => setTimeout(resolve, 50));
      throw new Error('roll back');
    });
    await expect(rolledBack).rejects.toThrow('roll back');
    expect(await written).toBe(true);
    expect(await notes()).toEqual(['written meanwhile']);
  });
});
