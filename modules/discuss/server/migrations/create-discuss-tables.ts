import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreateDiscussTables1764000000300 implements MigrationInterface {
  name = 'CreateDiscussTables1764000000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };
    await queryRunner.createTable(
      new Table({
        name: 'discuss_conversation',
        columns: [
          id,
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'lastMessageId', type: 'integer', isNullable: true },
          { name: 'createdAt', type: 'timestamp', default: 'CURRENT_TIMESTAMP' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'discuss_member',
        columns: [id, { name: 'conversationId', type: 'integer' }, { name: 'userId', type: 'integer' }, { name: 'lastSeenMessageId', type: 'integer', default: 0 }],
        indices: [{ columnNames: ['conversationId', 'userId'], isUnique: true }, { columnNames: ['userId'] }],
        foreignKeys: [{ columnNames: ['conversationId'], referencedTableName: 'discuss_conversation', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'discuss_message',
        columns: [
          id,
          { name: 'conversationId', type: 'integer' },
          { name: 'authorKind', type: 'varchar', length: '8' },
          { name: 'authorId', type: 'integer', isNullable: true },
          { name: 'authorName', type: 'varchar', length: '100' },
          { name: 'body', type: 'text' },
          { name: 'clientId', type: 'varchar', length: '64', isNullable: true },
          { name: 'createdAt', type: 'timestamp', default: 'CURRENT_TIMESTAMP' },
        ],
        indices: [
          { columnNames: ['conversationId', 'id'] },
          // A repeated clientId of the same author in the same conversation is the same message (idempotent sends).
          { name: 'UQ_discuss_message_client', columnNames: ['conversationId', 'authorKind', 'authorId', 'clientId'], isUnique: true },
        ],
        foreignKeys: [{ columnNames: ['conversationId'], referencedTableName: 'discuss_conversation', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['discuss_message', 'discuss_member', 'discuss_conversation']) await queryRunner.dropTable(table);
  }
}
