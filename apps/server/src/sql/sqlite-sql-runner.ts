import type { OnApplicationShutdown } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { SqlRunner, type Row, type Sql, type SqlValue, type SqlWork } from '@lc/platform/server';
import { PreparedCache } from './prepared-cache';
import { SqliteReadWorker } from './sqlite-read-worker';

/** The part of better-sqlite3 used here. */
interface Statement {
  readonly reader: boolean;
  all(params: unknown[]): unknown[];
  run(params: unknown[]): unknown;
}
interface Database {
  readonly inTransaction: boolean;
  prepare(text: string): Statement;
  transaction<A extends unknown[], T>(fn: (...args: A) => T): Transaction<A, T>;
}
/** A better-sqlite3 transaction function: BEGIN and COMMIT around it, or a savepoint when called inside a transaction. */
type Transaction<A extends unknown[], T> = { (...args: A): T; immediate(...args: A): T };

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

interface Queued {
  work: SqlWork<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * SQLite through the same better-sqlite3 connection TypeORM uses, with prepared statements kept for reuse.
 * Writes queued during one turn of the event loop run in one transaction: one commit for all of them
 * (each work inside its own savepoint). Everything runs synchronously, so no other query can slip into
 * the transaction; it waits while a TypeORM transaction is open on the shared connection.
 */
export class SqliteSqlRunner extends SqlRunner implements OnApplicationShutdown {
  readonly dialect = 'sqlite';
  private readonly statements = new PreparedCache((text) => this.connection.prepare(text));
  private queue: Queued[] = [];
  private scheduled = false;
  /** better-sqlite3's transaction() wraps its function four times: built once per connection, not per batch. */
  private transactions?: {
    connection: Database;
    one: Transaction<[SqlWork<unknown>], unknown>;
    all: Transaction<[Array<SqlWork<unknown>>], Outcome[]>;
    each: Transaction<[Array<SqlWork<unknown>>], Outcome[]>;
  };
  /** Long reads of a database file, off the event loop; an in-memory database has none. */
  private readonly aside?: SqliteReadWorker;

  constructor(private readonly dataSource: DataSource) {
    super();
    const { database } = dataSource.options as { database?: string };
    if (database && database !== ':memory:') this.aside = new SqliteReadWorker(database);
  }

  readAside({ text, params }: Sql): Promise<Row[]> {
    const values = params.map(toSqliteValue);
    if (this.aside) return this.aside.read(text, values);
    try {
      return Promise.resolve(this.connection.prepare(text).all(values) as Row[]);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  onApplicationShutdown(): Promise<void> {
    return this.aside?.close() ?? Promise.resolve();
  }

  private get connection(): Database {
    return (this.dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection;
  }

  /** `within` needs nothing here: SQLite has the one connection every transaction runs on. */
  read(statement: Sql, _within?: EntityManager): Promise<Row[]> {
    try {
      return Promise.resolve(this.execute(statement));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  write<T>(work: SqlWork<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  writeStatement(statement: Sql): Promise<Row[]> {
    return this.write(function* (): Generator<Sql, Row[], Row[]> {
      return yield statement;
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    if (!this.queue.length) return;
    if (!this.dataSource.isInitialized) return this.failAll(new Error('The database is closed'));
    if (this.connection.inTransaction) return this.schedule(); // a TypeORM transaction is between two awaits
    const batch = this.queue;
    this.queue = [];
    let outcomes: Outcome[];
    try {
      outcomes = batch.length === 1 ? [this.runAlone(batch[0].work)] : this.runTogether(batch.map((queued) => queued.work));
    } catch (error) {
      batch.forEach((queued) => queued.reject(error)); // the commit failed: nothing of the batch is stored
      return;
    }
    batch.forEach((queued, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) queued.resolve(outcome.value);
      else queued.reject(outcome.error);
    });
  }

  /** Alone in its turn (the usual case below full load): no savepoint needed. */
  private runAlone(work: SqlWork<unknown>): Outcome {
    try {
      return { ok: true, value: this.transaction().one.immediate(work) };
    } catch (error) {
      return { ok: false, error };
    }
  }

  /**
   * One transaction for all. First without a savepoint each (two statements less per work: at thousands of
   * messages a second they were a fifth of the process's time): should one work fail, that transaction is
   * rolled back whole and the works run again, each in its savepoint (better-sqlite3 nests transactions as
   * savepoints), so that only the failing one is left out.
   */
  private runTogether(works: Array<SqlWork<unknown>>): Outcome[] {
    const { all, each } = this.transaction();
    try {
      return all.immediate(works);
    } catch {
      return each.immediate(works);
    }
  }

  private transaction(): NonNullable<SqliteSqlRunner['transactions']> {
    const connection = this.connection;
    if (this.transactions?.connection !== connection) {
      const one = connection.transaction((work: SqlWork<unknown>) => this.drive(work));
      const all = connection.transaction((works: Array<SqlWork<unknown>>) => works.map((work): Outcome => ({ ok: true, value: this.drive(work) })));
      const each = connection.transaction((works: Array<SqlWork<unknown>>) =>
        works.map((work): Outcome => {
          try {
            return { ok: true, value: one(work) };
          } catch (error) {
            return { ok: false, error };
          }
        }),
      );
      this.transactions = { connection, one, all, each };
    }
    return this.transactions;
  }

  private failAll(error: Error): void {
    const batch = this.queue;
    this.queue = [];
    batch.forEach((queued) => queued.reject(error));
  }

  private drive<T>(work: SqlWork<T>): T {
    const steps = work();
    let step = steps.next(undefined as never);
    while (!step.done) step = steps.next(this.execute(step.value));
    return step.value;
  }

  private execute({ text, params }: Sql): Row[] {
    const statement = this.statements.get(text);
    const values = params.map(toSqliteValue);
    if (statement.reader) return statement.all(values) as Row[];
    statement.run(values);
    return [];
  }
}

/** Dates as TypeORM writes them in SQLite (UTC "YYYY-MM-DD HH:MM:SS.SSS"), booleans as 0/1. */
function toSqliteValue(value: SqlValue): string | number | null {
  if (value instanceof Date) return value.toISOString().replace('T', ' ').replace('Z', '');
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Array.isArray(value)) throw new Error('Array parameters are for PostgreSQL only');
  return value as string | number | null;
}
