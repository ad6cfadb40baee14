import type { Pool } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { SqlRunner, type Row, type Sql, type SqlWork } from '@lc/platform/server';
import { PreparedCache } from './prepared-cache';

/**
 * PostgreSQL through TypeORM's own pool. Each write is its own transaction on its own connection:
 * concurrent commits are grouped by PostgreSQL itself, and the processes of a cluster share nothing else.
 */
export class PostgresSqlRunner extends SqlRunner {
  readonly dialect = 'postgres';
  /**
   * Each distinct statement becomes a named prepared statement: PostgreSQL parses and plans it once per
   * connection. `?` placeholders become `$1, $2, …` (the statements never hold a literal question mark).
   */
  private readonly prepared = new PreparedCache((text) => {
    let n = 0;
    return { name: `lc_${++this.statementCount}`, text: text.replace(/\?/g, () => `$${++n}`) };
  });
  private statementCount = 0;

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  private get pool(): Pool {
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }

  async read(statement: Sql, within?: EntityManager): Promise<Row[]> {
    if (within) return within.query(this.prepared.get(statement.text).text, statement.params);
    return (await this.pool.query({ ...this.prepared.get(statement.text), values: statement.params })).rows;
  }

  /** Any pooled connection; an unnamed statement, since such texts vary and are not worth preparing. */
  async readAside({ text, params }: Sql): Promise<Row[]> {
    let n = 0;
    return (await this.pool.query(text.replace(/\?/g, () => `$${++n}`), params)).rows;
  }

  /** A single statement outside BEGIN/COMMIT is its own transaction: sent like a read. */
  writeStatement(statement: Sql): Promise<Row[]> {
    return this.read(statement);
  }

  async write<T>(work: SqlWork<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const steps = work();
      let step = steps.next(undefined as never);
      while (!step.done) step = steps.next((await client.query({ ...this.prepared.get(step.value.text), values: step.value.params })).rows);
      await client.query('COMMIT');
      return step.value;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      client.release(broken); // a connection that cannot even roll back is discarded, not reused
    }
  }
}
