import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreateModuleState1764000000000 implements MigrationInterface {
  name = 'CreateModuleState1764000000000';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'platform_module',
        columns: [
          { name: 'name', type: 'varchar', length: '64', isPrimary: true },
          { name: 'enabled', type: 'boolean' },
          { name: 'version', type: 'varchar', length: '32' },
        ],
      }),
    );
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('platform_module');
  }
}
