import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreatePresenceTables1764000000200 implements MigrationInterface {
  name = 'CreatePresenceTables1764000000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'presence_process',
        columns: [
          { name: 'processId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'heartbeatAt', type: 'bigint' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'presence_connection',
        columns: [
          { name: 'socketId', type: 'varchar', length: '64', isPrimary: true },
          { name: 'userId', type: 'integer' },
          { name: 'processId', type: 'varchar', length: '36' },
          { name: 'connectedAt', type: 'bigint' },
        ],
        indices: [{ columnNames: ['userId'] }, { columnNames: ['processId'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'presence_user',
        columns: [
          { name: 'userId', type: 'integer', isPrimary: true },
          { name: 'status', type: 'varchar', length: '8' },
          { name: 'lastActivityAt', type: 'bigint' },
          { name: 'lastDisconnectAt', type: 'bigint', isNullable: true },
        ],
        indices: [{ columnNames: ['status'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['presence_user', 'presence_connection', 'presence_process']) await queryRunner.dropTable(table);
  }
}
