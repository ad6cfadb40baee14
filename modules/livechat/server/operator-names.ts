import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { sql, SqlRunner } from '@lc/platform/server';
import type { OperatorRef } from '@lc/protocol';
import { User } from '../../base/server/public-api';
import { AuthorNames } from '../../discuss/server/public-api';
import { OperatorProfile } from './entities';

/** What visitors and managers see of an operator: their Online Chat Name, or their user name when it is empty. */
@Injectable()
export class OperatorNames implements OnModuleInit {
  constructor(
    @InjectDataSource() db: DataSource,
    private readonly sql: SqlRunner,
    private readonly authorNames: AuthorNames,
  ) {
    this.namesFrom = `FROM "${db.getMetadata(User).tableName}" u LEFT JOIN "${db.getMetadata(OperatorProfile).tableName}" p ON p."userId" = u."id"`;
  }

  private readonly namesFrom: string;

  onModuleInit(): void {
    // Operators also write under that name in live chats (discuss reads it in its one statement per message).
    this.authorNames.declare('livechat', (userId) => sql`SELECT "username" FROM "livechat_operator_profile" WHERE "userId" = ${userId}`);
  }

  /** By user id, in one read (`within` a caller's transaction); unknown ids are left out. */
  async refs(userIds: number[], within?: EntityManager): Promise<Map<number, OperatorRef>> {
    const ids = [...new Set(userIds)];
    if (!ids.length) return new Map();
    // By hand (SqlRunner): a session start names its operator twice, and the ORM's query costs more than the read.
    const rows = await this.sql.read({ text: `SELECT u."id", u."name", p."username" ${this.namesFrom} WHERE u."id" IN (${ids.map(() => '?').join(', ')})`, params: ids }, within);
    return new Map(rows.map((row) => [Number(row.id), { id: Number(row.id), name: (row.username as string | null) || String(row.name) }]));
  }

  async ref(userId: number, within?: EntityManager): Promise<OperatorRef | null> {
    return (await this.refs([userId], within)).get(userId) ?? null;
  }
}
