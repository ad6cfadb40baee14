import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Page URLs up to 2,048 characters (DESIGN's cap; browsers send longer ones, which are dropped, not cut). SQLite does not enforce lengths. */
export class WidenPageUrl1764000000420 implements MigrationInterface {
  name = 'WidenPageUrl1764000000420';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') await queryRunner.query(`ALTER TABLE "livechat_session" ALTER COLUMN "pageUrl" TYPE varchar(2048)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') await queryRunner.query(`ALTER TABLE "livechat_session" ALTER COLUMN "pageUrl" TYPE varchar(500) USING left("pageUrl", 500)`);
  }
}
