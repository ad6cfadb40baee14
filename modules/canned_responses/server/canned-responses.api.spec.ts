import { createTestApp, type TestApp } from '@lc/testing';

describe('canned responses API', () => {
  let t: TestApp;
  let op1: { id: number; token: string };
  let op2: { id: number; token: string };
  let manager: { id: number; token: string };
  let plain: { id: number; token: string };
  beforeAll(async () => {
    t = await createTestApp();
    op1 = await t.createUser('cr_op1', ['livechat_operator']);
    op2 = await t.createUser('cr_op2', ['livechat_operator']);
    manager = await t.createUser('cr_mgr', ['livechat_manager']);
    plain = await t.createUser('cr_plain', []);
  });
  afterAll(() => t.close());

  const as = (who: { token: string }) => ({ Authorization: `Bearer ${who.token}` });
  const create = (who: { token: string }, body: object) => t.http.post('/api/canned-responses').set(as(who)).send(body);
  const shortcuts = async (who: { token: string }) => (await t.http.get('/api/canned-responses').set(as(who)).expect(200)).body.map((r: { shortcut: string }) => r.shortcut);

  it('lets an operator create, read, update and delete their own, with the shortcut normalised', async () => {
    const created = await create(op1, { shortcut: ' /Hello ', body: '  Hello! How can I help you today?  ' }).expect(201);
    expect(created.body).toEqual({
      id: expect.any(Number),
      shortcut: 'hello',
      body: 'Hello! How can I help you today?',
      owner: { id: op1.id, name: 'User cr_op1' },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const id = created.body.id;
    await t.http.get(`/api/canned-responses/${id}`).set(as(op1)).expect(200, created.body);
    const updated = await t.http.patch(`/api/canned-responses/${id}`).set(as(op1)).send({ body: 'Hi there!' }).expect(200);
    expect(updated.body).toMatchObject({ id, shortcut: 'hello', body: 'Hi there!' });
    await create(op1, { shortcut: ':price', body: 'Our plans start at 10 € a month.' }).expect(201);
    expect(await shortcuts(op1)).toEqual(['hello', 'price']);

    const temporary = await create(op1, { shortcut: 'tmp', body: 'x' }).expect(201);
    await t.http.delete(`/api/canned-responses/${temporary.body.id}`).set(as(op1)).expect(204);
    await t.http.get(`/api/canned-responses/${temporary.body.id}`).set(as(op1)).expect(404);
  });

  it("hides other operators' responses from an operator (404), and shows everyone's to managers", async () => {
    const theirs = await create(op2, { shortcut: 'bye', body: 'Have a nice day!' }).expect(201);
    expect(await shortcuts(op1)).not.toContain('bye');
    await t.http.get(`/api/canned-responses/${theirs.body.id}`).set(as(op1)).expect(404);
    await t.http.patch(`/api/canned-responses/${theirs.body.id}`).set(as(op1)).send({ body: 'hijacked' }).expect(404);
    await t.http.delete(`/api/canned-responses/${theirs.body.id}`).set(as(op1)).expect(404);

    expect(await shortcuts(manager)).toEqual(expect.arrayContaining(['hello', 'price', 'bye']));
    const edited = await t.http.patch(`/api/canned-responses/${theirs.body.id}`).set(as(manager)).send({ body: 'Goodbye, and thank you!' }).expect(200);
    expect(edited.body.owner).toEqual({ id: op2.id, name: 'User cr_op2' }); // still theirs
    const admin = { token: t.adminToken };
    expect(await shortcuts(admin)).toEqual(expect.arrayContaining(['hello', 'bye']));
  });

  it('refuses users who are not live chat operators with 403, and anonymous requests with 401', async () => {
    await t.http.get('/api/canned-responses').set(as(plain)).expect(403);
    await create(plain, { shortcut: 'nope', body: 'x' }).expect(403);
    await t.http.get('/api/canned-responses').expect(401);
  });

  it('refuses a shortcut its owner already has with 409, but lets another user take it', async () => {
    await create(op1, { shortcut: 'dup', body: 'first' }).expect(201);
    const again = await create(op1, { shortcut: '/DUP', body: 'second' }).expect(409);
    expect(again.body.message).toContain('/dup');
    await create(op2, { shortcut: 'dup', body: 'mine too' }).expect(201);
    const other = await create(op1, { shortcut: 'dup2', body: 'x' }).expect(201);
    await t.http.patch(`/api/canned-responses/${other.body.id}`).set(as(op1)).send({ shortcut: 'dup' }).expect(409);
  });

  it('keeps one of several simultaneous creations of the same shortcut, answering the others 409 (never 500)', async () => {
    const statuses = await Promise.all(Array.from({ length: 6 }, (_, i) => create(op2, { shortcut: 'race', body: `try ${i}` }).then((r) => r.status)));
    expect(statuses.sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect((await shortcuts(op2)).filter((s: string) => s === 'race')).toHaveLength(1);
  });

  it.each([
    ['a missing shortcut', { body: 'no shortcut' }, 'shortcut'],
    ['a shortcut with a space', { shortcut: 'hello world', body: 'x' }, 'shortcut'],
    ['a bare trigger', { shortcut: '/', body: 'x' }, 'shortcut'],
    ['a 33-character shortcut', { shortcut: 'x'.repeat(33), body: 'x' }, 'shortcut'],
    ['a number as shortcut', { shortcut: 42, body: 'x' }, 'shortcut'],
    ['a blank body', { shortcut: 'ok1', body: '   ' }, 'body'],
    ['a 4001-character body', { shortcut: 'ok2', body: 'x'.repeat(4001) }, 'body'],
    ['an unknown field', { shortcut: 'ok3', body: 'x', ownerId: 1 }, 'ownerId'],
    ['a NUL character (PostgreSQL cannot store it)', { shortcut: 'ok4', body: 'a\u0000b' }, 'body'],
  ])('refuses %s with 400 naming the field and stores nothing', async (_case, body, field) => {
    const before = (await shortcuts(op1)).length;
    const res = await create(op1, body).expect(400);
    expect(JSON.stringify(res.body.message)).toContain(field);
    expect((await shortcuts(op1)).length).toBe(before);
  });

  it('refuses bad updates and ids with 400, unknown ids with 404', async () => {
    const { body } = await create(op1, { shortcut: 'upd', body: 'x' }).expect(201);
    await t.http.patch(`/api/canned-responses/${body.id}`).set(as(op1)).send({ shortcut: null }).expect(400);
    await t.http.patch(`/api/canned-responses/${body.id}`).set(as(op1)).send({ body: '' }).expect(400);
    await t.http.patch(`/api/canned-responses/${body.id}`).set(as(op1)).send({ owner: 3 }).expect(400);
    await t.http.get('/api/canned-responses/abc').set(as(op1)).expect(400);
    await t.http.get('/api/canned-responses/0').set(as(op1)).expect(400);
    await t.http.get('/api/canned-responses/999999').set(as(op1)).expect(404);
    await t.http.delete('/api/canned-responses/999999').set(as(op1)).expect(404);
    expect((await t.http.get(`/api/canned-responses/${body.id}`).set(as(op1)).expect(200)).body.shortcut).toBe('upd');
  });

  it('disappears with its menu while the module is disabled, and comes back with its data', async () => {
    const admin = { Authorization: `Bearer ${t.adminToken}` };
    const menuIds = async () => {
      const ids: string[] = [];
      const visit = (nodes: Array<{ id: string; children: unknown[] }>) => nodes.forEach((n) => (ids.push(n.id), visit(n.children as never)));
      visit((await t.http.get('/api/menus').set(admin).expect(200)).body);
      return ids;
    };
    expect(await menuIds()).toEqual(expect.arrayContaining(['livechat', 'livechat.configuration', 'canned_responses.list']));
    const livechat = (await t.http.get('/api/menus').set(admin)).body.find((m: { id: string }) => m.id === 'livechat');
    const configuration = livechat.children.find((c: { id: string }) => c.id === 'livechat.configuration');
    expect(configuration.children.map((c: { id: string }) => c.id)).toEqual(['livechat.blocks', 'canned_responses.list']);

    await t.http.post('/api/modules/canned_responses/disable').set(admin).expect(200);
    await t.http.get('/api/canned-responses').set(as(op1)).expect(404);
    await create(op1, { shortcut: 'off', body: 'x' }).expect(404);
    expect(await menuIds()).not.toContain('canned_responses.list');

    await t.http.post('/api/modules/canned_responses/enable').set(admin).expect(200);
    expect(await shortcuts(op1)).toContain('hello');
    expect(await menuIds()).toContain('canned_responses.list');
  });

  it('is listed in Apps with its dependency on discuss, and cannot outlive discuss', async () => {
    const admin = { Authorization: `Bearer ${t.adminToken}` };
    const modules = (await t.http.get('/api/modules').set(admin).expect(200)).body;
    expect(modules).toContainEqual(expect.objectContaining({ name: 'canned_responses', depends: ['discuss'], enabled: true }));
    const refused = await t.http.post('/api/modules/discuss/disable').set(admin).expect(409);
    expect(refused.body.message).toContain('canned_responses');
  });
});
