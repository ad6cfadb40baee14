import type { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS = ['firstVisitorMessageAt', 'firstAnswerAt', 'welcomeMessageId', 'messageCount'] as const;
/** What a report reads of a session, start first. */
const REPORT_INDEX_COLUMNS = ['startedAt', 'channelId', 'operatorId', 'visitorLanguage', 'offline', 'endedAt', 'firstVisitorMessageAt', 'firstAnswerAt', 'messageCount', 'ratingValue'];
/** Sessions per backfill statement. */
const BATCH = 500;

/**
 * What the reports read of a session, written once instead of computed from its messages on every report:
 * when the visitor first wrote, when an operator first answered (the welcome stored at the start is no
 * answer), which message was the welcome, and how many messages people wrote (taken when it ends).
 * Existing sessions are backfilled from their messages. This migration reads discuss_message as it is at
 * this version (as a migration reads any table of its time); the running code goes through discuss's
 * public API instead.
 */
export class AddSessionReportFacts1764000000480 implements MigrationInterface {
  name = 'AddSessionReportFacts1764000000480';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "livechat_session" ADD COLUMN "firstVisitorMessageAt" bigint NULL`);
    await queryRunner.query(`ALTER TABLE "livechat_session" ADD COLUMN "firstAnswerAt" bigint NULL`);
    await queryRunner.query(`ALTER TABLE "livechat_session" ADD COLUMN "welcomeMessageId" integer NULL`);
    await queryRunner.query(`ALTER TABLE "livechat_session" ADD COLUMN "messageCount" integer NULL`);
    // The welcome: a live chat's first message when the visitor did not write it (an offline message has none).
    await queryRunner.query(`UPDATE "livechat_session" SET "welcomeMessageId" = (
        SELECT m."id" FROM "discuss_message" m
        WHERE m."id" = (SELECT MIN(f."id") FROM "discuss_message" f WHERE f."conversationId" = "livechat_session"."conversationId") AND m."authorKind" <> 'visitor')
      WHERE "offline" = false`);
    await queryRunner.query(`UPDATE "livechat_session" SET "messageCount" = (
        SELECT COUNT(*) FROM "discuss_message" m
        WHERE m."conversationId" = "livechat_session"."conversationId" AND m."authorKind" <> 'system' AND m."id" <> COALESCE("livechat_session"."welcomeMessageId", 0))
      WHERE "status" = 'ended'`);
    await this.backfillFirstMessages(queryRunner);

    // Reports read a range of start times from this index alone (on SQLite a year of sessions a third faster
    // than from the rows, which hold long texts); its columns change a few times in a session's life (its
    // first two messages, its end, a rating), never with every message. The few sessions still running
    // have their messages counted apart.
    await queryRunner.query(`CREATE INDEX "IDX_livechat_session_started" ON "livechat_session" (${REPORT_INDEX_COLUMNS.map((c) => `"${c}"`).join(', ')})`);
    await queryRunner.query(`CREATE INDEX "IDX_livechat_session_running" ON "livechat_session" ("startedAt") WHERE "endedAt" IS NULL`);
  }

  /**
   * The first visitor and operator messages, as instants: read through the driver, which parses the
   * timestamps as it wrote them (SQLite: UTC text; PostgreSQL: the process's local time), then written in
   * batches. A message after the session ended (an operator writing in a closed chat) does not count.
   */
  private async backfillFirstMessages(queryRunner: QueryRunner): Promise<void> {
    const rows: Array<{ id: number | string; endedAt: number | string | null; authorKind: string; at: Date | string }> = await queryRunner.query(
      `SELECT s."id", s."endedAt", m."authorKind", MIN(m."createdAt") AS "at"
       FROM "livechat_session" s JOIN "discuss_message" m ON m."conversationId" = s."conversationId"
       WHERE m."authorKind" IN ('visitor', 'user') AND m."id" <> COALESCE(s."welcomeMessageId", 0)
       GROUP BY s."id", s."endedAt", m."authorKind"`,
    );
    const facts = new Map<number, { visitor?: number; answer?: number }>();
    for (const row of rows) {
      const at = row.at instanceof Date ? row.at.getTime() : Date.parse(`${String(row.at).replace(' ', 'T')}Z`);
      if (!Number.isSafeInteger(at) || (row.endedAt !== null && at > Number(row.endedAt))) continue;
      const id = Number(row.id);
      const fact = facts.get(id) ?? {};
      if (row.authorKind === 'visitor') fact.visitor = at;
      else fact.answer = at;
      facts.set(id, fact);
    }
    const ids = [...facts.keys()];
    // Every value inlined is an integer read above (ids and epoch milliseconds), never text.
    const cases = (batch: number[], pick: (id: number) => number | undefined) => `CAST(CASE "id" ${batch.map((id) => `WHEN ${id} THEN ${pick(id) ?? 'NULL'}`).join(' ')} END AS BIGINT)`;
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      await queryRunner.query(
        `UPDATE "livechat_session" SET "firstVisitorMessageAt" = ${cases(batch, (id) => facts.get(id)!.visitor)}, "firstAnswerAt" = ${cases(batch, (id) => facts.get(id)!.answer)}
         WHERE "id" IN (${batch.join(', ')})`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_livechat_session_running"`);
    await queryRunner.query(`DROP INDEX "IDX_livechat_session_started"`);
    for (const column of [...COLUMNS].reverse()) await queryRunner.query(`ALTER TABLE "livechat_session" DROP COLUMN "${column}"`);
  }
}
