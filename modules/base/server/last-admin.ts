import { translatableError } from '@lc/platform/server';
import { Not, type Repository } from 'typeorm';
import type { User } from './entities/user.entity';

type AdminFacts = Pick<User, 'active' | 'groups'>;

const isActiveAdmin = (user: AdminFacts) => user.active && user.groups.includes('admin');

/**
 * Someone must always be able to administer the database: taking `admin` from the last active admin, or
 * archiving them (themselves included), is a 409. Call it under the admins' lock, before the write.
 */
export async function assertAnAdminRemains(users: Repository<User>, before: AdminFacts, after: User): Promise<void> {
  if (!isActiveAdmin(before) || isActiveAdmin(after)) return;
  const others = await users.find({ select: { id: true, groups: true, active: true }, where: { id: Not(after.id), active: true } });
  if (others.some(isActiveAdmin)) return;
  throw translatableError(409, 'base.lastAdmin', { name: after.name, change: after.active ? 'demote' : 'archive' });
}
