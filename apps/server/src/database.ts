import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Client } from 'pg';
import type { DataSourceOptions } from 'typeorm';

/** Builds TypeORM options from DATABASE_URL: `sqlite:PATH` (embedded default) or `postgres://…`. */
export function dataSourceOptions(databaseUrl: string, entities: Function[], migrations: Function[], postgresSchema?: string): DataSourceOptions {
  const common = { entities, migrations, migrationsRun: true, synchronize: false, logging: false as const };
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    return { ...common, type: 'postgres', url: databaseUrl, schema: postgresSchema, extra: { max: 20, ...(postgresSchema && { options: `-c search_path=${postgresSchema}` }) } };
  }
  if (databaseUrl.startsWith('sqlite:')) {
    const path = databaseUrl.slice('sqlite:'.length);
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
    return { ...common, type: 'better-sqlite3', database: path, enableWAL: path !== ':memory:', prepareDatabase: (db: { pragma(s: string): unknown }) => void db.pragma('busy_timeout = 5000') };
  }
  throw new Error(`DATABASE_URL must start with sqlite: or postgres://, got "${databaseUrl}"`);
}

/** DATABASE_SCHEMA: the schema is created on first start, before the migrations run in it. */
export async function ensurePostgresSchema(databaseUrl: string, schema: string | undefined): Promise<void> {
  if (!schema || !/^postgres(ql)?:\/\//.test(databaseUrl)) return;
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (error) {
    // Two processes starting at once may race on a new schema: the other one created it.
    if ((error as { code?: string }).code !== '23505' && (error as { code?: string }).code !== '42P06') throw error;
  } finally {
    await client.end();
  }
}
