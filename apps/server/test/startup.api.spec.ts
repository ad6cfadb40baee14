import { DataSource } from 'typeorm';
import { createTestApp, TEST_DATABASE_URL, withPg, type TestApp } from '@lc/testing';

const onPostgres = TEST_DATABASE_URL.startsWith('postgres');

/** Several processes of a cluster started at the same instant on an empty database (PostgreSQL only). */
(onPostgres ? describe : describe.skip)('start-up of several processes at once', () => {
  const schema = `startup_${process.pid}_${Date.now()}`;
  let apps: TestApp[] = [];

  afterAll(async () => {
    await Promise.all(apps.map((t) => t.close()));
    await withPg(TEST_DATABASE_URL, (client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
  });

  it('creates the schema, runs each migration and writes the first-start data exactly once, without a retry', async () => {
    // Without the start-up lock they collide on CREATE TABLE and Nest's TypeORM module logs the error and retries 3 s later.
    const logged: string[] = [];
    const spies = [process.stdout, process.stderr].map((stream) => jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => (logged.push(String(chunk)), true)));
    try {
      apps = await Promise.all(Array.from({ length: 3 }, () => createTestApp({ postgresSchema: schema }, { DEMO_DATA: '1' })));
    } finally {
      spies.forEach((spy) => spy.mockRestore());
    }
    expect(logged.filter((line) => /ERROR|Unable to connect/.test(line))).toEqual([]);
    const db = apps[0].app.get(DataSource);
    const migrations = await db.query(`SELECT name, COUNT(*)::int AS n FROM "${schema}"."migrations" GROUP BY name`);
    expect(migrations.length).toBeGreaterThan(3);
    expect(migrations.every((m: { n: number }) => m.n === 1)).toBe(true);
    expect(await db.query(`SELECT COUNT(*)::int AS n FROM "${schema}"."base_user" WHERE login = 'admin'`)).toEqual([{ n: 1 }]);
    for (const t of apps) await t.http.get('/api/health').expect(200);
  });
});
