import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Teamwork and the visitor's context: on the session, the visitor's client address (to block it), when
 * its operator asked for help and who transferred it away; blocks of visitors by token or address; the pages visitors saw.
 */
export class AddTeamwork1764000000700 implements MigrationInterface {
  name = 'AddTeamwork1764000000700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "livechat_session" ADD COLUMN "clientAddress" varchar(45) NULL`);
    await queryRunner.query(`ALTER TABLE "livechat_session" ADD COLUMN "needsHelpSince" bigint NULL`);
    await queryRunner.query(`ALTER TABLE "livechat_session" ADD COLUMN "transferredFromId" integer NULL`);
    const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };
    await queryRunner.createTable(
      new Table({
        name: 'livechat_block',
        columns: [
          id,
          { name: 'visitorTokenHash', type: 'varchar', length: '64', isNullable: true },
          { name: 'address', type: 'varchar', length: '45', isNullable: true },
          { name: 'until', type: 'bigint' },
          { name: 'reason', type: 'varchar', length: '500', isNullable: true },
          { name: 'blockedById', type: 'integer', isNullable: true },
          { name: 'sessionId', type: 'integer', isNullable: true },
          { name: 'createdAt', type: 'bigint' },
        ],
        indices: [{ columnNames: ['visitorTokenHash'] }, { columnNames: ['address'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'livechat_page_visit',
        columns: [
          id,
          { name: 'sessionId', type: 'integer' },
          { name: 'url', type: 'varchar', length: '2048' },
          { name: 'title', type: 'varchar', length: '300', isNullable: true },
          { name: 'at', type: 'bigint' },
        ],
        indices: [{ columnNames: ['sessionId', 'id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('livechat_page_visit');
    await queryRunner.dropTable('livechat_block');
    for (const column of ['transferredFromId', 'needsHelpSince', 'clientAddress']) await queryRunner.query(`ALTER TABLE "livechat_session" DROP COLUMN "${column}"`);
  }
}
