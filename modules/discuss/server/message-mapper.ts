import type { Row } from '@lc/platform/server';
import type { Message } from '@lc/protocol';
import type { MessageRecord } from './entities';

export function toMessage(record: MessageRecord): Message {
  return {
    id: record.id,
    conversationId: record.conversationId,
    author: { kind: record.authorKind, id: record.authorId, name: record.authorName },
    body: record.body,
    clientId: record.clientId,
    createdAt: new Date(record.createdAt).toISOString(),
    ...(record.i18n && { i18n: record.i18n }),
  };
}

/**
 * A message read by hand (SqlRunner), as toMessage gives it: SQLite answers createdAt with the UTC text it
 * stores ("2026-12-07 11:02:03.456"), PostgreSQL with a Date; i18n is stored as JSON text.
 */
export function messageFromRow(row: Row): Message {
  const createdAt = row.createdAt instanceof Date ? row.createdAt : new Date(`${String(row.createdAt).replace(' ', 'T')}Z`);
  return {
    id: Number(row.id),
    conversationId: Number(row.conversationId),
    author: { kind: row.authorKind as Message['author']['kind'], id: row.authorId === null ? null : Number(row.authorId), name: String(row.authorName) },
    body: String(row.body),
    clientId: (row.clientId as string | null) ?? null,
    createdAt: createdAt.toISOString(),
    ...(row.i18n !== null && row.i18n !== undefined && { i18n: JSON.parse(String(row.i18n)) }),
  };
}
