import { sql, type Sql, type SqlRunner, type SqlValue } from '@lc/platform/server';
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
 * module's fact statement if any, and reads the members — all or nothing.
 *
 * PostgreSQL: ONE statement (data-modifying WITH), a transaction on its own: one round trip instead of the
 * six of BEGIN, four statements and COMMIT, whose socket writes were most of a message's CPU in two
 * processes. The fact statement rides along as one more WITH part, so it must change nothing when run for
 * a repeated clientId (facts such as "first written at, if not yet set" do not).
 * SQLite: the same steps as a unit of work in the turn's shared transaction (in-process, no round trips).
 */
export function storeMessage(runner: SqlRunner, m: NewMessage, fact: Sql | null): Promise<StoredMessage> {
  return runner.dialect === 'postgres' ? storeInOneStatement(runner, m, fact) : storeStepByStep(runner, m, fact);
}

async function storeInOneStatement(runner: SqlRunner, m: NewMessage, fact: Sql | null): Promise<StoredMessage> {
  const parts: Sql[] = [
    join(['"inserted" AS (', insert(m), ')']),
    sql`"moved" AS (UPDATE "discuss_conversation" c SET "lastMessageId" = i."id" FROM "inserted" i
      WHERE c."id" = ${m.conversationId} AND (c."lastMessageId" IS NULL OR c."lastMessageId" < i."id"))`,
  ];
  if (m.authorKind === 'user')
    parts.push(sql`"seen" AS (UPDATE "discuss_member" m SET "lastSeenMessageId" = i."id" FROM "inserted" i
      WHERE m."conversationId" = ${m.conversationId} AND m."userId" = ${m.authorId} AND m."lastSeenMessageId" < i."id")`);
  if (fact) parts.push(join(['"fact" AS (', fact, ')']));
  const select = sql`SELECT i."id", m."userId" FROM "inserted" i LEFT JOIN "discuss_member" m ON m."conversationId" = ${m.conversationId}`;
  const rows = await runner.writeStatement(join(['WITH ', ...parts.flatMap((part, i) => (i ? [', ', part] : [part])), ' ', select]));
  if (!rows.length) return null;
  return { id: Number(rows[0].id), memberIds: rows.filter((row) => row.userId !== null).map((row) => Number(row.userId)) };
}

function storeStepByStep(runner: SqlRunner, m: NewMessage, fact: Sql | null): Promise<StoredMessage> {
  return runner.write(function* () {
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

function insert(m: NewMessage): Sql {
  return sql`INSERT INTO "discuss_message" ("conversationId", "authorKind", "authorId", "authorName", "body", "clientId", "createdAt", "i18n")
    VALUES (${m.conversationId}, ${m.authorKind}, ${m.authorId}, ${m.authorName}, ${m.body}, ${m.clientId}, ${m.createdAt}, ${m.i18n})
    ON CONFLICT DO NOTHING RETURNING "id"`;
}

/** Texts and Sql fragments joined in order (their `?` placeholders keep the order of their params). */
function join(pieces: Array<string | Sql>): Sql {
  const params: SqlValue[] = [];
  const text = pieces.map((piece) => (typeof piece === 'string' ? piece : (params.push(...piece.params), piece.text))).join('');
  return { text, params };
}
