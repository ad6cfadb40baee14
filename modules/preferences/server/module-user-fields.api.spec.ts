import { join } from 'node:path';
import { createTestApp, type TestApp } from '@lc/testing';

/** Any module's user fields (UserFields), here a fixture's, reach /api/me and the preferences PATCH. */
describe('preferences API: the user fields of every module', () => {
  const FIXTURE = join(__dirname, '../../../apps/server/test/fixtures/user-fields');
  let t: TestApp;
  let user: { id: number; token: string };
  beforeAll(async () => {
    t = await createTestApp({ extraModulePaths: [FIXTURE] });
    user = await t.createUser('signer', ['livechat_operator']);
  });
  afterAll(() => t.close());
  const me = async () => (await t.http.get('/api/me').auth(user.token, { type: 'bearer' }).expect(200)).body;
  const patch = (body: object) => t.http.patch('/api/me/preferences').auth(user.token, { type: 'bearer' }).send(body);

  it('shows every module’s fields in /api/me and the login answer, with their defaults', async () => {
    expect(await me()).toMatchObject({ demoSignature: null, livechatUsername: null, livechatLanguages: [] });
    const login = await t.http.post('/api/auth/login').send({ login: 'signer', password: 'password1' }).expect(200);
    expect(login.body.user).toEqual(await me());
  });

  it('validates and writes each module’s fields from one body', async () => {
    const res = await patch({ demoSignature: '  Best, Sam  ', livechatUsername: 'Sam' }).expect(200);
    expect(res.body).toMatchObject({ demoSignature: 'Best, Sam', livechatUsername: 'Sam' });
    expect(await me()).toEqual(res.body);
  });

  it.each([
    [{ demoSignature: 'x'.repeat(101) }, 'demoSignature must be shorter than or equal to 100 characters'],
    [{ demoSignature: 'refused', livechatUsername: 'Not me' }, 'demoSignature: this signature is refused'],
    [{ demoSignature: 'Fine', livechatLanguages: ['xx-YY'] }, 'livechatLanguages: language(s) not enabled on this database: xx-YY'],
  ])('refuses %j with a 400 (%s) and writes no module’s change', async (body, message) => {
    const before = await me();
    const res = await patch(body).expect(400);
    expect(res.body.message).toContain(message);
    expect(await me()).toEqual(before);
  });
});
