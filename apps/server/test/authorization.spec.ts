import type { Socket } from 'socket.io-client';
import { createTestApp, startSmtpInbox, waitFor, type SmtpInbox, type TestApp } from '@lc/testing';

/**
 * Every route and socket event × every kind of caller → the expected status (DESIGN "Public API v1").
 * Callers: anonymous, the visitor of the session, a visitor of another session, an operator who is not a
 * member (nor the operator of the session), the session's operator, a livechat manager, an admin.
 */
const ROLES = ['anonymous', 'visitor', 'otherVisitor', 'nonMember', 'operator', 'manager', 'admin'] as const;
type Role = (typeof ROLES)[number];
type Expected = Record<Role, number | string>;

/** Same status for every internal user, and for the callers who are not users. */
const users = (anonymous: number, user: number): Expected => ({ anonymous, visitor: anonymous, otherVisitor: anonymous, nonMember: user, operator: user, manager: user, admin: user });
const groups = (operator: number, manager: number, admin: number): Expected => ({ anonymous: 401, visitor: 401, otherVisitor: 401, nonMember: operator, operator, manager, admin });
const all = (status: number): Expected => users(status, status);

describe('authorization matrix', () => {
  let t: TestApp;
  let inbox: SmtpInbox;
  let counter = 0;
  const token: Partial<Record<Role, string>> = {};
  const visitorToken: Partial<Record<Role, string>> = {};
  let ids: { operator: number; nonMember: number; channel: number; spareChannel: number; session: number; conversation: number; internalChannel: number; openChannel: number; invitee: number; endedSession: number };

  /** A canned response of `operator`'s, for routes that read or change one. */
  const operatorsCannedResponse = async () => (await t.http.post('/api/canned-responses').auth(token.operator!, { type: 'bearer' }).send({ shortcut: `own${++counter}`, body: 'Hi' }).expect(201)).body;

  /** A session of the shared channel (its only operator is `operator`), for routes that change it. */
  const newSession = async () => (await t.http.post(`/api/livechat/channels/${ids.channel}/sessions`).send({}).expect(201)).body;

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    t = await createTestApp({ smtpUrl: inbox.url, rateLimits: { visitorSessionStartsPerMinute: 10_000, visitorMessagesPer10s: 10_000, failedLoginsPerMinute: 10, socketEventsPerSecond: 10_000 } });
    token.admin = t.adminToken;
    token.manager = (await t.createUser('manager', ['livechat_manager'])).token;
    const operator = await t.createUser('operator', ['livechat_operator']);
    const nonMember = await t.createUser('nonmember', ['livechat_operator']);
    token.operator = operator.token;
    token.nonMember = nonMember.token;
    const channel = (await t.http.post('/api/livechat/channels').auth(t.adminToken, { type: 'bearer' }).send({ name: 'Matrix' }).expect(201)).body.id;
    const spareChannel = (await t.http.post('/api/livechat/channels').auth(t.adminToken, { type: 'bearer' }).send({ name: 'Spare' }).expect(201)).body.id;
    const socket = await t.connect({ token: operator.token });
    await waitFor(async () => expect((await t.http.get('/api/presence').auth(t.adminToken, { type: 'bearer' })).body).toContainEqual({ userId: operator.id, status: 'online' }));
    await t.http.post(`/api/livechat/channels/${channel}/join`).auth(operator.token, { type: 'bearer' }).expect(200);
    const internal = (await t.http.post('/api/discuss/channels').auth(operator.token, { type: 'bearer' }).send({ name: 'Operators only' }).expect(201)).body.id;
    const open = (await t.http.post('/api/discuss/channels').auth(operator.token, { type: 'bearer' }).send({ name: 'Anyone may join' }).expect(201)).body.id;
    ids = { invitee: (await t.createUser('invitee', [])).id, operator: operator.id, nonMember: nonMember.id, channel, spareChannel, session: 0, conversation: 0, internalChannel: internal, openChannel: open, endedSession: 0 };
    const mine = await newSession();
    const other = await newSession();
    expect(mine.operator.id).toBe(operator.id);
    ids.session = mine.sessionId;
    ids.conversation = mine.conversationId;
    visitorToken.visitor = mine.visitorToken;
    visitorToken.otherVisitor = other.visitorToken;
    // A second, ended chat of the same visitor (their token carries over), answered by `operator`: rated below.
    const ended = (await t.http.post(`/api/livechat/channels/${channel}/sessions`).set('X-Visitor-Token', mine.visitorToken).send({}).expect(201)).body;
    await t.http.post(`/api/livechat/sessions/${ended.sessionId}/close`).set('X-Visitor-Token', mine.visitorToken).expect(200);
    ids.endedSession = ended.sessionId;
    socket.disconnect();
  });
  afterAll(async () => {
    await t.close();
    await inbox.close();
  });

  interface Route {
    method: 'get' | 'post' | 'patch' | 'delete';
    /** With `:key` standing for ids[key]. */
    path: string;
    /** The test's name, for routes whose path `fresh` makes. */
    name?: string;
    body?: () => object | Promise<object>;
    /** Called before each caller when the route changes what it acts on (a session to close...). */
    fresh?: () => Promise<{ path: string }>;
    expected: Expected;
  }

  const routes: Route[] = [
    { method: 'get', path: '/api/health', expected: all(200) },
    { method: 'get', path: '/api/me', expected: users(401, 200) },
    { method: 'patch', path: '/api/me/preferences', body: () => ({}), expected: users(401, 200) },
    // A wrong current password: the guard let the user through to the check (a right one would end their other sessions).
    { method: 'post', path: '/api/me/password', body: () => ({ currentPassword: 'not-the-password', newPassword: 'password2' }), expected: users(401, 400) },
    { method: 'get', path: '/api/auth/setup', expected: all(200) },
    { method: 'get', path: '/api/users', expected: groups(403, 403, 200) },
    { method: 'get', path: '/api/groups', expected: users(401, 200) },
    { method: 'post', path: '/api/users', body: () => ({ login: `u${++counter}`, name: 'U', password: 'password1', groups: [] }), expected: groups(403, 403, 201) },
    { method: 'patch', path: '/api/users/:nonMember', body: () => ({ name: 'Non Member' }), expected: groups(403, 403, 200) },
    { method: 'patch', path: '/api/users/:invitee', body: () => ({ active: true }), expected: groups(403, 403, 200) },
    { method: 'get', path: '/api/languages', expected: users(401, 200) },
    { method: 'post', path: '/api/languages/fr-FR/enable', expected: groups(403, 403, 200) },
    { method: 'post', path: '/api/languages/fr-FR/disable', expected: groups(403, 403, 200) },
    { method: 'get', path: '/api/modules', expected: users(401, 200) },
    { method: 'post', path: '/api/modules/preferences/enable', expected: groups(403, 403, 200) },
    { method: 'get', path: '/api/modules/canned_responses/disable-impact', expected: groups(403, 403, 200) },
    { method: 'get', path: '/api/menus', expected: users(401, 200) },
    { method: 'get', path: '/api/presence', expected: users(401, 200) },
    { method: 'get', path: '/api/presence/config', expected: users(401, 200) },
    { method: 'get', path: '/api/livechat/channels', expected: users(401, 200) },
    { method: 'post', path: '/api/livechat/channels', body: () => ({ name: `C${++counter}` }), expected: groups(403, 201, 201) },
    { method: 'patch', path: '/api/livechat/channels/:spareChannel', body: () => ({ buttonText: 'Hi' }), expected: groups(403, 200, 200) },
    { method: 'post', path: '/api/livechat/channels/:spareChannel/join', expected: groups(200, 200, 200) },
    { method: 'post', path: '/api/livechat/channels/:spareChannel/leave', expected: groups(200, 200, 200) },
    { method: 'get', path: '/api/livechat/sessions?channelId=:channel', expected: groups(403, 200, 200) },
    { method: 'get', path: '/api/livechat/reports/sessions?groupBy=operator', expected: groups(403, 200, 200) },
    // The session's operator and managers read a transcript; another operator is refused (403).
    { method: 'get', path: '/api/livechat/sessions/:session/transcript', expected: { ...groups(403, 200, 200), operator: 200 } },
    // Visitor routes: no user session needed; the visitor's own token where one is asked.
    { method: 'get', path: '/api/livechat/channels/:channel/public', expected: all(200) },
    { method: 'post', path: '/api/livechat/channels/:spareChannel/offline-messages', body: () => ({ email: 'v@example.com', body: 'Call me' }), expected: all(201) },
    { method: 'post', path: '/api/livechat/channels/:spareChannel/sessions', body: () => ({}), expected: all(201) },
    { method: 'get', path: '/api/livechat/sessions/:session/messages', expected: { ...users(401, 401), visitor: 200, otherVisitor: 404 } },
    { method: 'post', path: '/api/livechat/sessions/:session/messages', body: () => ({ body: 'hello' }), expected: { ...users(401, 401), visitor: 201, otherVisitor: 404 } },
    // Only that visitor rates (their ended chat; rating again replaces it).
    { method: 'post', path: '/api/livechat/sessions/:endedSession/rating', body: () => ({ value: 5 }), expected: { ...users(401, 401), visitor: 200, otherVisitor: 404 } },
    // Only that visitor has their conversation mailed (202: the mail goes out after the answer).
    { method: 'post', path: '/api/livechat/sessions/:session/transcript/email', body: () => ({ email: 'v@example.com' }), expected: { ...users(401, 401), visitor: 202, otherVisitor: 404 } },
    {
      method: 'post',
      path: '',
      fresh: async () => ({ path: `/api/livechat/sessions/${(await newSession()).sessionId}/close` }),
      expected: { anonymous: 401, visitor: 'own', otherVisitor: 404, nonMember: 403, operator: 200, manager: 200, admin: 200 },
    },
    // Teamwork: transfer (its operator, managers), help (its operator), join (inside the channel, managers), block.
    { method: 'get', path: '/api/livechat/sessions/:session/transfer-targets', expected: { ...groups(403, 200, 200), operator: 200 } },
    {
      method: 'post',
      path: '',
      name: 'POST /api/livechat/sessions/:session/transfer',
      body: () => ({ channelId: ids.spareChannel }),
      fresh: async () => ({ path: `/api/livechat/sessions/${(await newSession()).sessionId}/transfer` }),
      expected: { ...groups(403, 200, 200), operator: 200 },
    },
    { method: 'post', path: '/api/livechat/sessions/:session/help', body: () => ({ needHelp: true }), expected: { ...groups(403, 403, 403), operator: 200 } },
    { method: 'get', path: '/api/livechat/help-requests', expected: groups(200, 200, 200) },
    // `nonMember` is an operator outside the channel; managers join from anywhere.
    { method: 'post', path: '', name: 'POST /api/livechat/sessions/:session/join', fresh: async () => ({ path: `/api/livechat/sessions/${(await newSession()).sessionId}/join` }), expected: { ...groups(403, 200, 200), operator: 200 } },
    {
      method: 'post',
      path: '',
      name: 'POST /api/livechat/sessions/:session/block',
      body: () => ({ days: 1, reason: 'matrix' }),
      fresh: async () => ({ path: `/api/livechat/sessions/${(await newSession()).sessionId}/block` }),
      expected: { ...groups(403, 201, 201), operator: 201 },
    },
    { method: 'get', path: '/api/livechat/blocks', expected: groups(403, 200, 200) },
    {
      method: 'delete',
      path: '',
      name: 'DELETE /api/livechat/blocks/:id',
      fresh: async () => {
        const session = await newSession();
        const block = await t.http.post(`/api/livechat/sessions/${session.sessionId}/block`).auth(t.adminToken, { type: 'bearer' }).send({}).expect(201);
        return { path: `/api/livechat/blocks/${block.body.id}` };
      },
      expected: groups(403, 204, 204),
    },
    // The visitor reports their pages; the operators in the conversation and managers read who they are.
    { method: 'post', path: '/api/livechat/sessions/:session/pages', body: () => ({ url: 'https://example.com/pricing', title: 'Pricing' }), expected: { ...users(401, 401), visitor: 204, otherVisitor: 404 } },
    { method: 'get', path: '/api/livechat/sessions/:session/visitor', expected: { ...groups(403, 200, 200), operator: 200 } },
    // The widget and its translations: public, for any website.
    { method: 'get', path: '/livechat/widget.js', expected: all(200) },
    { method: 'get', path: '/livechat/i18n/fr-FR.json', expected: all(200) },
    // Canned responses: operators keep their own (another operator does not know of them: 404); managers see everyone's.
    { method: 'get', path: '/api/canned-responses', expected: groups(200, 200, 200) },
    { method: 'post', path: '/api/canned-responses', body: () => ({ shortcut: `s${++counter}`, body: 'Hello!' }), expected: groups(201, 201, 201) },
    ...(['get', 'patch', 'delete'] as const).map(
      (method): Route => ({
        method,
        path: '',
        name: `${method.toUpperCase()} /api/canned-responses/:id (the operator's own)`,
        body: method === 'patch' ? () => ({ body: 'Hello again!' }) : undefined,
        fresh: async () => ({ path: `/api/canned-responses/${(await operatorsCannedResponse()).id}` }),
        expected: { ...groups(404, method === 'delete' ? 204 : 200, method === 'delete' ? 204 : 200), operator: method === 'delete' ? 204 : 200 },
      }),
    ),
    // Discuss: a live chat is known only to its members (404 for anyone else, managers and admins too).
    { method: 'get', path: '/api/discuss/conversations', expected: users(401, 200) },
    { method: 'get', path: '/api/discuss/conversations/:conversation', expected: { ...users(401, 404), operator: 200 } },
    { method: 'get', path: '/api/discuss/conversations/:conversation/messages', expected: { ...users(401, 404), operator: 200 } },
    { method: 'post', path: '/api/discuss/conversations/:conversation/messages', body: () => ({ body: 'reply' }), expected: { ...users(401, 404), operator: 201 } },
    { method: 'post', path: '/api/discuss/conversations/:conversation/seen', body: () => ({ lastMessageId: 0 }), expected: { ...users(401, 404), operator: 200 } },
    // An internal channel is known to every colleague: 403 for those not in it.
    { method: 'get', path: '/api/discuss/conversations/:internalChannel/messages', expected: { ...users(401, 403), operator: 200 } },
    { method: 'post', path: '/api/discuss/conversations/:internalChannel/messages', body: () => ({ body: 'x' }), expected: { ...users(401, 403), operator: 201 } },
    { method: 'post', path: '/api/discuss/conversations/:internalChannel/members', body: () => ({ userId: ids.invitee }), expected: { ...users(401, 403), operator: 200 } },
    { method: 'get', path: '/api/discuss/users', expected: users(401, 200) },
    { method: 'get', path: '/api/discuss/channels', expected: users(401, 200) },
    { method: 'post', path: '/api/discuss/channels', body: () => ({ name: `D${++counter}` }), expected: users(401, 201) },
    { method: 'post', path: '/api/discuss/channels/:openChannel/join', expected: users(401, 200) },
    { method: 'post', path: '/api/discuss/chats', body: () => ({ userId: ids.nonMember }), expected: { ...users(401, 201), nonMember: 400 } },
  ];

  const resolve = (path: string) => path.replace(/:(\w+)/g, (_m, key: keyof typeof ids) => String(ids[key]));

  function call(method: Route['method'], path: string, role: Role, body?: object) {
    let req = t.http[method](path);
    if (role === 'visitor' || role === 'otherVisitor') req = req.set('X-Visitor-Token', visitorToken[role]!);
    else if (role !== 'anonymous') req = req.auth(token[role]!, { type: 'bearer' });
    return body ? req.send(body) : req;
  }

  it.each(routes.map((r) => [r.name ?? `${r.method.toUpperCase()} ${r.fresh ? '/api/livechat/sessions/:session/close' : r.path}`, r] as const))('%s', async (_name, route) => {
    const actual: Partial<Expected> = {};
    const expected: Partial<Expected> = {};
    for (const role of ROLES) {
      let path = resolve(route.path);
      let expect_ = route.expected[role];
      if (route.fresh) {
        path = (await route.fresh()).path;
        if (expect_ === 'own') {
          // The visitor of that very session closes it.
          const own = await newSession();
          path = `/api/livechat/sessions/${own.sessionId}/close`;
          actual[role] = (await t.http.post(path).set('X-Visitor-Token', own.visitorToken)).status;
          expected[role] = 200;
          continue;
        }
      }
      expected[role] = expect_;
      actual[role] = (await call(route.method, path, role, route.body && (await route.body()))).status;
    }
    expect(actual).toEqual(expected);
  });

  describe('socket events', () => {
    const sockets: Partial<Record<Role, Socket>> = {};
    beforeAll(async () => {
      for (const role of ROLES) {
        if (role === 'anonymous') continue;
        sockets[role] = await t.connect(role === 'visitor' || role === 'otherVisitor' ? { visitorToken: visitorToken[role] } : { token: token[role] });
      }
    });

    it('refuses anonymous or forged handshakes', async () => {
      await expect(t.connect({})).rejects.toThrow(/Authentication required/);
      await expect(t.connect({ token: 'forged' })).rejects.toThrow(/Invalid or expired token/);
      await expect(t.connect({ visitorToken: 'forged' })).rejects.toThrow(/Unknown visitor token/);
    });

    const outcome = (ack: { error?: string; status?: number }) => (ack && ack.error ? ack.status : 'ok');
    const events: Array<{ event: string; payload: () => unknown; expected: Omit<Expected, 'anonymous'> }> = [
      { event: 'message', payload: () => ({ conversationId: ids.conversation, body: 'socket' }), expected: { visitor: 'ok', otherVisitor: 404, nonMember: 404, operator: 'ok', manager: 404, admin: 404 } },
      { event: 'typing', payload: () => ({ conversationId: ids.conversation, typing: true }), expected: { visitor: 'ok', otherVisitor: 404, nonMember: 404, operator: 'ok', manager: 404, admin: 404 } },
      { event: 'message', payload: () => ({ conversationId: ids.internalChannel, body: 'socket' }), expected: { visitor: 404, otherVisitor: 404, nonMember: 403, operator: 'ok', manager: 403, admin: 403 } },
      { event: 'activity', payload: () => undefined, expected: { visitor: 403, otherVisitor: 403, nonMember: 'ok', operator: 'ok', manager: 'ok', admin: 'ok' } },
      // The Channels page asks for its operators' joins and leaves: users only.
      { event: 'livechat.channels.watch', payload: () => undefined, expected: { visitor: 403, otherVisitor: 403, nonMember: 'ok', operator: 'ok', manager: 'ok', admin: 'ok' } },
      { event: 'livechat.channels.unwatch', payload: () => undefined, expected: { visitor: 403, otherVisitor: 403, nonMember: 'ok', operator: 'ok', manager: 'ok', admin: 'ok' } },
    ];
    it.each(events.map((e, i) => [`${e.event} #${i}`, e] as const))('%s', async (_name, { event, payload, expected }) => {
      const actual: Record<string, unknown> = {};
      for (const role of Object.keys(expected) as Role[]) {
        const socket = sockets[role]!;
        const args = payload() === undefined ? [] : [payload()];
        actual[role] = outcome(await socket.timeout(5000).emitWithAck(event, ...args));
        expect(socket.connected).toBe(true);
      }
      expect(actual).toEqual(expected);
    });
  });
});
