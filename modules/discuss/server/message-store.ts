import { Injectable } from '@nestjs/common';
import { joinSql, sql, SqlRunner, TurnBatch, type Row, type Sql, type SqlValue } from '@lc/platform/server';
import type { AuthorKind } from '@lc/protocol';

/** A message about to be stored by `MessagesService.post`. */
export interface NewMessage {
  conversationId: number;
  authorKind: AuthorKind;
  authorId: number | null;
  authorName: string;
  body: string;
  clientId: string | null;
  createdAt: Date;
  /** The system message's key and params as JSON, or null. */
  i18n: string | null;
}

/** What one stored message leaves the caller: its id and who to deliver it to. Null: its clientId was stored before. */
export type StoredMessage = { id: number; memberIds: number[] } | null;

/**
 * Stores a message, moves the conversation's last message and the author's read position, writes the
 * module's fact statement if any, and reads the members: all or nothing.
 *
 * SQLite: the steps as one unit of work in the turn's shared transaction (in-process, no round trips).
 * PostgreSQL: every round trip costs more than the statement (the socket writes and the database process
 * woken for each were most of a message's CPU), so the messages of one event-loop turn are stored by ONE
 * statement (data-modifying WITH, a transaction on its own). Should that statement fail (say, one
 * conversation was deleted meanwhile), each message is stored alone, so one cannot fail the others.
 */
@Injectable()
export class MessageStore {
  private readonly batch = new TurnBatch<NewMessage, StoredMessage>((messages) => this.storeTogether(messages));

  constructor(private readonly runner: SqlRunner) {}

  /**
   * `fact`: the module's statement for this message (MessageFactsHook); such a message is stored alone.
   * On PostgreSQL the fact is part of the message's one statement, so it also runs for a repeated
   * clientId, and must change nothing then (facts like "first written at, if not yet set" do not).
   */
  store(message: NewMessage, fact: Sql | null): Promise<StoredMessage> {
    if (this.runner.dialect === 'sqlite') return this.storeStepByStep(message, fact);
    return fact ? this.storeAlone(message, fact) : this.batch.add(message);
  }

  private async storeTogether(messages: NewMessage[]): Promise<Array<StoredMessage | Promise<StoredMessage>>> {
    let rows: Row[];
    try {
      rows = await this.runner.writeStatement(batchStatement(messages));
    } catch (error) {
      if (messages.length === 1) throw error;
      return messages.map((message) => this.storeAlone(message, null)); // each settles on its own
    }
    const stored: StoredMessage[] = messages.map(() => null);
    for (const row of rows) {
      const at = Number(row.ord) - 1;
      const entry = (stored[at] ??= { id: Number(row.id), memberIds: [] });
      if (row.userId !== null) entry.memberIds.push(Number(row.userId));
    }
    return stored;
  }

  private async storeAlone(m: NewMessage, fact: Sql | null): Promise<StoredMessage> {
    const parts: Sql[] = [
      joinSql(['"inserted" AS (', insert(m), ')']),
      sql`"moved" AS (UPDATE "discuss_conversation" c SET "lastMessageId" = i."id" FROM "inserted" i
        WHERE c."id" = ${m.conversationId} AND (c."lastMessageId" IS NULL OR c."lastMessageId" < i."id"))`,
    ];
    if (m.authorKind === 'user')
      parts.push(sql`"seen" AS (UPDATE "discuss_member" m SET "lastSeenMessageId" = i."id" FROM "inserted" i
        WHERE m."conversationId" = ${m.conversationId} AND m."userId" = ${m.authorId} AND m."lastSeenMessageId" < i."id")`);
    if (fact) parts.push(joinSql(['"fact" AS (', fact, ')']));
    const select = sql`SELECT i."id", m."userId" FROM "inserted" i LEFT JOIN "discuss_member" m ON m."conversationId" = ${m.conversationId}`;
    const rows = await this.runner.writeStatement(joinSql(['WITH ', ...parts.flatMap((part, i) => (i ? [', ', part] : [part])), ' ', select]));
    if (!rows.length) return null;
    return { id: Number(rows[0].id), memberIds: rows.filter((row) => row.userId !== null).map((row) => Number(row.userId)) };
  }

