import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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
