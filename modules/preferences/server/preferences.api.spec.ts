import { createTestApp, type TestApp } from '@lc/testing';

describe('preferences API', () => {
  let t: TestApp;
  let user: { id: number; token: string };
  beforeAll(async () => {
    t = await createTestApp();
    for (const code of ['fr-FR', 'es-ES']) await t.http.post(`/api/languages/${code}/enable`).auth(t.adminToken, { type: 'bearer' }).expect(200);
    user = await t.createUser('operator1', ['livechat_operator']);
  });
  afterAll(() => t.close());
  const patch = (body: unknown, token = user.token) => t.http.patch('/api/me/preferences').auth(token, { type: 'bearer' }).send(body as object);

  it('sets the Online Chat Name (trimmed) and languages, returned by /api/me', async () => {
    const res = await patch({ livechatUsername: '  Jo  ', livechatLanguages: ['fr-FR', 'es-ES'] }).expect(200);
    expect(res.body).toMatchObject({ id: user.id, livechatUsername: 'Jo', livechatLanguages: ['fr-FR', 'es-ES'] });
    const me = await t.http.get('/api/me').auth(user.token, { type: 'bearer' }).expect(200);
    expect(me.body).toEqual(res.body);
  });

  it('turns an empty name into null (visitors then see the user name)', async () => {
    const res = await patch({ livechatUsername: '   ' }).expect(200);
    expect(res.body.livechatUsername).toBeNull();
    expect(res.body.name).toBe('User operator1');
  });

  it('drops duplicate languages and accepts any case', async () => {
    const res = await patch({ livechatLanguages: ['fr-FR', 'FR-fr', 'es-ES', 'fr-FR'] }).expect(200);
    expect(res.body.livechatLanguages).toEqual(['fr-FR', 'es-ES']);
  });

  it.each([
    [{ livechatLanguages: ['de-DE'] }, 'de-DE'],
    [{ livechatLanguages: ['xx-YY'] }, 'xx-YY'],
    [{ livechatLanguages: 'fr-FR' }, 'livechatLanguages'],
    [{ livechatUsername: 'x'.repeat(65) }, 'livechatUsername'],
    [{ livechatUsername: 12 }, 'livechatUsername'],
    [{ lang: 'de-DE' }, 'de-DE'],
    [{ name: 'Not a preference' }, 'name'],
  ])('refuses %j with 400 naming %s and changes nothing', async (body, named) => {
    const before = (await t.http.get('/api/me').auth(user.token, { type: 'bearer' })).body;
    const res = await patch(body).expect(400);
    expect(JSON.stringify(res.body.message)).toContain(named);
    expect((await t.http.get('/api/me').auth(user.token, { type: 'bearer' })).body).toEqual(before);
  });

  it('accepts a 64-character name', async () => {
    await patch({ livechatUsername: 'n'.repeat(64) }).expect(200);
  });

  it('changes the main language to an enabled one', async () => {
    const res = await patch({ lang: 'fr-FR' }).expect(200);
    expect(res.body.lang).toBe('fr-FR');
  });

  it('changes only the caller: another user is untouched', async () => {
    const other = await t.createUser('operator2', ['livechat_operator']);
    await patch({ livechatUsername: 'Only me' }, other.token).expect(200);
    const me = await t.http.get('/api/me').auth(user.token, { type: 'bearer' }).expect(200);
    expect(me.body.livechatUsername).not.toBe('Only me');
  });

  it('keeps a language disabled after it was chosen, and refuses adding it again elsewhere', async () => {
    await patch({ livechatLanguages: ['fr-FR', 'es-ES'] }).expect(200);
    await t.http.post('/api/languages/es-ES/disable').auth(t.adminToken, { type: 'bearer' }).expect(200);
    const me = await t.http.get('/api/me').auth(user.token, { type: 'bearer' }).expect(200);
    expect(me.body.livechatLanguages).toEqual(['fr-FR', 'es-ES']);
    await patch({ livechatLanguages: ['fr-FR', 'es-ES'] }).expect(200);
    const newcomer = await t.createUser('operator3', ['livechat_operator']);
    const res = await patch({ livechatLanguages: ['es-ES'] }, newcomer.token).expect(400);
    expect(JSON.stringify(res.body.message)).toContain('es-ES');
  });

  it('requires a session', async () => {
    await t.http.patch('/api/me/preferences').send({ livechatUsername: 'x' }).expect(401);
  });
});
