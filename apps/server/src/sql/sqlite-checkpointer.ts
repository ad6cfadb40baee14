import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Often enough that the main thread's own checkpoint (every 1,000 WAL pages) finds almost nothing left to copy. */
export const CHECKPOINT_INTERVAL_MS = 10;
/** The log size (64 pages of 4 kB) that starts the worker: far below the main thread's own checkpoint at 1,000 pages. */
export const WAL_START_BYTES = 256 * 1024;
/** How often the log's size is read until then (one stat). */
const WAL_WATCH_MS = 250;

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
  private watch?: NodeJS.Timeout;

  constructor(private readonly dataSource: DataSource) {}

  /**
   * The worker (a thread: ~16 MB of RSS) starts once the log holds WAL_START_BYTES, not at boot: a server
   * nobody writes to does not pay for it. Start-up's own pages are checkpointed here first (TRUNCATE
   * empties the log file), so that only writes made since count.
   */
  async onApplicationBootstrap(): Promise<void> {
    const { type, database } = this.dataSource.options as { type: string; database?: string };
    if (type !== 'better-sqlite3' || !database || database === ':memory:') return;
    await this.dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)').catch(() => undefined); // busy: the watch starts it sooner
    const log = `${database}-wal`;
    let checking = false;
    this.watch = setInterval(() => {
      if (checking) return;
      checking = true;
      stat(log)
        .then(({ size }) => size >= WAL_START_BYTES && this.start(database), () => undefined)
        .finally(() => (checking = false));
    }, WAL_WATCH_MS).unref();
  }

  private start(database: string): void {
    clearInterval(this.watch);
    if (this.worker || !this.watch) return;
    this.watch = undefined;
    this.worker = new Worker(CHECKPOINTER, { eval: true, workerData: { driver: require.resolve('better-sqlite3'), path: database, intervalMs: CHECKPOINT_INTERVAL_MS } });
    this.worker.on('error', (error) => new Logger('SQLite').warn(`checkpoints are back on the main thread: ${error.message}`));
    this.worker.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.watch);
    this.watch = undefined;
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage('stop');
    await exited;
  }
}
