import type { DataSource, EntityManager } from 'typeorm';

const queues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs `work` so that no other `atomically` on the same lock interleaves with it, in any process.
 * PostgreSQL: a transaction holding an advisory lock (several processes). SQLite (one process, one
 * connection that TypeORM shares, where overlapping transactions break): an in-process queue instead.
 */
export async function atomically<T>(db: DataSource, lockKey: number, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (db.options.type === 'postgres') {
    return db.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [lockKey]);
      return work(manager);
    });
  }
  const previous = queues.get(db) ?? Promise.resolve();
  const run = previous.then(() => work(db.manager));
  queues.set(db, run.catch(() => undefined));
  return run;
}
