import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A channel's button text and welcome message per shipped language (JSON; null: none). */
export class AddChannelTranslations1764000000900 implements MigrationInterface {
  name = 'AddChannelTranslations1764000000900';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "livechat_channel" ADD COLUMN "translations" text NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "livechat_channel" DROP COLUMN "translations"`);
  }
}
