import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The columns of a session whose change moves an operator's load. */
const WATCHED = ['status', 'operatorId', 'channelId', 'assignedAt'];

/**
 * What assignment decides on, kept per operator instead of counted from the sessions on every start (three
 * correlated subqueries per joined operator, ~7 ms with a thousand inside):
 * - `livechat_operator_load`: per user, their sessions assigned and not ended (all channels) and the time
 *   of their last assignment (the latest `assignedAt` of their sessions);
 * - `livechat_operator_channel_load`: per user and channel, their sessions assigned and not ended there
 *   (the channel's `maxSessionsPerOperator`).
 *
 * Database triggers on `livechat_session` keep both, in the transaction (and the statement) of whatever
 * writes a session — an assignment, a transfer, an end by anyone or by the idle sweeper, switching Live Chat
 * off, a deletion — so no write path can forget them, and each change is an atomic `+ 1`/`- 1` on
 * PostgreSQL read from the row the statement changed (OLD/NEW), right across processes. Existing sessions
 * are counted once here.
 */
export class AddOperatorLoad1764000000950 implements MigrationInterface {
  name = 'AddOperatorLoad1764000000950';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'livechat_operator_load',
        columns: [
          { name: 'userId', type: 'integer', isPrimary: true },
          { name: 'ongoing', type: 'integer', default: 0 },
          { name: 'lastAssignedAt', type: 'bigint', isNullable: true },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'livechat_operator_channel_load',
        columns: [
          { name: 'userId', type: 'integer', isPrimary: true },
          { name: 'channelId', type: 'integer', isPrimary: true },
          { name: 'ongoing', type: 'integer', default: 0 },
        ],
      }),
    );
    await queryRunner.query(`INSERT INTO "livechat_operator_load" ("userId", "ongoing", "lastAssignedAt")
      SELECT "operatorId", SUM(CASE WHEN "status" = 'active' THEN 1 ELSE 0 END), MAX("assignedAt")
      FROM "livechat_session" WHERE "operatorId" IS NOT NULL GROUP BY "operatorId"`);
    await queryRunner.query(`INSERT INTO "livechat_operator_channel_load" ("userId", "channelId", "ongoing")
      SELECT "operatorId", "channelId", COUNT(*) FROM "livechat_session"
      WHERE "operatorId" IS NOT NULL AND "status" = 'active' GROUP BY "operatorId", "channelId"`);
    if (queryRunner.connection.options.type === 'postgres') await this.postgresTriggers(queryRunner);
    else await this.sqliteTriggers(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query(`DROP TRIGGER "livechat_session_load" ON "livechat_session"`);
      await queryRunner.query(`DROP FUNCTION "livechat_session_load"()`);
    } else {
      for (const name of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER "livechat_session_load_${name}"`);
    }
    await queryRunner.dropTable('livechat_operator_channel_load');
    await queryRunner.dropTable('livechat_operator_load');
  }

  /** One row-level function for inserts, updates of the watched columns and deletes. */
  private async postgresTriggers(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION "livechat_session_load"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' AND OLD."status" = 'active' AND OLD."operatorId" IS NOT NULL THEN
          UPDATE "livechat_operator_load" SET "ongoing" = "ongoing" - 1 WHERE "userId" = OLD."operatorId";
          UPDATE "livechat_operator_channel_load" SET "ongoing" = "ongoing" - 1 WHERE "userId" = OLD."operatorId" AND "channelId" = OLD."channelId";
        END IF;
        IF TG_OP <> 'DELETE' AND NEW."operatorId" IS NOT NULL THEN
          INSERT INTO "livechat_operator_load" AS l ("userId", "ongoing", "lastAssignedAt")
            VALUES (NEW."operatorId", CASE WHEN NEW."status" = 'active' THEN 1 ELSE 0 END, NEW."assignedAt")
            ON CONFLICT ("userId") DO UPDATE SET "ongoing" = l."ongoing" + EXCLUDED."ongoing", "lastAssignedAt" = GREATEST(l."lastAssignedAt", EXCLUDED."lastAssignedAt");
          IF NEW."status" = 'active' THEN
            INSERT INTO "livechat_operator_channel_load" AS l ("userId", "channelId", "ongoing") VALUES (NEW."operatorId", NEW."channelId", 1)
              ON CONFLICT ("userId", "channelId") DO UPDATE SET "ongoing" = l."ongoing" + 1;
          END IF;
        END IF;
        -- A session taken away from its operator (a transfer, a deletion): their last assignment may be an earlier one.
        IF TG_OP <> 'INSERT' AND OLD."operatorId" IS NOT NULL AND OLD."assignedAt" IS NOT NULL
           AND (TG_OP = 'DELETE' OR OLD."operatorId" IS DISTINCT FROM NEW."operatorId" OR OLD."assignedAt" IS DISTINCT FROM NEW."assignedAt") THEN
          UPDATE "livechat_operator_load" SET "lastAssignedAt" = (SELECT MAX(s."assignedAt") FROM "livechat_session" s WHERE s."operatorId" = OLD."operatorId")
            WHERE "userId" = OLD."operatorId";
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "livechat_session_load" AFTER INSERT OR DELETE OR UPDATE OF ${WATCHED.map((c) => `"${c}"`).join(', ')}
      ON "livechat_session" FOR EACH ROW EXECUTE FUNCTION "livechat_session_load"()`);
  }

  /** The same as three triggers (SQLite has no functions); one writer at a time, so no race to mind. */
  private async sqliteTriggers(queryRunner: QueryRunner): Promise<void> {
    const remove = `
      UPDATE "livechat_operator_load" SET "ongoing" = "ongoing" - 1 WHERE OLD."status" = 'active' AND "userId" = OLD."operatorId";
      UPDATE "livechat_operator_channel_load" SET "ongoing" = "ongoing" - 1 WHERE OLD."status" = 'active' AND "userId" = OLD."operatorId" AND "channelId" = OLD."channelId";`;
    const add = `
      INSERT INTO "livechat_operator_load" ("userId", "ongoing", "lastAssignedAt")
        SELECT NEW."operatorId", CASE WHEN NEW."status" = 'active' THEN 1 ELSE 0 END, NEW."assignedAt" WHERE NEW."operatorId" IS NOT NULL
        ON CONFLICT ("userId") DO UPDATE SET "ongoing" = "ongoing" + excluded."ongoing",
          "lastAssignedAt" = CASE WHEN "lastAssignedAt" IS NULL OR excluded."lastAssignedAt" > "lastAssignedAt" THEN excluded."lastAssignedAt" ELSE "lastAssignedAt" END;
      INSERT INTO "livechat_operator_channel_load" ("userId", "channelId", "ongoing")
        SELECT NEW."operatorId", NEW."channelId", 1 WHERE NEW."operatorId" IS NOT NULL AND NEW."status" = 'active'
        ON CONFLICT ("userId", "channelId") DO UPDATE SET "ongoing" = "ongoing" + 1;`;
    const recountLast = (moved: string) => `
      UPDATE "livechat_operator_load" SET "lastAssignedAt" = (SELECT MAX(s."assignedAt") FROM "livechat_session" s WHERE s."operatorId" = OLD."operatorId")
        WHERE "userId" = OLD."operatorId" AND OLD."assignedAt" IS NOT NULL AND ${moved};`;
    await queryRunner.query(`CREATE TRIGGER "livechat_session_load_insert" AFTER INSERT ON "livechat_session" WHEN NEW."operatorId" IS NOT NULL BEGIN ${add} END`);
    await queryRunner.query(`CREATE TRIGGER "livechat_session_load_update" AFTER UPDATE OF ${WATCHED.map((c) => `"${c}"`).join(', ')} ON "livechat_session"
      WHEN OLD."operatorId" IS NOT NULL OR NEW."operatorId" IS NOT NULL
      BEGIN ${remove} ${add} ${recountLast('(OLD."operatorId" IS NOT NEW."operatorId" OR OLD."assignedAt" IS NOT NEW."assignedAt")')} END`);
    await queryRunner.query(`CREATE TRIGGER "livechat_session_load_delete" AFTER DELETE ON "livechat_session" WHEN OLD."operatorId" IS NOT NULL BEGIN ${remove} ${recountLast('1 = 1')} END`);
  }
}
