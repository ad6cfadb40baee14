import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Client as PgClient } from 'pg';
import type { DataSourceOptions } from 'typeorm';

const isPostgres = (databaseUrl: string) => /^postgres(ql)?:\/\//.test(databaseUrl);

/**
 * WAL (TypeORM's enableWAL) with synchronous=NORMAL: a commit is in the log before it returns, so it survives
 * the process being killed; only an OS crash or power cut can lose the last ones (README, "Storage and
 * durability"). FULL would sync the disk on every commit. better-sqlite3's build already defaults to NORMAL
 * in WAL mode; saying it here keeps that a decision of ours.
 */
function prepareSqlite(db: { pragma(s: string): unknown }): void {
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
}

/** Builds TypeORM options from DATABASE_URL: `sqlite:PATH` (embedded default) or `postgres://…`. */
export function dataSourceOptions(databaseUrl: string, entities: Function[], migrations: Function[], postgresSchema?: string): DataSourceOptions {
  const common = { entities, migrations, migrationsRun: true, synchronize: false, logging: false as const };
  if (isPostgres(databaseUrl)) {
    // A new connection costs a PostgreSQL process and its catalog caches (a burst of them once delayed the
    // first second of chat after a quiet spell by ~0.5 s): idle ones are kept a while, a few for good.
    const pool = { max: 20, min: 4, idleTimeoutMillis: 300_000 };
    return { ...common, type: 'postgres', url: databaseUrl, schema: postgresSchema, extra: { ...pool, ...(postgresSchema && { options: `-c search_path=${postgresSchema}` }) } };
  }
  if (databaseUrl.startsWith('sqlite:')) {
    const path = databaseUrl.slice('sqlite:'.length);
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
    return { ...common, type: 'better-sqlite3', database: path, enableWAL: path !== ':memory:', prepareDatabase: prepareSqlite };
  }
  throw new Error(`DATABASE_URL must start with sqlite: or postgres://, got "${databaseUrl}"`);
}

/**
 * Start-up on PostgreSQL: creates the DATABASE_SCHEMA if needed, then holds an advisory lock until `release`,
 * so that processes starting at the same instant on an empty database run the migrations and the first-start
 * data one after the other (the later ones find them done). SQLite has one process: nothing to hold.
 */
export async function holdStartupLock(databaseUrl: string, schema: string | undefined): Promise<{ release(): Promise<void> }> {
  if (!isPostgres(databaseUrl)) return { release: async () => undefined };
  // Loaded here, not at the top: a SQLite server never loads the PostgreSQL client (~10 MB of RSS).
  const { Client } = require('pg') as typeof import('pg');
  const client: PgClient = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(hashtext($1))`, [`livechat-startup:${schema ?? 'public'}`]);
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (error) {
    await client.end();
    throw error;
  }
  // Ending the session releases the lock, also when start-up failed half-way.
  return { release: () => client.end() };
}
