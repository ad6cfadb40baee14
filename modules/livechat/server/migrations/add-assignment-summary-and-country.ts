import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The assignment decision as data beside its text, so that managers read a sentence in their own language;
 * the visitor's country when a trusted proxy tells it.
 */
export class AddAssignmentSummaryAndCountry1764000000470 implements MigrationInterface {
  name = 'AddAssignmentSummaryAndCountry1764000000470';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "livechat_session" ADD COLUMN "assignmentSummary" text NULL`);
    await queryRunner.query(`ALTER TABLE "livechat_session" ADD COLUMN "visitorCountry" varchar(2) NULL`);
    // Offline messages say the same thing whenever they were left; older assignments keep their text only.
    const offline = JSON.stringify({ rule: 'offline', language: null, sameLanguageOnly: false, unspokenLanguages: [], ongoing: null, available: 0, tie: 'none' });
    await queryRunner.query(`UPDATE "livechat_session" SET "assignmentSummary" = '${offline}' WHERE "offline" = true`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "livechat_session" DROP COLUMN "visitorCountry"`);
    await queryRunner.query(`ALTER TABLE "livechat_session" DROP COLUMN "assignmentSummary"`);
  }
}
