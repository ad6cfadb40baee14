import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The hash of the widget's start key, so that a retried start finds the session its first attempt started. */
export class AddSessionStartKey1764000000440 implements MigrationInterface {
  name = 'AddSessionStartKey1764000000440';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "livechat_session" ADD COLUMN "startKeyHash" varchar(64) NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_livechat_session_start_key" ON "livechat_session" ("startKeyHash")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_livechat_session_start_key"`);
    await queryRunner.query(`ALTER TABLE "livechat_session" DROP COLUMN "startKeyHash"`);
  }
}
