import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The Online Chat Name and Languages were two columns of base_user; they are livechat's (Odoo declares
 * them in im_livechat), so they move, with their values, to livechat's own table.
 *
 * livechat drops the two columns itself: they were always its data, only stored in base's table (as an
 * Odoo module's fields on res.users are that module's), so base's code never has to name them again, and
 * copy and drop run in one migration, one transaction: never one without the other.
 *
 * The drop is plain `ALTER TABLE … DROP COLUMN`, the same text on both databases (SQLite ≥ 3.35), and not
 * queryRunner.dropColumn: on SQLite that rebuilds the whole table (copy, DROP TABLE, rename), and a DROP
 * TABLE of base_user while foreign keys are on (TypeORM turns them off to run migrations, not to revert
 * one) deletes every sign-in token with it.
 */
export class MoveOperatorProfiles1764000000430 implements MigrationInterface {
  name = 'MoveOperatorProfiles1764000000430';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'livechat_operator_profile',
        columns: [
          { name: 'userId', type: 'integer', isPrimary: true },
          { name: 'username', type: 'varchar', length: '64', isNullable: true },
          { name: 'languages', type: 'text', default: "''" },
        ],
      }),
    );
    await queryRunner.query(
      `INSERT INTO "livechat_operator_profile" ("userId", "username", "languages")
       SELECT "id", "livechatUsername", "livechatLanguages" FROM "base_user" WHERE "livechatUsername" IS NOT NULL OR "livechatLanguages" <> ''`,
    );
    for (const column of ['livechatUsername', 'livechatLanguages']) await queryRunner.query(`ALTER TABLE "base_user" DROP COLUMN "${column}"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "base_user" ADD COLUMN "livechatUsername" varchar(64)`);
    await queryRunner.query(`ALTER TABLE "base_user" ADD COLUMN "livechatLanguages" text NOT NULL DEFAULT ''`);
    await queryRunner.query(
      `UPDATE "base_user" SET
         "livechatUsername" = (SELECT p."username" FROM "livechat_operator_profile" p WHERE p."userId" = "base_user"."id"),
         "livechatLanguages" = (SELECT p."languages" FROM "livechat_operator_profile" p WHERE p."userId" = "base_user"."id")
       WHERE "id" IN (SELECT "userId" FROM "livechat_operator_profile")`,
    );
    await queryRunner.dropTable('livechat_operator_profile');
  }
}
