import type { DataSource } from 'typeorm';
import { MessageRecord } from './entities';

/**
 * SQL over discuss's messages for a module's own statements about its conversations (counting them when
 * a conversation of its kind ends, or in a report), so that discuss's tables stay discuss's to change.
 * Column arguments are SQL expressions of the caller's statement, never input.
 */
export function messagesReadModel(db: DataSource): {
  /** The messages people wrote (not `system`) in the conversation, except the one `exceptMessageId` names (a greeting stored by the module; may be NULL). */
  writtenCount(conversationId: string, exceptMessageId: string): string;
} {
  const table = `"${db.getMetadata(MessageRecord).tableName}"`;
  return {
    writtenCount: (conversationId, exceptMessageId) =>
      `(SELECT COUNT(*) FROM ${table} m WHERE m."conversationId" = ${conversationId} AND m."authorKind" <> 'system' AND m."id" <> COALESCE(${exceptMessageId}, 0))`,
  };
}
