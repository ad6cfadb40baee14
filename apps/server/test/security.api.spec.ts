import { io, type Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { MessagesService } from '../../../modules/discuss/server/public-api';
import { createTestApp, nextEvent, waitFor, type TestApp } from '@lc/testing';

/**
 * The attacks of the security issue, each as it was made, against the real application (SQLite, and
 * PostgreSQL in the second pass): cross-site forgery, framing, cross-site socket hijacking, half-written
 * rows, unbounded sockets and metadata, and the smaller leaks. Revocation and the last admin: accounts.api.spec.
 */
describe('security: the edge', () => {
  let t: TestApp;
  let cookie: string;
  let origin: string;
  let channelId: number;

  const rows = async () => {
    const db = t.app.get(DataSource);
    const counts: Record<string, number> = {};
    for (const m of db.entityMetadatas) if (!m.tableName.startsWith('presence')) counts[m.tableName] = Number((await db.query(`SELECT COUNT(*) AS n FROM "${m.tableName}"`))[0].n);
    return counts;
  };

  beforeAll(async () => {
    t = await createTestApp({ rateLimits: { visitorSessionStartsPerMinute: 1000, socketsPerVisitorToken: 3, loginAttemptsPerMinute: 1000 } });
    cookie = `lc_session=${t.adminToken}`;
    origin = t.url; // the shell is served by the same server: its origin is the one requests are sent to
    channelId = (await t.http.post('/api/livechat/channels').auth(t.adminToken, { type: 'bearer' }).send({ name: 'Website' }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  /** An online operator inside a new channel, and a visitor whose chat they got. */
  async function operatorWithVisitor(login: string) {
    const op = await t.createUser(login, ['livechat_operator']);
    const opSocket = await t.connect({ token: op.token });
    await waitFor(async () => expect((await t.http.get('/api/presence').auth(op.token, { type: 'bearer' })).body).toContainEqual({ userId: op.id, status: 'online' }));
    const channel = (await t.http.post('/api/livechat/channels').auth(t.adminToken, { type: 'bearer' }).send({ name: `Channel of ${login}` }).expect(201)).body.id;
    await t.http.post(`/api/livechat/channels/${channel}/join`).auth(op.token, { type: 'bearer' }).expect(200);
    const visitor = (await t.http.post(`/api/livechat/channels/${channel}/sessions`).send({}).expect(201)).body;
    expect(visitor.status).toBe('active');
    return { opSocket, visitor };
  }

  describe('1. cross-site request forgery', () => {
    const adminForm = 'login=evil&name=Evil&password=password1&groups[]=admin';

    it.each([
      ['application/x-www-form-urlencoded', adminForm],
      ['multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="login"\r\n\r\nevil\r\n--b--\r\n'],
      ['text/plain', JSON.stringify({ login: 'evil', name: 'Evil', password: 'password1', groups: ['admin'] })],
    ])('a %s body signed in by the cookie is refused with 415 and creates nobody', async (type, body) => {
      const before = await rows();
      const res = await t.http.post('/api/users').set('Cookie', cookie).set('Content-Type', type).send(body);
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type' });
      expect(await rows()).toEqual(before);
    });

    it('the same form with a bearer token is refused too: JSON only, whoever calls', async () => {
      await t.http.post('/api/users').auth(t.adminToken, { type: 'bearer' }).set('Content-Type', 'application/x-www-form-urlencoded').send(adminForm).expect(415);
    });

    it.each([
      ['another port of the same host', { Origin: 'http://127.0.0.1:1' }],
      ['a sibling subdomain (same-site)', { 'Sec-Fetch-Site': 'same-site' }],
      ['another site', { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' }],
      ['an opaque origin (sandboxed frame, data: URL)', { Origin: 'null' }],
    ])('a body-less cookie write from %s is 403 and changes nothing', async (_from, headers) => {
      const op = await t.createUser(`csrf${Math.random().toString(36).slice(2, 8)}`, ['livechat_operator']);
      await t.http.post(`/api/livechat/channels/${channelId}/join`).auth(op.token, { type: 'bearer' }).expect(200);
      const res = await t.http.post(`/api/livechat/channels/${channelId}/leave`).set('Cookie', `lc_session=${op.token}`).set(headers);
      expect(res.status).toBe(403);
      expect(res.body.message).toMatch(/Cross-site request refused/);
      const list = (await t.http.get('/api/livechat/channels').auth(op.token, { type: 'bearer' })).body;
      expect(list.find((c: { id: number }) => c.id === channelId).areYouInside).toBe(true);
      // PATCH and DELETE are held to the same rule.
      expect((await t.http.patch('/api/me/preferences').set('Cookie', `lc_session=${op.token}`).set(headers).send({ livechatUsername: 'pwned' })).status).toBe(403);
      expect((await t.http.delete('/api/discuss/conversations/1').set('Cookie', `lc_session=${op.token}`).set(headers)).status).toBe(403);
    });

    it("the shell's own pages write with the cookie; bearer tokens are not held to the origin", async () => {
      await t.http.post(`/api/livechat/channels/${channelId}/join`).set('Cookie', cookie).set('Origin', origin).set('Sec-Fetch-Site', 'same-origin').expect(200);
      await t.http.post(`/api/livechat/channels/${channelId}/leave`).set('Cookie', cookie).expect(200); // no Origin: not a browser's cross-origin request
      await t.http.post(`/api/livechat/channels/${channelId}/join`).auth(t.adminToken, { type: 'bearer' }).set('Origin', 'https://integration.example').expect(200);
      // The visitor routes take no cookie: a website on another origin uses them (CORS, no credentials).
      const preflight = await t.http.options(`/api/livechat/channels/${channelId}/sessions`).set('Origin', 'https://shop.example').set('Access-Control-Request-Method', 'POST').set('Access-Control-Request-Headers', 'content-type,x-visitor-token');
      expect(preflight.status).toBeLessThan(300);
      expect(preflight.headers['access-control-allow-origin']).toBe('*');
      expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
      await t.http.post(`/api/livechat/channels/${channelId}/sessions`).set('Origin', 'https://shop.example').send({}).expect(201);
    });
  });

  describe('3. security headers', () => {
    it.each(['/api/health', '/api/docs', '/api/me', '/api/livechat/channels/1/public'])('%s carries nosniff, a Referrer-Policy, a CSP forbidding framing, and no X-Powered-By', async (path) => {
      const res = await t.http.get(path).auth(t.adminToken, { type: 'bearer' });
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBeTruthy();
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-powered-by']).toBeUndefined();
    });

    it('a JSON answer (and a 304) leaves off the headers only a document obeys; an HTML one under /api keeps them', async () => {
      const menus = await t.http.get('/api/menus').auth(t.adminToken, { type: 'bearer' }).expect(200);
      expect(menus.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
      expect(menus.headers['cross-origin-opener-policy']).toBeUndefined();
      expect(menus.headers['origin-agent-cluster']).toBeUndefined();
      // A browser's revalidation (fetch, as the OpenAPI document lists no 304s; its own Cache-Control would be no-cache).
      const again = await fetch(`${t.url}/api/menus`, { headers: { Authorization: `Bearer ${t.adminToken}`, 'If-None-Match': menus.headers['etag'], 'Cache-Control': 'max-age=0' } });
      expect(again.status).toBe(304);
      expect(again.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
      expect(again.headers.get('x-frame-options')).toBe('DENY');
      expect(again.headers.get('x-content-type-options')).toBe('nosniff');
      expect(again.headers.get('cross-origin-opener-policy')).toBeNull();
      const docs = await t.http.get('/api/docs');
      expect(docs.headers['content-type']).toMatch(/html/);
      expect(docs.headers['content-security-policy']).toContain("script-src 'self'");
      expect(docs.headers['cross-origin-opener-policy']).toBe('same-origin');
    });

    it('the widget script can be loaded by a <script> of any website', async () => {
      const res = await t.http.get('/livechat/widget.js');
      if (res.status === 404) return; // the widget bundle is not built in this checkout (npm test builds it first)
      expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['content-type']).toMatch(/javascript/);
    });
  });

  describe('4. cross-site WebSocket hijacking', () => {
    const connectWithHeaders = (auth: Record<string, unknown>, headers: Record<string, string>) => {
      const socket: Socket = io(t.url, { auth, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: headers });
      return new Promise<Socket>((resolve, reject) => {
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', (error) => (socket.close(), reject(error)));
      });
    };

    it("refuses a cookie-only handshake from another origin, accepts it from the shell's", async () => {
      await expect(connectWithHeaders({}, { Cookie: cookie, Origin: 'http://127.0.0.1:1' })).rejects.toThrow(/Cross-site connection refused/);
      await expect(connectWithHeaders({}, { Cookie: cookie, Origin: 'https://evil.example' })).rejects.toThrow(/Cross-site connection refused/);
      const own = await connectWithHeaders({}, { Cookie: cookie, Origin: origin });
      own.close();
      const token = await connectWithHeaders({ token: t.adminToken }, { Origin: 'https://evil.example' }); // a token the page had to know
      token.close();
    });
  });

  describe('6. valid requests never answer 500', () => {
    it('PATCH a channel with {} changes nothing; with only operatorIds sets them', async () => {
      const op = await t.createUser('patchop', ['livechat_operator']);
      const before = (await t.http.patch(`/api/livechat/channels/${channelId}`).auth(t.adminToken, { type: 'bearer' }).send({}).expect(200)).body;
      const after = (await t.http.patch(`/api/livechat/channels/${channelId}`).auth(t.adminToken, { type: 'bearer' }).send({ operatorIds: [op.id] }).expect(200)).body;
      expect(after.name).toBe(before.name);
      expect(after.operators).toEqual([{ id: op.id, name: 'User patchop' }]);
    });

    it('a 3,000-deep socket payload gets a 400 ack and the connection stays', async () => {
      const socket = await t.connect({ token: t.adminToken });
      let deep: unknown = { conversationId: 1, body: 'hi' };
      for (let i = 0; i < 3000; i++) deep = { a: deep };
      expect(await socket.timeout(5000).emitWithAck('message', deep)).toMatchObject({ status: 400 });
      expect(await socket.timeout(5000).emitWithAck('activity')).toEqual({ ok: true });
    });
  });

  describe('7. no half-written rows', () => {
    it.each([
      ['a session start', `/api/livechat/channels/:c/sessions`, { visitorName: 'Eve\u0000' }],
      ['an offline message', `/api/livechat/channels/:c/offline-messages`, { email: 'eve@example.com', body: 'hello\u0000' }],
      ['an offline message (name)', `/api/livechat/channels/:c/offline-messages`, { name: '\u0000', email: 'eve@example.com', body: 'hello' }],
    ])('a NUL character in %s is 400 and writes nothing', async (_what, path, body) => {
      const before = await rows();
      const res = await t.http.post(path.replace(':c', String(channelId))).send(body);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.message)).toMatch(/NUL/);
      expect(await rows()).toEqual(before);
    });

    it('a session start is one transaction: a failure storing its welcome message leaves no session and no conversation', async () => {
      const before = await rows();
      const spy = jest.spyOn(t.app.get(MessagesService), 'storeWithin').mockRejectedValueOnce(new Error('disk full'));
      const res = await t.http.post(`/api/livechat/channels/${channelId}/sessions`).send({});
      spy.mockRestore();
      expect(res.status).toBe(500);
      expect(await rows()).toEqual(before);
    });

    it('an offline message is one transaction: a failure storing its text leaves no session and no conversation', async () => {
      const before = await rows();
      const spy = jest.spyOn(t.app.get(MessagesService), 'storeWithin').mockRejectedValueOnce(new Error('disk full'));
      const res = await t.http.post(`/api/livechat/channels/${channelId}/offline-messages`).send({ email: 'eve@example.com', body: 'hello' });
      spy.mockRestore();
      expect(res.status).toBe(500);
      expect(await rows()).toEqual(before);
    });
  });

  describe('8. bounded sockets and metadata', () => {
    it('caps the sockets of one visitor token; closing one frees a place', async () => {
      const visitor = (await t.http.post(`/api/livechat/channels/${channelId}/sessions`).send({}).expect(201)).body;
      const sockets = await Promise.all(Array.from({ length: 3 }, () => t.connect({ visitorToken: visitor.visitorToken })));
      await expect(t.connect({ visitorToken: visitor.visitorToken })).rejects.toThrow(/Too many connections for this visitor/);
      sockets[0].disconnect();
      await waitFor(async () => (await t.connect({ visitorToken: visitor.visitorToken })).connected);
    });

    it('relays at most 2 typing events a second per author, however many sockets send them, and the last state arrives', async () => {
      const { opSocket, visitor } = await operatorWithVisitor('typingop');
      const received: boolean[] = [];
      opSocket.on('typing', (e: { typing: boolean }) => received.push(e.typing));
      const senders = await Promise.all(Array.from({ length: 3 }, () => t.connect({ visitorToken: visitor.visitorToken })));
      const started = Date.now();
      for (let i = 0; i < 60; i++) await senders[i % 3].timeout(2000).emitWithAck('typing', { conversationId: visitor.conversationId, typing: i % 2 === 0 }).catch(() => undefined);
      await senders[0].timeout(2000).emitWithAck('typing', { conversationId: visitor.conversationId, typing: false });
      await new Promise((resolve) => setTimeout(resolve, 700));
      const seconds = (Date.now() - started) / 1000;
      expect(received.length).toBeLessThanOrEqual(Math.ceil(seconds * 2) + 1);
      expect(received.at(-1)).toBe(false);
      senders.forEach((s) => s.disconnect());
    });

    it('stores a bounded visitor language, Accept-Language and page URL; a 15 kB or javascript: one is not kept', async () => {
      const db = t.app.get(DataSource);
      const stored = async (res: { body: { sessionId: number } }) => (await db.query(`SELECT "visitorLanguage", "acceptLanguage", "pageUrl" FROM "livechat_session" WHERE "id" = ${res.body.sessionId}`))[0];
      const start = () => t.http.post(`/api/livechat/channels/${channelId}/sessions`);
      const longLanguage = await stored(await start().set('Accept-Language', `${'x'.repeat(40)},${'fr-FR;q=0.9,'.repeat(1200)}`).send({}).expect(201));
      expect(longLanguage.visitorLanguage).toBe('fr-FR'); // the 40-letter "tag" is not a language
      expect(longLanguage.acceptLanguage.length).toBeLessThanOrEqual(200);
      expect((await stored(await start().set('Referer', `https://shop.example/${'a'.repeat(15000)}`).send({}).expect(201))).pageUrl).toBeNull();
      expect((await stored(await start().set('Referer', 'https://shop.example/chairs').send({}).expect(201))).pageUrl).toBe('https://shop.example/chairs');
      expect((await stored(await start().send({ pageUrl: 'javascript:alert(1)' }).expect(201))).pageUrl).toBeNull();
      const sessions = (await t.http.get('/api/livechat/sessions').auth(t.adminToken, { type: 'bearer' }).expect(200)).body;
      expect(sessions.every((s: { visitorLanguage: string | null }) => s.visitorLanguage === null || s.visitorLanguage.length <= 64)).toBe(true);
    });
  });

  describe('10. the smaller ones', () => {
    it('every 429 says when to retry (Retry-After, seconds)', async () => {
      const limited = await createTestApp({ rateLimits: { visitorSessionStartsPerMinute: 1, visitorMessagesPer10s: 1 } });
      try {
        const s = (await limited.http.post('/api/livechat/channels/1/sessions').send({})).body;
        const start = await limited.http.post('/api/livechat/channels/1/sessions').send({});
        if (s.sessionId) {
          expect(start.status).toBe(429);
          expect(Number(start.headers['retry-after'])).toBeGreaterThan(0);
        }
        for (let i = 0; i < 11; i++) await limited.http.post('/api/auth/login').send({ login: 'admin', password: 'wrong-password' });
        const login = await limited.http.post('/api/auth/login').send({ login: 'admin', password: 'wrong-password' });
        expect(login.status).toBe(429);
        expect(Number(login.headers['retry-after'])).toBeGreaterThan(0);
      } finally {
        await limited.close();
      }
    });

    it('HEAD answers wherever GET does', async () => {
      await t.http.head('/api/health').expect(200);
      expect((await t.http.head('/')).status).toBeLessThan(400);
    });

    it.each(['__proto__', 'constructor', 'prototype'])('a "%s" key is refused as an unknown field, at any depth', async (key) => {
      const top = await t.http.patch('/api/me/preferences').auth(t.adminToken, { type: 'bearer' }).set('Content-Type', 'application/json').send(`{"${key}": {"polluted": true}}`);
      expect(top.status).toBe(400);
      expect(JSON.stringify(top.body.message)).toContain(key);
      const nested = await t.http.patch(`/api/livechat/channels/${channelId}`).auth(t.adminToken, { type: 'bearer' }).set('Content-Type', 'application/json').send(`{"colors": {"${key}": {"button": "#fff"}}}`);
      expect(nested.status).toBe(400);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('a NUL character in a path or query is 400, never a database error', async () => {
      expect((await t.http.get('/api/livechat/sessions?status=%00').auth(t.adminToken, { type: 'bearer' })).status).toBe(400);
      expect((await t.http.post('/api/languages/fr%00FR/enable').auth(t.adminToken, { type: 'bearer' })).status).toBe(400);
    });
  });

  it('typing from a visitor still reaches the operator once throttled (sanity of the relay)', async () => {
    const { opSocket, visitor } = await operatorWithVisitor('relayop');
    const socket = await t.connect({ visitorToken: visitor.visitorToken });
    const typing = nextEvent(opSocket, 'typing');
    await socket.emitWithAck('typing', { conversationId: visitor.conversationId, typing: true });
    expect(await typing).toMatchObject({ conversationId: visitor.conversationId, typing: true });
  });
});
