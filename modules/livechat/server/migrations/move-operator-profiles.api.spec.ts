import { createMigrationTestDatabase, type MigrationTestDatabase } from '@lc/testing';
import type { QueryRunner } from 'typeorm';
import { OperatorProfile } from '../entities';
import { MoveOperatorProfiles1764000000430 } from './move-operator-profiles';

/** A database from before the move: the profile values were two columns of base_user. */
const OLD_USERS = [
  { login: 'named', livechatUsername: 'Jo', livechatLanguages: 'fr-FR,es-ES' },
  { login: 'languages-only', livechatUsername: null, livechatLanguages: 'de-DE' },
  { login: 'name-only', livechatUsername: 'Ana', livechatLanguages: '' },
  { login: 'plain', livechatUsername: null, livechatLanguages: '' },
];

describe('MoveOperatorProfiles1764000000430: the Online Chat Name and Languages move from base_user to livechat', () => {
  let m: MigrationTestDatabase;
  const ids = new Map<string, number>();

  beforeAll(async () => {
    m = await createMigrationTestDatabase();
    await m.migrateUntil('MoveOperatorProfiles1764000000430');
    for (const user of OLD_USERS) await m.insert('base_user', { ...user, name: user.login, passwordHash: 'x', groups: 'livechat_operator', lang: 'en-US' });
    for (const row of await m.db.query(`SELECT "id", "login" FROM "base_user"`)) ids.set(row.login, Number(row.id));
    await m.insert('base_auth_token', { tokenHash: 'h'.repeat(64), userId: ids.get('named'), expiresAt: Date.now() + 60_000 });
    await m.migrateAll();
  });
  afterAll(() => m?.close());

  const withRunner = async <T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> => {
    const runner = m.db.createQueryRunner();
    try {
      return await work(runner);
    } finally {
      await runner.release();
    }
  };
  const hasColumn = (table: string, column: string) => withRunner((runner) => runner.hasColumn(table, column));

  it('copies every value set to livechat_operator_profile, read back by its entity', async () => {
    const profiles = await m.db.getRepository(OperatorProfile).find({ order: { userId: 'ASC' } });
    expect(profiles).toEqual([
      { userId: ids.get('named'), username: 'Jo', languages: ['fr-FR', 'es-ES'] },
      { userId: ids.get('languages-only'), username: null, languages: ['de-DE'] },
      { userId: ids.get('name-only'), username: 'Ana', languages: [] },
    ]);
  });

  it('drops both columns from base_user, keeping its rows and the sign-in tokens that refer to them', async () => {
    expect(await hasColumn('base_user', 'livechatUsername')).toBe(false);
    expect(await hasColumn('base_user', 'livechatLanguages')).toBe(false);
    expect(await m.db.createQueryBuilder().from('base_user', 'u').getCount()).toBe(OLD_USERS.length);
    expect(await m.db.createQueryBuilder().from('base_auth_token', 't').where('t.userId = :id', { id: ids.get('named') }).getCount()).toBe(1);
  });

  it('reverts: the values go back to base_user and the table goes', async () => {
    await withRunner((runner) => new MoveOperatorProfiles1764000000430().down(runner));
    const users = await m.db.query(`SELECT "login", "livechatUsername", "livechatLanguages" FROM "base_user" ORDER BY "id"`);
    expect(users).toEqual(OLD_USERS);
    expect(await withRunner((runner) => runner.hasTable('livechat_operator_profile'))).toBe(false);
  });
});
