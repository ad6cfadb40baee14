import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreateLivechatTables1764000000400 implements MigrationInterface {
  name = 'CreateLivechatTables1764000000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };
    await queryRunner.createTable(
      new Table({
        name: 'livechat_channel',
        columns: [
          id,
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'buttonText', type: 'varchar', length: '100' },
          { name: 'welcomeMessage', type: 'text' },
          { name: 'colors', type: 'text' },
          { name: 'maxSessionsPerOperator', type: 'integer', isNullable: true },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'livechat_channel_operator',
        columns: [id, { name: 'channelId', type: 'integer' }, { name: 'userId', type: 'integer' }, { name: 'joinedAt', type: 'bigint' }],
        indices: [{ columnNames: ['channelId', 'userId'], isUnique: true }, { columnNames: ['userId'] }],
        foreignKeys: [{ columnNames: ['channelId'], referencedTableName: 'livechat_channel', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'livechat_session',
        columns: [
          id,
          { name: 'channelId', type: 'integer' },
          { name: 'conversationId', type: 'integer' },
          { name: 'status', type: 'varchar', length: '8' },
          { name: 'operatorId', type: 'integer', isNullable: true },
          { name: 'visitorTokenHash', type: 'varchar', length: '64' },
          { name: 'visitorName', type: 'varchar', length: '100', isNullable: true },
          { name: 'visitorLanguage', type: 'varchar', length: '35', isNullable: true },
          { name: 'acceptLanguage', type: 'varchar', length: '200', isNullable: true },
          { name: 'pageUrl', type: 'varchar', length: '500', isNullable: true },
          { name: 'userAgent', type: 'varchar', length: '300', isNullable: true },
          { name: 'email', type: 'varchar', length: '200', isNullable: true },
          { name: 'offline', type: 'boolean', default: false },
          { name: 'assignmentReason', type: 'text', isNullable: true },
          { name: 'startedAt', type: 'bigint' },
          { name: 'assignedAt', type: 'bigint', isNullable: true },
          { name: 'endedAt', type: 'bigint', isNullable: true },
          { name: 'lastActivityAt', type: 'bigint' },
        ],
        indices: [{ columnNames: ['channelId', 'status'] }, { columnNames: ['operatorId', 'status'] }, { columnNames: ['visitorTokenHash'] }, { columnNames: ['conversationId'] }],
        foreignKeys: [{ columnNames: ['channelId'], referencedTableName: 'livechat_channel', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['livechat_session', 'livechat_channel_operator', 'livechat_channel']) await queryRunner.dropTable(table);
  }
}
