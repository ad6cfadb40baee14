import { Injectable } from '@nestjs/common';
import { joinSql, sql, SqlRunner, TurnBatch, type Row, type Sql, type SqlValue } from '@lc/platform/server';
import type { AuthorKind } from '@lc/protocol';
import type { GuestAuthorsSql } from './discuss.hooks';

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
  /** A guest's message: its author's id and name come from this SELECT, and without a row it is refused. */
  guestAuthors?: GuestAuthorsSql;
}

/**
 * What storing one message did: its id (null: its clientId was stored before, nothing was written) and who
 * to deliver it to, under the author it was stored as. Null: a guest's message refused (no row in guestAuthors).
 */
export type StoredMessage = { id: number | null; memberIds: number[]; authorId: number | null; authorName: string } | null;

/**
 * Stores a message, moves the conversation's last message and the author's read position, writes the
 * module's fact statement if any, and reads the members: all or nothing.
 *
 * SQLite: the steps as one unit of work in the turn's shared transaction (in-process, no round trips).
 * PostgreSQL: every round trip costs more than the statement (the socket writes and the database process
 * woken for each were most of a message's CPU), so the messages of one event-loop turn are stored by ONE
 * statement (data-modifying WITH, a transaction on its own), one per guest authors' SELECT. Should that
 * statement fail (say, one conversation was deleted meanwhile), each message is stored alone, so one cannot
 * fail the others.
 */
@Injectable()
export class MessageStore {
  private readonly batch = new TurnBatch<NewMessage, StoredMessage>((messages) => this.storeInGroups(messages));
  /** Statement texts made for a guest authors' SELECT, by that SELECT (a few, fixed per module). */
  private readonly guestTexts = new Map<string, { batch: string; author: string }>();

  constructor(private readonly runner: SqlRunner) {}

  /**
   * `fact`: the module's statement for this message (MessageFactsHook); such a message is stored alone.
   * On PostgreSQL the fact is part of the message's one statement, so it also runs for a repeated
   * clientId or a refused guest, and must change nothing then (facts like "first written at, if not yet
   * set, while the chat runs" do not).
   */
  store(message: NewMessage, fact: Sql | null): Promise<StoredMessage> {
    if (this.runner.dialect === 'sqlite') return this.storeStepByStep(message, fact, message.guestAuthors && this.texts(message.guestAuthors).author);
    return fact ? this.storeAlone(message, fact) : this.batch.add(message);
  }

  /**
   * The turn's messages by guest authors' SELECT (in practice: users' and system messages, and visitors'):
   * one statement each, at once. An author's messages are always in one of them, so theirs keep their order.
   */
  private storeInGroups(messages: NewMessage[]): Promise<Array<StoredMessage | Promise<StoredMessage>>> {
    const source = messages[0].guestAuthors;
    if (messages.every((m) => m.guestAuthors === source)) return this.storeTogether(messages);
    const groups = new Map<string | undefined, number[]>();
    messages.forEach((m, i) => (groups.get(m.guestAuthors) ?? groups.set(m.guestAuthors, []).get(m.guestAuthors)!).push(i));
    const answers: Array<StoredMessage | Promise<StoredMessage>> = [];
    for (const indexes of groups.values()) {
      const stored = this.storeTogether(indexes.map((i) => messages[i]));
      indexes.forEach((at, i) => (answers[at] = stored.then((all) => all[i])));
    }
    return Promise.resolve(answers);
  }

  private async storeTogether(messages: NewMessage[]): Promise<Array<StoredMessage | Promise<StoredMessage>>> {
    let rows: Row[];
    try {
      rows = await this.runner.writeStatement(this.batchStatement(messages));
    } catch (error) {
      if (messages.length === 1) throw error;
      return messages.map((message) => this.storeAlone(message, null)); // each settles on its own
    }
    const stored: StoredMessage[] = messages.map(() => null);
    for (const row of rows) {
      if (!row.allowed) continue;
      const entry = (stored[Number(row.ord) - 1] ??= { id: row.id === null ? null : Number(row.id), memberIds: [], authorId: idOrNull(row.authorId), authorName: String(row.authorName) });
      if (row.userId !== null) entry.memberIds.push(Number(row.userId));
    }
    return stored;
  }

