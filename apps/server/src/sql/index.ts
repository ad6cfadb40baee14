import type { DataSource } from 'typeorm';
import type { SqlRunner } from '@lc/platform/server';
import { PostgresSqlRunner } from './postgres-sql-runner';
import { SqliteSqlRunner } from './sqlite-sql-runner';

export function sqlRunnerFor(dataSource: DataSource): SqlRunner {
  return dataSource.options.type === 'postgres' ? new PostgresSqlRunner(dataSource) : new SqliteSqlRunner(dataSource);
}
