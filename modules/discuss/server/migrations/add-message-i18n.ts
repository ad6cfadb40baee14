import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A system message's key and parameters (JSON), rendered in each reader's language; null for the others. */
export class AddMessageI18n1764000000910 implements MigrationInterface {
  name = 'AddMessageI18n1764000000910';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "discuss_message" ADD COLUMN "i18n" text NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "discuss_message" DROP COLUMN "i18n"`);
  }
}
