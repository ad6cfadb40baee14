import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreateBaseTables1764000000100 implements MigrationInterface {
  name = 'CreateBaseTables1764000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'base_user',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'login', type: 'varchar', length: '100', isUnique: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'passwordHash', type: 'varchar', length: '255' },
          { name: 'groups', type: 'text' },
          { name: 'lang', type: 'varchar', length: '35', default: "'en-US'" },
          { name: 'livechatUsername', type: 'varchar', length: '64', isNullable: true },
          { name: 'livechatLanguages', type: 'text' },
          { name: 'active', type: 'boolean', default: true },
          { name: 'createdAt', type: 'timestamp', default: 'CURRENT_TIMESTAMP' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'base_auth_token',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'tokenHash', type: 'varchar', length: '64', isUnique: true },
          { name: 'userId', type: 'integer' },
          { name: 'expiresAt', type: 'bigint' },
        ],
        foreignKeys: [{ columnNames: ['userId'], referencedTableName: 'base_user', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'base_language',
        columns: [
          { name: 'code', type: 'varchar', length: '35', isPrimary: true },
          { name: 'enabled', type: 'boolean' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['base_auth_token', 'base_language', 'base_user']) await queryRunner.dropTable(table);
  }
}
