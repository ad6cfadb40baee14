import { Worker } from 'node:worker_threads';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Often enough that the main thread's own checkpoint (every 1,000 WAL pages) finds almost nothing left to copy. */
export const CHECKPOINT_INTERVAL_MS = 10;

/** Runs in the worker: its own connection to the file, copying committed WAL pages into the database. */
const CHECKPOINTER = `
const { workerData, parentPort } = require('node:worker_threads');
const db = new (require(workerData.driver))(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: the next tick tries again */ }
}, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

/**
 * A SQLite checkpoint copies the write-ahead log into the database file. Run by the connection that commits,
 * it blocks that commit (the event loop) for milliseconds every 1,000 pages: delivery latency spikes. A worker
 * thread does it every few milliseconds instead (PASSIVE: it never blocks a writer), so the commit that
 * reaches the threshold only copies the last pages and the log still restarts from its beginning.
 */
@Injectable()
export class SqliteCheckpointer implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: Worker;

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    const { type, database } = this.dataSource.options as { type: string; database?: string };
    if (type !== 'better-sqlite3' || !database || database === ':memory:') return;
    this.worker = new Worker(CHECKPOINTER, { eval: true, workerData: { driver: require.resolve('better-sqlite3'), path: database, intervalMs: CHECKPOINT_INTERVAL_MS } });
    this.worker.on('error', (error) => new Logger('SQLite').warn(`checkpoints are back on the main thread: ${error.message}`));
    this.worker.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage('stop');
    await exited;
  }
}
