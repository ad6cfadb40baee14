import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The visitor's rating of a session (Odoo's 5/3/1 and an optional comment), on the session's row. */
export class AddSessionRatings1764000000460 implements MigrationInterface {
  name = 'AddSessionRatings1764000000460';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "livechat_session" ADD COLUMN "ratingValue" integer NULL`);
    await queryRunner.query(`ALTER TABLE "livechat_session" ADD COLUMN "ratingComment" varchar(1000) NULL`);
    await queryRunner.query(`ALTER TABLE "livechat_session" ADD COLUMN "ratedAt" bigint NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['ratedAt', 'ratingComment', 'ratingValue']) await queryRunner.query(`ALTER TABLE "livechat_session" DROP COLUMN "${column}"`);
  }
}
