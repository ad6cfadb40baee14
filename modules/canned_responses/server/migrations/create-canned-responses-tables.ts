import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreateCannedResponsesTables1764000000700 implements MigrationInterface {
  name = 'CreateCannedResponsesTables1764000000700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'canned_response',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'ownerId', type: 'integer' },
          { name: 'ownerName', type: 'varchar', length: '100' },
          { name: 'shortcut', type: 'varchar', length: '32' },
          { name: 'body', type: 'text' },
          { name: 'createdAt', type: 'bigint' },
          { name: 'updatedAt', type: 'bigint' },
        ],
        indices: [{ columnNames: ['ownerId', 'shortcut'], isUnique: true }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('canned_response');
  }
}