  /** PostgreSQL, one message in one statement (with a fact, or when its turn's statement failed). */
  private async storeAlone(m: NewMessage, fact: Sql | null): Promise<StoredMessage> {
    const author = m.guestAuthors
      ? { text: this.texts(m.guestAuthors).author, params: [m.conversationId] }
      : sql`SELECT ${m.authorId}::int AS "authorId", ${m.authorName}::text AS "authorName"`;
    const parts: Sql[] = [
      joinSql(['"author" AS (', author, ')']),
      sql`"inserted" AS (INSERT INTO "discuss_message" ("conversationId", "authorKind", "authorId", "authorName", "body", "clientId", "createdAt", "i18n")
        SELECT ${m.conversationId}, ${m.authorKind}, a."authorId", a."authorName", ${m.body}, ${m.clientId}, ${m.createdAt}, ${m.i18n} FROM "author" a
        ON CONFLICT DO NOTHING RETURNING "id")`,
      sql`"moved" AS (UPDATE "discuss_conversation" c SET "lastMessageId" = i."id" FROM "inserted" i
        WHERE c."id" = ${m.conversationId} AND (c."lastMessageId" IS NULL OR c."lastMessageId" < i."id"))`,
    ];
    if (m.authorKind === 'user')
      parts.push(sql`"seen" AS (UPDATE "discuss_member" m SET "lastSeenMessageId" = i."id" FROM "inserted" i
        WHERE m."conversationId" = ${m.conversationId} AND m."userId" = ${m.authorId} AND m."lastSeenMessageId" < i."id")`);
    if (fact) parts.push(joinSql(['"fact" AS (', fact, ')']));
    const select = sql`SELECT a."authorId", a."authorName", i."id", m."userId" FROM "author" a LEFT JOIN "inserted" i ON TRUE
      LEFT JOIN "discuss_member" m ON i."id" IS NOT NULL AND m."conversationId" = ${m.conversationId}`;
    const rows = await this.runner.writeStatement(joinSql(['WITH ', ...parts.flatMap((part, i) => (i ? [', ', part] : [part])), ' ', select]));
    if (!rows.length) return null;
    const [first] = rows;
    return {
      id: first.id === null ? null : Number(first.id),
      memberIds: rows.filter((row) => row.userId !== null).map((row) => Number(row.userId)),
      authorId: idOrNull(first.authorId),
      authorName: String(first.authorName),
    };
  }

  /** SQLite: the guest's author first (refused without one), then the steps, in the turn's transaction. */
  private storeStepByStep(m: NewMessage, fact: Sql | null, guestLookup: string | undefined): Promise<StoredMessage> {
    return this.runner.write(function* () {
      let { authorId, authorName } = m;
      if (guestLookup) {
        const [guest] = yield { text: guestLookup, params: [m.conversationId] };
        if (!guest) return null;
        authorId = idOrNull(guest.authorId);
        authorName = String(guest.authorName);
      }
      const [inserted] = yield insert(m, authorId, authorName);
      // The unique (conversation, author, clientId) index already holds this send.
      if (!inserted) return { id: null, memberIds: [], authorId, authorName };
      const id = Number(inserted.id);
      if (fact) yield fact;
      yield sql`UPDATE "discuss_conversation" SET "lastMessageId" = ${id} WHERE "id" = ${m.conversationId} AND ("lastMessageId" IS NULL OR "lastMessageId" < ${id})`;
      if (m.authorKind === 'user') yield sql`UPDATE "discuss_member" SET "lastSeenMessageId" = ${id} WHERE "conversationId" = ${m.conversationId} AND "userId" = ${m.authorId} AND "lastSeenMessageId" < ${id}`;
      const members = yield sql`SELECT "userId" FROM "discuss_member" WHERE "conversationId" = ${m.conversationId}`;
      return { id, memberIds: members.map((member) => Number(member.userId)), authorId, authorName };
    });
  }

