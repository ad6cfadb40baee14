import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** A password change or an archived user deletes all of a user's tokens: an index seek, not a scan of every session. */
export class IndexAuthTokensByUser1764000000110 implements MigrationInterface {
  name = 'IndexAuthTokensByUser1764000000110';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('base_auth_token', new TableIndex({ name: 'IDX_base_auth_token_user', columnNames: ['userId'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('base_auth_token', 'IDX_base_auth_token_user');
  }
}
