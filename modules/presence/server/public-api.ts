import type { DataSource } from 'typeorm';
import { UserPresence } from './entities';

/** What modules depending on presence may use: the service, and one read model for their own hot-path queries. */
export { PresenceService } from './presence.service';

/**
 * A LEFT JOIN on presence's per-user read model, for a module's own statement that needs presence beside
 * its rows in one query (assignment reads every joined operator's facts at once). It adds the columns
 * `"presenceStatus"` and `"lastActivityAt"`; pass them to PresenceService.isOnline(), or filter in the statement
 * with PresenceService.onlineCondition() (its alias is `presence`). The table behind it
 * stays presence's to change.
 */
export function presenceJoin(db: DataSource, userIdColumn: string): { join: string; columns: string } {
  const table = db.getMetadata(UserPresence).tableName;
  return { join: `LEFT JOIN "${table}" presence ON presence."userId" = ${userIdColumn}`, columns: `presence."status" AS "presenceStatus", presence."lastActivityAt"` };
}
