import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { sql } from '@lc/platform/server';
import type { OperatorRef } from '@lc/protocol';
import { User } from '../../base/server/public-api';
import { AuthorNames } from '../../discuss/server/public-api';
import { OperatorProfile } from './entities';

/** What visitors and managers see of an operator: their Online Chat Name, or their user name when it is empty. */
@Injectable()
export class OperatorNames implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly authorNames: AuthorNames,
  ) {}

  onModuleInit(): void {
    // Operators also write under that name in live chats (discuss reads it in its one statement per message).
    this.authorNames.declare('livechat', (userId) => sql`SELECT "username" FROM "livechat_operator_profile" WHERE "userId" = ${userId}`);
  }

  /** By user id, in one read (`within` a caller's transaction); unknown ids are left out. */
  async refs(userIds: number[], within: EntityManager = this.db.manager): Promise<Map<number, OperatorRef>> {
    if (!userIds.length) return new Map();
    const rows: Array<{ id: number; name: string; username: string | null }> = await within
      .createQueryBuilder(User, 'u')
      .leftJoin(OperatorProfile, 'p', 'p.userId = u.id')
      .select('u.id', 'id')
      .addSelect('u.name', 'name')
      .addSelect('p.username', 'username')
      .where('u.id IN (:...ids)', { ids: [...new Set(userIds)] })
      .getRawMany();
    return new Map(rows.map((row) => [Number(row.id), { id: Number(row.id), name: row.username || row.name }]));
  }

  async ref(userId: number, within?: EntityManager): Promise<OperatorRef | null> {
    return (await this.refs([userId], within)).get(userId) ?? null;
  }
}
