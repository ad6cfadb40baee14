import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * base_user was created with two columns of the live chat operator profile, which its module now keeps in
 * its own table (its migration copies the values, then drops them; it runs first, by its timestamp). On a
 * database without that module they are still here, NOT NULL and unknown to the entity, so inserting a
 * user failed: drop them when they are left.
 */
const MOVED = ['livechatUsername', 'livechatLanguages'];

export class DropMovedUserColumns1764000000440 implements MigrationInterface {
  name = 'DropMovedUserColumns1764000000440';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const column of MOVED) if (await queryRunner.hasColumn('base_user', column)) await queryRunner.query(`ALTER TABLE "base_user" DROP COLUMN "${column}"`);
  }

  async down(): Promise<void> {
    // Nothing to restore: the values live in (and are given back by) the module that owns them.
  }
}
