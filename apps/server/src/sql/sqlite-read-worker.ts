import { Worker } from 'node:worker_threads';
import type { Row } from '@lc/platform/server';

/** Runs in the worker: a read-only connection to the file, one statement at a time, in the order asked. */
const READER = `
const { workerData, parentPort } = require('node:worker_threads');
const db = new (require(workerData.driver))(workerData.path, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
parentPort.on('message', ({ id, text, params }) => {
  try {
    parentPort.postMessage({ id, rows: db.prepare(text).all(params) });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;

interface Pending {
  worker: Worker;
  resolve(rows: Row[]): void;
  reject(error: Error): void;
}

/**
 * Long reads of a SQLite file off the event loop (SqlRunner.readAside): a worker thread, started on the
 * first read, with its own read-only connection; WAL lets it read the last committed state while the main
 * connection writes. Reads queue in the worker, so a burst of them uses one core, not every one.
 */
export class SqliteReadWorker {
  private worker?: Worker;
  private readonly pending = new Map<number, Pending>();
  private lastId = 0;

  constructor(private readonly path: string) {}

  read(text: string, params: unknown[]): Promise<Row[]> {
    const worker = (this.worker ??= this.start());
    const id = ++this.lastId;
    return new Promise<Row[]>((resolve, reject) => {
      this.pending.set(id, { worker, resolve, reject });
      worker.postMessage({ id, text, params });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private start(): Worker {
    const worker = new Worker(READER, { eval: true, workerData: { driver: require.resolve('better-sqlite3'), path: this.path } });
    worker.unref(); // never what keeps a process alive
    worker.on('message', ({ id, rows, error }: { id: number; rows?: Row[]; error?: { message: string; code?: string } }) => {
      const pending = this.pending.get(id);
      this.pending.delete(id);
      if (error) pending?.reject(Object.assign(new Error(error.message), { code: error.code }));
      else pending?.resolve(rows!);
    });
    // A worker that fails (the file cannot be opened) or stops fails what it was asked; the next read starts another.
    worker.on('error', (error) => this.failAll(worker, error));
    worker.on('exit', () => this.failAll(worker, new Error('The SQLite read worker stopped')));
    return worker;
  }

  private failAll(worker: Worker, error: Error): void {
    if (this.worker === worker) this.worker = undefined;
    for (const [id, pending] of this.pending) {
      if (pending.worker !== worker) continue;
      this.pending.delete(id);
      pending.reject(error);
    }
  }
}
