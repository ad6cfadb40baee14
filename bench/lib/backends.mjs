// PostgreSQL and Redis for the several-processes figure: reachability, and cleaning up after the run.
import pg from 'pg';
import { createClient } from 'redis';

/** Resolves with null when both answer, else with the reason (the figure is then skipped, not failed). */
export async function unreachable(postgresUrl, redisUrl) {
  const db = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await db.connect();
    await db.query('SELECT 1');
  } catch (error) {
    return `PostgreSQL at ${postgresUrl} not reachable: ${error.message}`;
  } finally {
    await db.end().catch(() => undefined);
  }
  const redis = createClient({ url: redisUrl, socket: { connectTimeout: 3000, reconnectStrategy: false } });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    return `Redis at ${redisUrl} not reachable: ${error.message}`;
  } finally {
    if (redis.isOpen) await redis.quit().catch(() => undefined);
  }
  return null;
}

/** A lower-case random suffix for this run's schema and key prefixes. */
export const runId = () => Array.from({ length: 10 }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 26)]).join('');

export async function dropSchema(postgresUrl, schema) {
  const db = new pg.Client({ connectionString: postgresUrl });
  await db.connect();
  try {
    await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await db.end();
  }
}

/** Deletes the keys the product left under this run's prefix (its rate limiter counters). */
export async function deleteKeys(redisUrl, prefix) {
  const redis = createClient({ url: redisUrl });
  await redis.connect();
  try {
    const keys = [];
    for await (const batch of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) keys.push(...batch);
    if (keys.length) await redis.del(keys);
    return keys.length;
  } finally {
    await redis.quit();
  }
}