  /**
   * Many messages in one statement (PostgreSQL). Their ids are drawn in their order before the insert, so
   * each answer row names its message (`ord`); a message skipped as a repeated clientId has no id, a guest's
   * without an author is not `allowed`.
   */
  private batchStatement(messages: NewMessage[]): Sql {
    const column = <K extends keyof NewMessage>(key: K) => messages.map((m) => m[key] ?? null) as SqlValue;
    const { guestAuthors } = messages[0];
    return {
      text: guestAuthors ? this.texts(guestAuthors).batch : BATCH_STATEMENT,
      params: [column('conversationId'), column('authorKind'), column('authorId'), column('authorName'), column('body'), column('clientId'), column('createdAt'), column('i18n')],
    };
  }

  private texts(guestAuthors: GuestAuthorsSql): { batch: string; author: string } {
    let texts = this.guestTexts.get(guestAuthors);
    if (!texts) {
      const join = `LEFT JOIN (${guestAuthors}) g ON g."conversationId" = t."conversationId"`;
      texts = {
        batch: batchText(join, 'g."authorId"', 'g."authorName"', 'g."conversationId" IS NOT NULL'),
        author: `SELECT g."authorId", g."authorName" FROM (${guestAuthors}) g WHERE g."conversationId" = ?`,
      };
      this.guestTexts.set(guestAuthors, texts);
    }
    return texts;
  }
}

function idOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** The message under its author (a guest's read from guestAuthors, else the message's own). */
function insert(m: NewMessage, authorId: number | null, authorName: string): Sql {
  return sql`INSERT INTO "discuss_message" ("conversationId", "authorKind", "authorId", "authorName", "body", "clientId", "createdAt", "i18n")
    VALUES (${m.conversationId}, ${m.authorKind}, ${authorId}, ${authorName}, ${m.body}, ${m.clientId}, ${m.createdAt}, ${m.i18n})
    ON CONFLICT DO NOTHING RETURNING "id"`;
}

/** The batch statement, its authors from the input (users, system) or from a guest authors' SELECT joined in. */
function batchText(join: string, authorId: string, authorName: string, allowed: string): string {
  return `WITH "input" AS MATERIALIZED (
      SELECT t."conversationId", t."authorKind", ${authorId} AS "authorId", ${authorName} AS "authorName", t."body", t."clientId", t."createdAt", t."i18n", t."ord",
        ${allowed} AS "allowed", nextval('discuss_message_id_seq') AS "id"
      FROM unnest(?::int[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::timestamp[], ?::text[])
        WITH ORDINALITY AS t("conversationId", "authorKind", "authorId", "authorName", "body", "clientId", "createdAt", "i18n", "ord") ${join}),
    "inserted" AS (
      INSERT INTO "discuss_message" ("id", "conversationId", "authorKind", "authorId", "authorName", "body", "clientId", "createdAt", "i18n")
      SELECT "id", "conversationId", "authorKind", "authorId", "authorName", "body", "clientId", "createdAt", "i18n" FROM "input" WHERE "allowed" ORDER BY "ord"
      ON CONFLICT DO NOTHING RETURNING "id", "conversationId", "authorKind", "authorId"),
    "moved" AS (
      UPDATE "discuss_conversation" c SET "lastMessageId" = x."id"
      FROM (SELECT "conversationId", MAX("id") AS "id" FROM "inserted" GROUP BY "conversationId") x
      WHERE c."id" = x."conversationId" AND (c."lastMessageId" IS NULL OR c."lastMessageId" < x."id")),
    "seen" AS (
      UPDATE "discuss_member" m SET "lastSeenMessageId" = x."id"
      FROM (SELECT "conversationId", "authorId", MAX("id") AS "id" FROM "inserted" WHERE "authorKind" = 'user' GROUP BY "conversationId", "authorId") x
      WHERE m."conversationId" = x."conversationId" AND m."userId" = x."authorId" AND m."lastSeenMessageId" < x."id")
    SELECT i."ord", i."allowed", i."authorId", i."authorName", s."id", m."userId" FROM "input" i LEFT JOIN "inserted" s ON s."id" = i."id"
      LEFT JOIN "discuss_member" m ON s."id" IS NOT NULL AND m."conversationId" = i."conversationId"`;
}

/** Users' and system messages, their authors as given. */
const BATCH_STATEMENT = batchText('', 't."authorId"', 't."authorName"', 'TRUE');
