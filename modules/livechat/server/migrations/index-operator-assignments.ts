import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Each assignment reads every joined operator's last assignment: an index seek instead of a scan of their history. */
export class IndexOperatorAssignments1764000000410 implements MigrationInterface {
  name = 'IndexOperatorAssignments1764000000410';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('livechat_session', new TableIndex({ name: 'IDX_livechat_session_operator_assigned', columnNames: ['operatorId', 'assignedAt'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('livechat_session', 'IDX_livechat_session_operator_assigned');
  }
}
