import { Api, closeSockets, connect, dropSchema, nextEvent, POSTGRES_URL, REDIS_URL, startServer, uniqueName, waitFor, type ServerProcess } from './harness';

/**
 * Switching a module on one process of two (PostgreSQL + Redis): every open shell hears of it at once,
 * the other process already answers with the new state when that shell asks (menus, 404s), and the
 * live chats the switch ends are told to visitors and operators connected to the other process.
 */
describe('two processes: enabling and disabling modules', () => {
  const schema = uniqueName('mods');
  const env = { DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA: schema, REDIS_URL, REDIS_KEY_PREFIX: `lc-test:${schema}` };
  let A: ServerProcess;
  let B: ServerProcess;
  let apiA: Api;
  let apiB: Api;
  let admin: string;

  beforeAll(async () => {
    [A, B] = await Promise.all([startServer('A', env), startServer('B', env)]);
    apiA = new Api(A.url);
    apiB = new Api(B.url);
    admin = await apiA.login('admin', 'admin');
  }, 90_000);

  afterAll(async () => {
    closeSockets();
    await Promise.all([A?.kill('SIGKILL'), B?.kill('SIGKILL')]);
    await dropSchema(schema);
  });

  const menuIds = async (api: Api, token: string) => ((await api.ok('GET', '/api/menus', { token })) as Array<{ id: string }>).map((m) => m.id);
  const livechatState = (enabled: boolean) => (e: { modules: Array<{ name: string; enabled: boolean }> }) => e.modules.some((m) => m.name === 'livechat' && m.enabled === enabled);

  it('disabling Live Chat through A: shells on B hear it at once, B has the new menus and 404s, its live chats end', async () => {
    const op = await apiA.createUser(admin, 'op', ['livechat_operator']);
    const opSocket = await connect(B.url, { token: op.token });
    await waitFor(async () => expect(await apiB.ok('GET', '/api/presence', { token: op.token })).toContainEqual({ userId: op.id, status: 'online' }));
    const channelId = (await apiA.ok('POST', '/api/livechat/channels', { token: admin, body: { name: 'Shop' } })).id;
    await apiB.ok('POST', `/api/livechat/channels/${channelId}/join`, { token: op.token });
    const session = await apiB.ok('POST', `/api/livechat/channels/${channelId}/sessions`, { body: {} });
    expect(session).toMatchObject({ status: 'active', operator: { id: op.id } });
    const visitor = await connect(B.url, { visitorToken: session.visitorToken });
    expect(await menuIds(apiB, op.token)).toContain('livechat');

    const heard = nextEvent(opSocket, 'modules', livechatState(false));
    const visitorTold = nextEvent(visitor, 'livechat.session', (e) => e.sessionId === session.sessionId && e.status === 'ended');
    const operatorTold = nextEvent(opSocket, 'conversation', (c) => c.id === session.conversationId && c.livechat?.status === 'ended');
    await apiA.ok('POST', '/api/modules/livechat/disable', { token: admin });
    await heard;
    // Right away, well within the 2 s periodic refresh: B has adopted what A announced.
    expect(await menuIds(apiB, op.token)).not.toContain('livechat');
    expect((await apiB.call('GET', '/api/livechat/channels', { token: op.token })).status).toBe(404);
    expect((await visitorTold).reason).toMatch(/switched off/);
    expect((await operatorTold).lastMessage).toMatchObject({ author: { kind: 'system' } });
  });

  it('enabling it again through B: shells on A hear it at once and A serves it again', async () => {
    const user = await apiB.createUser(admin, 'plain', []);
    const socket = await connect(A.url, { token: user.token });
    const heard = nextEvent(socket, 'modules', livechatState(true));
    await apiB.ok('POST', '/api/modules/livechat/enable', { token: admin });
    await heard;
    expect(await menuIds(apiA, admin)).toContain('livechat');
    expect((await apiA.call('GET', '/api/livechat/channels', { token: admin })).status).toBe(200);
  });
});
