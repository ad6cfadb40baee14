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