  private storeStepByStep(m: NewMessage, fact: Sql | null): Promise<StoredMessage> {
    return this.runner.write(function* () {
      const [inserted] = yield insert(m);
      if (!inserted) return null; // the unique (conversation, author, clientId) index already holds this send
      const id = Number(inserted.id);
      if (fact) yield fact;
      yield sql`UPDATE "discuss_conversation" SET "lastMessageId" = ${id} WHERE "id" = ${m.conversationId} AND ("lastMessageId" IS NULL OR "lastMessageId" < ${id})`;
      if (m.authorKind === 'user') yield sql`UPDATE "discuss_member" SET "lastSeenMessageId" = ${id} WHERE "conversationId" = ${m.conversationId} AND "userId" = ${m.authorId} AND "lastSeenMessageId" < ${id}`;
      const members = yield sql`SELECT "userId" FROM "discuss_member" WHERE "conversationId" = ${m.conversationId}`;
      return { id, memberIds: members.map((member) => Number(member.userId)) };
    });
  }
}

function insert(m: NewMessage): Sql {
  return sql`INSERT INTO "discuss_message" ("conversationId", "authorKind", "authorId", "authorName", "body", "clientId", "createdAt", "i18n")
    VALUES (${m.conversationId}, ${m.authorKind}, ${m.authorId}, ${m.authorName}, ${m.body}, ${m.clientId}, ${m.createdAt}, ${m.i18n})
    ON CONFLICT DO NOTHING RETURNING "id"`;
}

/**
 * Many messages in one statement (PostgreSQL). Their ids are drawn in their order before the insert, so
 * each answer row names its message (`ord`), and a message skipped as a repeated clientId has no row.
 */
function batchStatement(messages: NewMessage[]): Sql {
  const column = <K extends keyof NewMessage>(key: K) => messages.map((m) => m[key]) as SqlValue;
  return sql`WITH "input" AS MATERIALIZED (
      SELECT t.*, nextval('discuss_message_id_seq') AS "id"
      FROM unnest(${column('conversationId')}::int[], ${column('authorKind')}::text[], ${column('authorId')}::int[], ${column('authorName')}::text[],
        ${column('body')}::text[], ${column('clientId')}::text[], ${column('createdAt')}::timestamp[], ${column('i18n')}::text[])
        WITH ORDINALITY AS t("conversationId", "authorKind", "authorId", "authorName", "body", "clientId", "createdAt", "i18n", "ord")),
    "inserted" AS (
      INSERT INTO "discuss_message" ("id", "conversationId", "authorKind", "authorId", "authorName", "body", "clientId", "createdAt", "i18n")
      SELECT "id", "conversationId", "authorKind", "authorId", "authorName", "body", "clientId", "createdAt", "i18n" FROM "input" ORDER BY "ord"
      ON CONFLICT DO NOTHING RETURNING "id", "conversationId", "authorKind", "authorId"),
    "moved" AS (
      UPDATE "discuss_conversation" c SET "lastMessageId" = x."id"
      FROM (SELECT "conversationId", MAX("id") AS "id" FROM "inserted" GROUP BY "conversationId") x
      WHERE c."id" = x."conversationId" AND (c."lastMessageId" IS NULL OR c."lastMessageId" < x."id")),
    "seen" AS (
      UPDATE "discuss_member" m SET "lastSeenMessageId" = x."id"
      FROM (SELECT "conversationId", "authorId", MAX("id") AS "id" FROM "inserted" WHERE "authorKind" = 'user' GROUP BY "conversationId", "authorId") x
      WHERE m."conversationId" = x."conversationId" AND m."userId" = x."authorId" AND m."lastSeenMessageId" < x."id")
    SELECT i."ord", i."id", m."userId" FROM "input" i JOIN "inserted" s ON s."id" = i."id"
      LEFT JOIN "discuss_member" m ON m."conversationId" = i."conversationId"`;
}

/** Texts and Sql fragments joined in order (their `?` placeholders keep the order of their params). */
