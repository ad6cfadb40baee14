import type { Pool } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { SqlRunner, type Row, type Sql, type SqlWork } from '@lc/platform/server';

/**
 * PostgreSQL through TypeORM's own pool. Each write is its own transaction on its own connection:
 * concurrent commits are grouped by PostgreSQL itself, and the processes of a cluster share nothing else.
 */
export class PostgresSqlRunner extends SqlRunner {
  private readonly texts = new Map<string, string>();

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  private get pool(): Pool {
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }

  async read(statement: Sql, within?: EntityManager): Promise<Row[]> {
    if (within) return within.query(this.text(statement), statement.params);
    return (await this.pool.query(this.text(statement), statement.params)).rows;
  }

  async write<T>(work: SqlWork<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const steps = work();
      let step = steps.next(undefined as never);
      while (!step.done) step = steps.next((await client.query(this.text(step.value), step.value.params)).rows);
      await client.query('COMMIT');
      return step.value;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      client.release(broken); // a connection that cannot even roll back is discarded, not reused
    }
  }

  /** `?` placeholders become `$1, $2, …` (the statements never hold a literal question mark). */
  private text({ text }: Sql): string {
    let converted = this.texts.get(text);
    if (converted === undefined) {
      let n = 0;
      converted = text.replace(/\?/g, () => `$${++n}`);
      if (this.texts.size >= 500) this.texts.clear(); // texts are fixed per call site: this never happens in practice
      this.texts.set(text, converted);
    }
    return converted;
  }
}
