import { join } from 'node:path';
import { createTestApp, type TestApp } from '@lc/testing';

const FIXTURE_ADDONS = join(__dirname, '../../../apps/server/test/fixtures/addons');

describe('base API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ extraModulePaths: [FIXTURE_ADDONS] });
  });
  afterAll(() => t.close());
  const admin = () => ({ Authorization: `Bearer ${t.adminToken}` });

  describe('authentication', () => {
    it('answers health without credentials', async () => {
      await t.http.get('/api/health').expect(200, { status: 'ok' });
    });

    it('logs in with a bearer token and an HttpOnly cookie', async () => {
      const res = await t.http.post('/api/auth/login').send({ login: 'admin', password: 'admin' }).expect(200);
      expect(res.body.token).toEqual(expect.any(String));
      expect(res.body.user).toMatchObject({ login: 'admin', groups: expect.arrayContaining(['admin', 'user']) });
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/lc_session=/);
      expect(cookie).toMatch(/HttpOnly/);
      await t.http.get('/api/me').set('Cookie', cookie.split(';')[0]).expect(200);
      await t.http.get('/api/me').set('Authorization', `Bearer ${res.body.token}`).expect(200);
    });

    it('refuses a wrong password or unknown login alike, with 401 and no hint', async () => {
      const wrong = await t.http.post('/api/auth/login').send({ login: 'admin', password: 'nope' }).expect(401);
      const unknown = await t.http.post('/api/auth/login').send({ login: 'ghost', password: 'nope' }).expect(401);
      expect(wrong.body.message).toBe(unknown.body.message);
    });

    it('answers 401 without credentials or with a bad token', async () => {
      await t.http.get('/api/me').expect(401);
      await t.http.get('/api/me').set('Authorization', 'Bearer not-a-token').expect(401);
      await t.http.get('/api/menus').set('Cookie', 'lc_session=forged').expect(401);
    });

    it('logs out: the token stops working', async () => {
      const token = await t.login('admin', 'admin');
      await t.http.post('/api/auth/logout').set('Authorization', `Bearer ${token}`).expect(200);
      await t.http.get('/api/me').set('Authorization', `Bearer ${token}`).expect(401);
    });

    it('limits failed logins per login with 429, and only for that login', async () => {
      await t.createUser('victim', []);
      for (let i = 0; i < t.config.rateLimits.failedLoginsPerMinute; i++) {
        await t.http.post('/api/auth/login').send({ login: 'victim', password: 'wrong-password' }).expect(401);
      }
      await t.http.post('/api/auth/login').send({ login: 'victim', password: 'password1' }).expect(429);
      await t.http.post('/api/auth/login').send({ login: 'admin', password: 'admin' }).expect(200);
    });
  });

  describe('users', () => {
    it('lets an admin create a plain internal user with groups [] and lang en-US', async () => {
      const res = await t.http.post('/api/users').set(admin()).send({ login: 'plain', name: 'Plain User', password: 'password1', groups: [] }).expect(201);
      expect(res.body).toEqual({ id: expect.any(Number), login: 'plain', name: 'Plain User', groups: ['user'], lang: 'en-US', active: true });
      const me = await t.http.get('/api/me').set('Authorization', `Bearer ${await t.login('plain', 'password1')}`).expect(200);
      expect(me.body).toEqual({ id: res.body.id, login: 'plain', name: 'Plain User', groups: ['user'], lang: 'en-US', livechatUsername: null, livechatLanguages: [] });
    });

    it('expands implied groups', async () => {
      const res = await t.http.post('/api/users').set(admin()).send({ login: 'mgr', name: 'Manager', password: 'password1', groups: ['livechat_manager'] }).expect(201);
      expect(res.body.groups).toEqual(['user', 'livechat_operator', 'livechat_manager']);
    });

    it('forbids non-admins with 403', async () => {
      const { token } = await t.createUser('notadmin', ['livechat_manager']);
      await t.http.post('/api/users').set('Authorization', `Bearer ${token}`).send({ login: 'x', name: 'X', password: 'password1', groups: [] }).expect(403);
      await t.http.post('/api/languages/fr-FR/enable').set('Authorization', `Bearer ${token}`).expect(403);
      await t.http.post('/api/modules/demo_beta/disable').set('Authorization', `Bearer ${token}`).expect(403);
    });

    it.each([
      [{ login: 'a', name: 'A', password: 'password1', groups: [], role: 'x' }, 'role'],
      [{ name: 'A', password: 'password1', groups: [] }, 'login'],
      [{ login: 'a', name: 'A'.repeat(101), password: 'password1', groups: [] }, 'name'],
      [{ login: 'a', name: 'A', password: 'short', groups: [] }, 'password'],
      [{ login: 'a', name: 'A', password: 'password1', groups: ['root'] }, 'groups'],
      [{ login: 'a', name: 42, password: 'password1', groups: [] }, 'name'],
      [{ login: 'a', name: 'A', password: 'password1', groups: 'admin' }, 'groups'],
      [{ login: 'a', name: 'A', password: 'password1', groups: [], lang: 'xx-XX' }, 'lang'],
    ])('refuses %j with 400 naming %s and writes nothing', async (body, field) => {
      const before = (await t.http.get('/api/users').set(admin()).expect(200)).body.length;
      const res = await t.http.post('/api/users').set(admin()).send(body).expect(400);
      expect(JSON.stringify(res.body.message)).toContain(field);
      expect((await t.http.get('/api/users').set(admin())).body.length).toBe(before);
    });

    it('refuses a duplicate login with 409', async () => {
      await t.http.post('/api/users').set(admin()).send({ login: 'admin', name: 'Again', password: 'password1', groups: [] }).expect(409);
    });

    it('answers malformed JSON with 400, a malformed id with 400 and an unknown id with 404', async () => {
      await t.http.post('/api/users').set(admin()).set('Content-Type', 'application/json').send('{"login":').expect(400);
      await t.http.patch('/api/users/abc').set(admin()).send({ name: 'X' }).expect(400);
      await t.http.patch('/api/users/0').set(admin()).send({ name: 'X' }).expect(400);
      await t.http.patch('/api/users/99999').set(admin()).send({ name: 'X' }).expect(404);
    });

    it('lets an admin change name, groups and password', async () => {
      const { id } = await t.createUser('edited', []);
      const res = await t.http.patch(`/api/users/${id}`).set(admin()).send({ name: 'Edited Name', groups: ['livechat_operator'], password: 'password2' }).expect(200);
      expect(res.body).toMatchObject({ name: 'Edited Name', groups: ['user', 'livechat_operator'] });
      await t.login('edited', 'password2');
    });
  });

  describe('groups', () => {
    it('lists the groups the modules declare, with their implications, for admins', async () => {
      const groups = (await t.http.get('/api/groups').auth(t.adminToken, { type: 'bearer' }).expect(200)).body;
      expect(groups.map((g: { id: string }) => g.id)).toEqual(expect.arrayContaining(['user', 'admin', 'livechat_operator', 'livechat_manager']));
      expect(groups.find((g: { id: string }) => g.id === 'admin').implies).toEqual(expect.arrayContaining(['livechat_manager', 'livechat_operator', 'user']));
      expect(groups.find((g: { id: string }) => g.id === 'livechat_manager')).toMatchObject({ module: 'livechat', label: 'Live Chat Manager' });
    });

    it('refuses a group no module declares, naming it, and creates nobody', async () => {
      const res = await t.http.post('/api/users').auth(t.adminToken, { type: 'bearer' }).send({ login: 'ghost', name: 'Ghost', password: 'password1', groups: ['root'] }).expect(400);
      expect(res.body.message).toEqual([expect.stringContaining('unknown group "root"')]);
      const users = (await t.http.get('/api/users').auth(t.adminToken, { type: 'bearer' })).body;
      expect(users.map((u: { login: string }) => u.login)).not.toContain('ghost');
    });
  });

  describe('languages', () => {
    it('lists the full catalogue with names, en-US enabled', async () => {
      const res = await t.http.get('/api/languages').set(admin()).expect(200);
      expect(res.body.length).toBeGreaterThan(50);
      expect(res.body).toContainEqual({ code: 'en-US', name: 'English (United States)', enabled: true });
      expect(res.body).toContainEqual({ code: 'fr-FR', name: 'French (France)', enabled: false });
    });

    it('enables and disables a language; en-US cannot be disabled; unknown is 404', async () => {
      await t.http.post('/api/languages/fr-FR/enable').set(admin()).expect(200, { code: 'fr-FR', name: 'French (France)', enabled: true });
      expect((await t.http.get('/api/languages').set(admin())).body).toContainEqual({ code: 'fr-FR', name: 'French (France)', enabled: true });
      await t.http.post('/api/languages/fr-FR/disable').set(admin()).expect(200, { code: 'fr-FR', name: 'French (France)', enabled: false });
      await t.http.post('/api/languages/en-US/disable').set(admin()).expect(409);
      await t.http.post('/api/languages/xx-XX/enable').set(admin()).expect(404);
    });
  });

  describe('modules and menus', () => {
    it('lists every module with its state', async () => {
      const res = await t.http.get('/api/modules').set(admin()).expect(200);
      expect(res.body).toContainEqual({ name: 'base', label: 'Base', summary: expect.any(String), depends: [], application: false, enabled: true, required: true });
      expect(res.body).toContainEqual(expect.objectContaining({ name: 'demo_beta', depends: ['demo_alpha'], enabled: true }));
    });

    it('refuses to disable a module an enabled module depends on (409 naming it), and base', async () => {
      const res = await t.http.post('/api/modules/demo_alpha/disable').set(admin()).expect(409);
      expect(res.body.message).toContain('demo_beta');
      await t.http.post('/api/modules/base/disable').set(admin()).expect(409);
      await t.http.post('/api/modules/nope/disable').set(admin()).expect(404);
    });

    it('disabling hides routes (404) and menus at once; enabling brings back the dependencies too', async () => {
      await t.http.get('/api/demo-alpha/ping').set(admin()).expect(200, { pong: true });
      await t.http.post('/api/modules/demo_beta/disable').set(admin()).expect(200);
      await t.http.post('/api/modules/demo_alpha/disable').set(admin()).expect(200);
      await t.http.get('/api/demo-alpha/ping').set(admin()).expect(404);
      let menus = (await t.http.get('/api/menus').set(admin())).body;
      expect(menus.map((m: { id: string }) => m.id)).not.toContain('demo_alpha');

      const res = await t.http.post('/api/modules/demo_beta/enable').set(admin()).expect(200);
      expect(res.body.enabled).toBe(true);
      const modules = (await t.http.get('/api/modules').set(admin())).body;
      expect(modules.find((m: { name: string }) => m.name === 'demo_alpha').enabled).toBe(true);
      await t.http.get('/api/demo-alpha/ping').set(admin()).expect(200);
      menus = (await t.http.get('/api/menus').set(admin())).body;
      const alpha = menus.find((m: { id: string }) => m.id === 'demo_alpha');
      expect(alpha.children.map((c: { id: string }) => c.id)).toEqual(['demo_alpha.things', 'demo_alpha.config', 'demo_beta.extra']);
    });

    it('filters menus by group: plain users see neither admin apps nor manager sections', async () => {
      const { token } = await t.createUser('menuuser', []);
      const menus = (await t.http.get('/api/menus').set('Authorization', `Bearer ${token}`).expect(200)).body;
      expect(menus.map((m: { id: string }) => m.id)).toEqual(['discuss', 'demo_alpha']); // no Live Chat, Apps or Settings
      const alpha = menus.find((m: { id: string }) => m.id === 'demo_alpha');
      expect(alpha.children.map((c: { id: string }) => c.id)).toEqual(['demo_alpha.things', 'demo_beta.extra']);
      const adminMenus = (await t.http.get('/api/menus').set(admin())).body;
      expect(adminMenus.map((m: { id: string }) => m.id)).toEqual(expect.arrayContaining(['base.apps', 'base.settings', 'demo_alpha']));
    });
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.http.get('/api/docs/openapi.json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/modules/{name}/enable']));
  });
});
