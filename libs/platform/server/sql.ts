import type { EntityManager } from 'typeorm';

/**
 * Hand-written SQL for the few hot paths (a chat message) where the ORM's query building costs more than
 * the database itself. One dialect that SQLite and PostgreSQL both read: `?` placeholders (the sql tag
 * writes them), "quoted" identifiers, `RETURNING`, `ON CONFLICT DO NOTHING`.
 */
export interface Sql {
  text: string;
  params: SqlValue[];
}
export type SqlValue = string | number | boolean | Date | null | SqlArray;
/** An array parameter (`= ANY(?::int[])`, `unnest(?::text[])`): PostgreSQL only. */
export type SqlArray = ReadonlyArray<string | number | Date | null>;
export type Row = Record<string, unknown>;

/**
 * sql`SELECT "id" FROM "t" WHERE "x" = ${x}`: values always travel as parameters, never in the text.
 * A call site's strings are one object for every call: its text is joined once (and the same string
 * finds its prepared statement without being hashed again).
 */
export function sql(strings: TemplateStringsArray, ...values: SqlValue[]): Sql {
  let text = texts.get(strings);
  if (text === undefined) texts.set(strings, (text = strings.join('?')));
  return { text, params: values };
}
const texts = new WeakMap<TemplateStringsArray, string>();

/** Pieces of text and statements as one statement, their parameters in order (a statement made of parts). */
export function joinSql(pieces: Array<string | Sql>): Sql {
  const params: SqlValue[] = [];
  const text = pieces.map((piece) => (typeof piece === 'string' ? piece : (params.push(...piece.params), piece.text))).join('');
  return { text, params };
}

/**
 * A unit of work: yields its statements one by one and receives each one's rows (empty for statements
 * without RETURNING), so the same steps run synchronously on SQLite and asynchronously on PostgreSQL.
 * It may run twice (on SQLite, when another work of its turn failed and the turn's transaction is run
 * again without it): it must not act outside its statements.
 */
export type SqlWork<T> = () => Generator<Sql, T, Row[]>;

/** Provided by the host for the configured database. */
export abstract class SqlRunner {
  /**
   * For the rare statement only one database reads: a data-modifying WITH on PostgreSQL does in one round
   * trip what a transaction of several statements does in five or six (SQLite, in-process, needs no such thing).
   */
  abstract readonly dialect: 'sqlite' | 'postgres';
  /**
   * Runs `work` in a transaction and resolves once it is committed. On SQLite, works queued in the same turn
   * of the event loop share one commit, yet each is all-or-nothing on its own: one failing rolls back only
   * itself. On PostgreSQL each is its own transaction (the server groups concurrent commits itself).
   */
  abstract write<T>(work: SqlWork<T>): Promise<T>;
  /**
   * One statement that is a transaction on its own, and its rows: on PostgreSQL sent alone (no BEGIN or
   * COMMIT round trips), on SQLite queued with the turn's other writes like any `write`.
   */
  abstract writeStatement(statement: Sql): Promise<Row[]>;
  /**
   * One statement outside any batch (a read). `within`: the transaction of an `atomically` block, whose own
   * uncommitted writes the read must see (SQLite has a single connection: it is that one anyway).
   */
  abstract read(statement: Sql, within?: EntityManager): Promise<Row[]>;
  /**
   * A long read that must not hold up the hot path (a report over a year of sessions): on SQLite in a worker
   * thread with a read-only connection of its own, which reads the last committed state while the process
   * goes on writing (an in-memory database has no file to share: there, on the one connection); on
   * PostgreSQL a pooled connection, as any read. Its text may vary from call to call: it is not kept prepared.
   */
  abstract readAside(statement: Sql): Promise<Row[]>;
}
