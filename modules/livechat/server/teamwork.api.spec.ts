import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { createTestApp, nextEvent, waitFor, type TestApp } from '@lc/testing';

/**
 * Teamwork (DESIGN "Teamwork and the visitor's context"): transfer a conversation, ask for help and join,
 * block an abusive visitor, and what the operator sees of the visitor (pages, earlier sessions).
 */
describe('livechat teamwork', () => {
  let t: TestApp;
  let manager: { id: number; token: string };
  let counter = 0;
  beforeAll(async () => {
    // Behind a load balancer in 10.0.0.0/8 (as TRUST_PROXY names it): X-Forwarded-For gives the client's address.
    t = await createTestApp({ trustProxy: 'loopback, 10.0.0.0/8', rateLimits: { visitorSessionStartsPerMinute: 1000, visitorMessagesPer10s: 1000, visitorPagesPerMinute: 25 } });
    manager = await t.createUser('manager', ['livechat_manager']);
  });
  afterAll(() => t.close());

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const newChannel = async (extra: object = {}) => (await t.http.post('/api/livechat/channels').set(bearer(manager.token)).send({ name: `Channel ${++counter}`, ...extra }).expect(201)).body.id as number;

  interface Operator {
    id: number;
    token: string;
    socket: Socket | null;
    name: string;
  }
  /** An operator, online (a socket) unless `online: false`, inside `channelId`; visitors see them as "Chat <n>". */
  async function operator(channelId: number | null, { online = true } = {}): Promise<Operator> {
    const login = `op${++counter}`;
    const user = await t.createUser(login, ['livechat_operator']);
    await t.http.patch('/api/me/preferences').set(bearer(user.token)).send({ livechatUsername: `Chat ${counter}` }).expect(200);
    const socket = online ? await t.connect({ token: user.token }) : null;
    if (online) await waitFor(async () => expect((await t.http.get('/api/presence').set(bearer(user.token))).body).toContainEqual({ userId: user.id, status: 'online' }));
    if (channelId) await t.http.post(`/api/livechat/channels/${channelId}/join`).set(bearer(user.token)).expect(200);
    return { ...user, socket, name: `Chat ${counter}` };
  }

  interface Visitor {
    sessionId: number;
    conversationId: number;
    visitorToken: string;
    socket: Socket;
  }
  async function visitor(channelId: number, headers: Record<string, string> = {}, body: object = {}): Promise<Visitor & { status: string; operator: { id: number } | null }> {
    const started = (await t.http.post(`/api/livechat/channels/${channelId}/sessions`).set(headers).send(body).expect(201)).body;
    const socket = await t.connect({ visitorToken: started.visitorToken });
    return { ...started, socket };
  }
  const visitorSays = (v: Visitor, body: string) => t.http.post(`/api/livechat/sessions/${v.sessionId}/messages`).set('X-Visitor-Token', v.visitorToken).send({ body }).expect(201);
  const session = async (id: number) => (await t.http.get(`/api/livechat/sessions?channelId=${(await sessionRow(id)).channelId}`).set(bearer(manager.token)).expect(200)).body.find((s: { id: number }) => s.id === id);
  const sessionRow = async (id: number) => (await t.app.get(DataSource).query(`SELECT * FROM "livechat_session" WHERE "id" = ${id}`))[0];

  describe('transfer', () => {
    it('hands the conversation to an online operator: history, details, the previous one leaves, the visitor is told, the reason records it', async () => {
      const channelId = await newChannel();
      const marc = await operator(channelId);
      const v = await visitor(channelId, { 'Accept-Language': 'fr-FR' });
      expect(v.operator?.id).toBe(marc.id);
      const sofia = await operator(channelId);
      await visitorSays(v, 'Bonjour, ma commande est en retard');

      const left = nextEvent(marc.socket!, 'conversation.left');
      const arrived = nextEvent(sofia.socket!, 'conversation', (c) => c.id === v.conversationId);
      const told = nextEvent(v.socket, 'livechat.session', (e) => e.operator?.id === sofia.id);
      const systemMessage = nextEvent(v.socket, 'message', (m) => m.author.kind === 'system');
      const item = (await t.http.post(`/api/livechat/sessions/${v.sessionId}/transfer`).set(bearer(marc.token)).send({ operatorId: sofia.id }).expect(200)).body;

      expect(item).toMatchObject({ id: v.sessionId, status: 'active', operator: { id: sofia.id, name: sofia.name } });
      expect(item.assignmentSummary).toMatchObject({ rule: 'transfer', transferredBy: { id: marc.id, name: `User ${marc.name.replace('Chat ', 'op')}` }, transferredFrom: null });
      expect(item.assignmentReason).toMatch(/^transferred by User op\d+; to User op\d+: online, 0 ongoing$/);
      expect(await left).toEqual({ conversationId: v.conversationId });
      expect((await arrived).livechat).toMatchObject({ operatorId: sofia.id, visitorLanguage: 'fr-FR' });
      expect(await told).toMatchObject({ sessionId: v.sessionId, status: 'active', operator: { id: sofia.id, name: sofia.name } });
      expect((await systemMessage).body).toBe(`You are now talking with \u2068${sofia.name}\u2069`);

      // Sofia reads the whole history; Marc is no longer in the conversation.
      const history = (await t.http.get(`/api/discuss/conversations/${v.conversationId}/messages`).set(bearer(sofia.token)).expect(200)).body;
      expect(history.map((m: { body: string }) => m.body)).toEqual([`You are now talking with \u2068${sofia.name}\u2069`, 'Bonjour, ma commande est en retard', 'Hello! How may I help you?']);
      await t.http.get(`/api/discuss/conversations/${v.conversationId}/messages`).set(bearer(marc.token)).expect(404);
      await t.http.get(`/api/livechat/sessions/${v.sessionId}/visitor`).set(bearer(sofia.token)).expect(200);
      await t.http.get(`/api/livechat/sessions/${v.sessionId}/visitor`).set(bearer(marc.token)).expect(403);
      // The visitor writes on, to Sofia.
      const toSofia = nextEvent(sofia.socket!, 'message', (m) => m.body === 'Merci');
      await visitorSays(v, 'Merci');
      await toSofia;
    });

    it('may be made by its operator or a manager only', async () => {
      const channelId = await newChannel();
      const marc = await operator(channelId);
      const v = await visitor(channelId);
      const sofia = await operator(channelId);
      const stranger = await operator(await newChannel());
      const path = `/api/livechat/sessions/${v.sessionId}/transfer`;
      await t.http.post(path).set(bearer(stranger.token)).send({ operatorId: sofia.id }).expect(403);
      await t.http.post(path).set(bearer(sofia.token)).send({ operatorId: sofia.id }).expect(403);
      await t.http.post(path).send({ operatorId: sofia.id }).expect(401);
      await t.http.post(path).set('X-Visitor-Token', v.visitorToken).send({ operatorId: sofia.id }).expect(401);
      expect((await session(v.sessionId)).operator.id).toBe(marc.id);
      await t.http.post(path).set(bearer(manager.token)).send({ operatorId: sofia.id }).expect(200);
      expect((await session(v.sessionId)).assignmentSummary.transferredBy.id).toBe(manager.id);
    });

    it('refuses with 409 someone offline, full or not inside the channel, changing nothing', async () => {
      const channelId = await newChannel({ maxSessionsPerOperator: 1 });
      const marc = await operator(channelId);
      const v = await visitor(channelId);
      const away = await operator(channelId, { online: false });
      const busy = await operator(channelId);
      await visitor(channelId); // busy's one allowed chat
      const outside = await operator(await newChannel());
      const path = `/api/livechat/sessions/${v.sessionId}/transfer`;
      const refused = async (body: object, status: number, message: RegExp) => expect((await t.http.post(path).set(bearer(marc.token)).send(body).expect(status)).body.message.toString()).toMatch(message);
      await refused({ operatorId: away.id }, 409, /is offline/);
      await refused({ operatorId: busy.id }, 409, /already has 1 conversations in Channel \d+, the channel's limit/);
      // The English above, and its key for the shell: the operator, the limit and the channel.
      const full = (await t.http.post(path).set(bearer(marc.token)).send({ operatorId: busy.id }).expect(409)).body;
      expect(full.i18n).toEqual([{ key: 'livechat.operatorFull', params: { name: expect.any(String), max: 1, channel: expect.stringMatching(/^Channel \d+$/) } }]);
      expect(full.message).toBe(`${full.i18n[0].params.name} already has 1 conversations in ${full.i18n[0].params.channel}, the channel's limit`);
      await refused({ operatorId: outside.id }, 409, /is not inside the Channel \d+ channel/);
      await refused({ operatorId: marc.id }, 409, /already talking with this visitor/);
      await refused({ operatorId: 999999 }, 404, /not found/);
      await refused({ channelId: channelId }, 409, /already in Channel/);
      await refused({ channelId: 999999 }, 404, /not found/);
      await refused({}, 400, /either operatorId or channelId/);
      await refused({ operatorId: busy.id, channelId }, 400, /either operatorId or channelId/);
      await refused({ operatorId: 'x' }, 400, /operatorId/);
      expect(await session(v.sessionId)).toMatchObject({ status: 'active', operator: { id: marc.id } });
      expect((await session(v.sessionId)).assignmentSummary.rule).not.toBe('transfer');
      expect(await t.app.get(DataSource).query(`SELECT "userId" FROM "discuss_member" WHERE "conversationId" = ${v.conversationId}`)).toEqual([{ userId: marc.id }]);
      await t.http.post(`/api/livechat/sessions/${v.sessionId}/close`).set(bearer(marc.token)).expect(200);
      await refused({ operatorId: busy.id }, 409, /has ended/);
    });

    it("to another channel: its rules assign it at once, never back to the operator who transferred it; queued when nobody is free", async () => {
      const [websiteName, supportName] = [`Website ${++counter}`, `Support ${counter}`];
      const website = await newChannel({ name: websiteName });
      const support = await newChannel({ name: supportName });
      const marc = await operator(website);
      await t.http.post(`/api/livechat/channels/${support}/join`).set(bearer(marc.token)).expect(200); // Marc is in both, and the least busy there
      const v = await visitor(website);
      await visitorSays(v, 'I need a refund');

      // Nobody but Marc is in Support: queued there, and the visitor is told.
      const queued = nextEvent(v.socket, 'livechat.session', (e) => e.status === 'queued');
      const note = nextEvent(v.socket, 'message', (m) => m.author.kind === 'system');
      const left = nextEvent(marc.socket!, 'conversation.left');
      const item = (await t.http.post(`/api/livechat/sessions/${v.sessionId}/transfer`).set(bearer(marc.token)).send({ channelId: support }).expect(200)).body;
      expect(item).toMatchObject({ channelId: support, status: 'queued', operator: null });
      expect(item.assignmentReason).toMatch(new RegExp(`^transferred by User op\\d+ from ${websiteName}; candidates: User op\\d+ \\(transferred it\\); queued`));
      expect(await queued).toMatchObject({ sessionId: v.sessionId, operator: null, queuePosition: 1 });
      expect((await note).body).toBe(`Your conversation has been transferred to \u2068${supportName}\u2069: an operator will be with you shortly`);
      await left;

      // Sofia joins Support: she takes it; the reason still says who transferred it.
      const assigned = nextEvent(v.socket, 'livechat.session', (e) => e.status === 'active');
      const sofia = await operator(support);
      expect(await assigned).toMatchObject({ operator: { id: sofia.id, name: sofia.name } });
      const after = await session(v.sessionId);
      expect(after.assignmentSummary).toMatchObject({ rule: 'least-busy', transferredBy: { id: marc.id }, transferredFrom: websiteName });
      expect(after.assignmentReason).toMatch(new RegExp(`^transferred by User op\\d+ from ${websiteName}; candidates: User op\\d+ \\(0 ongoing\\), User op\\d+ \\(transferred it\\); `));
      expect((await t.http.get(`/api/discuss/conversations/${v.conversationId}/messages`).set(bearer(sofia.token)).expect(200)).body.map((m: { body: string }) => m.body)).toContain('I need a refund');
    });

    it('to another channel with someone free: assigned there at once, "You are now talking with …"', async () => {
      const website = await newChannel();
      const support = await newChannel();
      const marc = await operator(website);
      const v = await visitor(website);
      const ana = await operator(support);
      const message = nextEvent(v.socket, 'message', (m) => m.author.kind === 'system');
      const arrived = nextEvent(ana.socket!, 'conversation', (c) => c.id === v.conversationId);
      const item = (await t.http.post(`/api/livechat/sessions/${v.sessionId}/transfer`).set(bearer(marc.token)).send({ channelId: support }).expect(200)).body;
      expect(item).toMatchObject({ channelId: support, status: 'active', operator: { id: ana.id } });
      expect((await message).body).toBe(`You are now talking with \u2068${ana.name}\u2069`);
      await arrived;
      const targets = (await t.http.get(`/api/livechat/sessions/${v.sessionId}/transfer-targets`).set(bearer(ana.token)).expect(200)).body;
      expect(targets.channels).toContainEqual({ id: website, name: expect.any(String), availableOperators: 1 });
    });

    it('lists whom to transfer to: the channel\'s other operators with their chats, languages and state, and the other channels', async () => {
      await t.http.post('/api/languages/fr-FR/enable').set(bearer(t.adminToken)).expect(200);
      const channelId = await newChannel({ maxSessionsPerOperator: 1 });
      const marc = await operator(channelId);
      const v = await visitor(channelId);
      const away = await operator(channelId, { online: false });
      const sofia = await operator(channelId);
      await t.http.patch('/api/me/preferences').set(bearer(sofia.token)).send({ livechatLanguages: ['fr-FR'] }).expect(200);
      await visitor(channelId); // Sofia's one chat
      const targets = (await t.http.get(`/api/livechat/sessions/${v.sessionId}/transfer-targets`).set(bearer(marc.token)).expect(200)).body;
      expect(targets.operators).toEqual([
        { id: away.id, name: expect.any(String), languages: ['en-US'], ongoing: 0, online: false, full: false },
        { id: sofia.id, name: expect.any(String), languages: ['en-US', 'fr-FR'], ongoing: 1, online: true, full: true },
      ]);
      expect(targets.channels.map((c: { id: number }) => c.id)).not.toContain(channelId);
      await t.http.get(`/api/livechat/sessions/${v.sessionId}/transfer-targets`).set(bearer(sofia.token)).expect(403);
    });
  });

  describe('looking for help', () => {
    it('reaches exactly the operators inside the channel; one joins beside the operator, the visitor sees them arrive, the flag clears', async () => {
      const channelId = await newChannel();
      const marc = await operator(channelId);
      const v = await visitor(channelId);
      const sofia = await operator(channelId);
      const elsewhere = await operator(await newChannel());
      const managerSocket = await t.connect({ token: manager.token });
      const heard: string[] = [];
      for (const [who, socket] of [['marc', marc.socket!], ['sofia', sofia.socket!], ['elsewhere', elsewhere.socket!], ['manager', managerSocket]] as const) socket.on('livechat.help', (e) => heard.push(`${who}:${e.needHelp}`));

      const sofiaHears = nextEvent(sofia.socket!, 'livechat.help');
      const item = (await t.http.post(`/api/livechat/sessions/${v.sessionId}/help`).set(bearer(marc.token)).send({ needHelp: true }).expect(200)).body;
      expect(item).toMatchObject({ needsHelp: true, helpRequestedAt: expect.any(String) });
      expect(await sofiaHears).toEqual({ sessionId: v.sessionId, channelId, needHelp: true });
      const requests = (await t.http.get('/api/livechat/help-requests').set(bearer(sofia.token)).expect(200)).body;
      expect(requests).toEqual([expect.objectContaining({ id: v.sessionId, channelName: expect.stringMatching(/^Channel/), operator: { id: marc.id, name: marc.name }, needsHelp: true })]);
      expect((await t.http.get('/api/livechat/help-requests').set(bearer(elsewhere.token)).expect(200)).body).toEqual([]);
      expect((await t.http.get(`/api/livechat/sessions?needsHelp=true`).set(bearer(manager.token)).expect(200)).body.map((s: { id: number }) => s.id)).toEqual([v.sessionId]);
      // The operator's own item says so (the shell's "Looking for help" state).
      expect((await t.http.get(`/api/discuss/conversations/${v.conversationId}`).set(bearer(marc.token)).expect(200)).body.livechat.needsHelp).toBe(true);

      // Only the operators inside the channel (and managers) may join.
      await t.http.post(`/api/livechat/sessions/${v.sessionId}/join`).set(bearer(elsewhere.token)).expect(403);
      const arrival = nextEvent(v.socket, 'message', (m) => m.author.kind === 'system');
      const cleared = nextEvent(marc.socket!, 'livechat.help', (e) => !e.needHelp);
      const opened = nextEvent(sofia.socket!, 'conversation', (c) => c.id === v.conversationId);
      const joined = (await t.http.post(`/api/livechat/sessions/${v.sessionId}/join`).set(bearer(sofia.token)).expect(200)).body;
      expect(joined).toMatchObject({ needsHelp: false, operator: { id: marc.id } });
      expect((await arrival).body).toBe(`\u2068${sofia.name}\u2069 joined the conversation`);
      await cleared;
      expect((await opened).livechat).toMatchObject({ operatorId: marc.id, needsHelp: false });
      const fromSofia = nextEvent(v.socket, 'message', (m) => m.body === 'I can help with that');
      await t.http.post(`/api/discuss/conversations/${v.conversationId}/messages`).set(bearer(sofia.token)).send({ body: 'I can help with that' }).expect(201);
      expect((await fromSofia).author).toEqual({ kind: 'user', id: sofia.id, name: sofia.name });
      expect((await t.http.get('/api/livechat/help-requests').set(bearer(sofia.token)).expect(200)).body).toEqual([]);
      // Joining again changes nothing.
      await t.http.post(`/api/livechat/sessions/${v.sessionId}/join`).set(bearer(sofia.token)).expect(200);
      expect((await t.http.get(`/api/livechat/sessions/${v.sessionId}/transcript`).set(bearer(manager.token))).body.messages.filter((m: { body: string }) => m.body.includes('joined'))).toHaveLength(1);
      await waitFor(() => expect(heard.sort()).toEqual(['marc:false', 'marc:true', 'sofia:false', 'sofia:true']));

      // The helper leaves again: the visitor and the operator read it. The operator cannot leave the visitor alone (409).
      const departure = nextEvent(v.socket, 'message', (m) => m.author.kind === 'system' && m.body.includes('left'));
      const marcReads = nextEvent(marc.socket!, 'message', (m) => m.author.kind === 'system' && m.body.includes('left'));
      await t.http.post(`/api/discuss/conversations/${v.conversationId}/leave`).set(bearer(sofia.token)).expect(200);
      const left = await departure;
      expect([left.body, left.i18n]).toEqual([`\u2068${sofia.name}\u2069 left the conversation`, { key: 'livechat.left', params: { name: `\u2068${sofia.name}\u2069` } }]);
      expect((await marcReads).id).toBe(left.id);
      await t.http.get(`/api/discuss/conversations/${v.conversationId}`).set(bearer(sofia.token)).expect(404);
      const refused = await t.http.post(`/api/discuss/conversations/${v.conversationId}/leave`).set(bearer(marc.token)).expect(409);
      expect(refused.body.message).toBe('You are the operator of this chat: end it or transfer it instead of leaving it');
      await t.http.get(`/api/discuss/conversations/${v.conversationId}`).set(bearer(marc.token)).expect(200);
    });

    it('is asked by its operator only, while the chat runs; a manager joins from anywhere; the end of the chat clears it', async () => {
      const channelId = await newChannel();
      const marc = await operator(channelId);
      const sofia = await operator(channelId);
      const v = await visitor(channelId);
      const mine = v.operator!.id === marc.id ? marc : sofia;
      const other = mine === marc ? sofia : marc;
      await t.http.post(`/api/livechat/sessions/${v.sessionId}/help`).set(bearer(other.token)).send({ needHelp: true }).expect(403);
      await t.http.post(`/api/livechat/sessions/${v.sessionId}/help`).set(bearer(mine.token)).send({ needHelp: 'yes' }).expect(400);
      await t.http.post(`/api/livechat/sessions/${v.sessionId}/help`).set(bearer(mine.token)).send({ needHelp: true }).expect(200);
      await t.http.post(`/api/livechat/sessions/${v.sessionId}/help`).set(bearer(mine.token)).send({ needHelp: false }).expect(200);
      expect((await session(v.sessionId)).needsHelp).toBe(false);
      await t.http.post(`/api/livechat/sessions/${v.sessionId}/help`).set(bearer(mine.token)).send({ needHelp: true }).expect(200);
      await t.http.post(`/api/livechat/sessions/${v.sessionId}/join`).set(bearer(manager.token)).expect(200);
      await t.http.post(`/api/livechat/sessions/${v.sessionId}/help`).set(bearer(mine.token)).send({ needHelp: true }).expect(200);
      const cleared = nextEvent(other.socket!, 'livechat.help', (e) => !e.needHelp);
      await t.http.post(`/api/livechat/sessions/${v.sessionId}/close`).set('X-Visitor-Token', v.visitorToken).expect(200);
      await cleared;
      expect((await session(v.sessionId)).needsHelp).toBe(false);
      await t.http.post(`/api/livechat/sessions/${v.sessionId}/help`).set(bearer(mine.token)).send({ needHelp: true }).expect(409);
      await t.http.post(`/api/livechat/sessions/${v.sessionId}/join`).set(bearer(other.token)).expect(409);
      const plain = await t.createUser(`plain${++counter}`, []);
      await t.http.get('/api/livechat/help-requests').set(bearer(plain.token)).expect(403);
    });
  });

  describe('blocking', () => {
    const start = (channelId: number, headers: Record<string, string>) => t.http.post(`/api/livechat/channels/${channelId}/sessions`).set(headers).send({});
    const offline = (channelId: number, headers: Record<string, string>) => t.http.post(`/api/livechat/channels/${channelId}/offline-messages`).set(headers).send({ email: 'a@example.com', body: 'hi' });
    const publicOf = async (channelId: number, headers: Record<string, string>) => (await t.http.get(`/api/livechat/channels/${channelId}/public`).set(headers).expect(200)).body;

    it('refuses the token or the address (403, available: false) and nobody else, ends the session, closes the visitor\'s sockets, expires', async () => {
      const channelId = await newChannel();
      const marc = await operator(channelId);
      // The client's address as the proxy (10.0.0.1, trusted) forwards it.
      const v = await visitor(channelId, { 'X-Forwarded-For': '198.51.100.7, 10.0.0.1' });
      const ended = nextEvent(v.socket, 'livechat.session', (e) => e.status === 'ended');
      const closed = new Promise((resolve) => v.socket.once('disconnect', resolve));
      const block = (await t.http.post(`/api/livechat/sessions/${v.sessionId}/block`).set(bearer(marc.token)).send({ reason: 'Insults' }).expect(201)).body;
      expect(block).toMatchObject({ id: expect.any(Number), address: '198.51.100.7', visitorToken: expect.stringMatching(/^[0-9a-f]{12}$/), reason: 'Insults', blockedBy: { id: marc.id, name: expect.any(String) }, sessionId: v.sessionId });
      expect(Date.parse(block.until) - Date.now()).toBeGreaterThan(30 * 86400_000 - 60_000);
      expect(Date.parse(block.until) - Date.now()).toBeLessThanOrEqual(30 * 86400_000);
      expect(JSON.stringify(block)).not.toContain(v.visitorToken);
      expect(await ended).toMatchObject({ sessionId: v.sessionId, status: 'ended', reason: 'Chat is not available' });
      await closed;
      await expect(t.connect({ visitorToken: v.visitorToken })).rejects.toThrow();
      expect((await session(v.sessionId)).status).toBe('ended');

      const sameToken = { 'X-Visitor-Token': v.visitorToken, 'X-Forwarded-For': '203.0.113.50' };
      const sameAddress = { 'X-Forwarded-For': '198.51.100.7' };
      const someoneElse = { 'X-Forwarded-For': '198.51.100.8, 10.0.0.1' };
      expect((await start(channelId, sameToken).expect(403)).body.message).toBe('Chat is not available');
      await start(channelId, sameAddress).expect(403);
      await offline(channelId, sameToken).expect(403);
      await offline(channelId, sameAddress).expect(403);
      expect(await publicOf(channelId, sameToken)).toMatchObject({ available: false, blocked: true });
      expect(await publicOf(channelId, sameAddress)).toMatchObject({ available: false, blocked: true });
      // A blocked visitor writes nothing more to the operator, not even a rating.
      await t.http.post(`/api/livechat/sessions/${v.sessionId}/rating`).set('X-Visitor-Token', v.visitorToken).send({ value: 1, comment: 'You blocked me' }).expect(403);
      // Nobody else: another visitor behind the same proxy, the proxy itself.
      expect(await publicOf(channelId, someoneElse)).toMatchObject({ available: true, blocked: false });
      await start(channelId, someoneElse).expect(201);
      await offline(channelId, someoneElse).expect(201);
      await start(channelId, {}).expect(201);

      // Managers list and lift blocks; operators may not.
      await t.http.get('/api/livechat/blocks').set(bearer(marc.token)).expect(403);
      expect((await t.http.get('/api/livechat/blocks').set(bearer(manager.token)).expect(200)).body).toContainEqual(block);
      // Expired: the same visitor chats again.
      await t.app.get(DataSource).query(`UPDATE "livechat_block" SET "until" = ${Date.now() - 1000} WHERE "id" = ${block.id}`);
      await start(channelId, sameToken).expect(201);
      expect((await t.http.get('/api/livechat/blocks').set(bearer(manager.token)).expect(200)).body.map((b: { id: number }) => b.id)).not.toContain(block.id);
    });

    it('blocks for the days asked (1–365), lifted by a manager; a second block of the same visitor is a 409', async () => {
      const channelId = await newChannel();
      const marc = await operator(channelId);
      const v = await visitor(channelId, { 'X-Forwarded-For': '2001:db8:aa:bb:1:2:3:4' });
      const path = `/api/livechat/sessions/${v.sessionId}/block`;
      for (const body of [{ days: 0 }, { days: 366 }, { days: 1.5 }, { reason: 'x'.repeat(501) }, { reason: 5 }, { until: '2030-01-01' }]) await t.http.post(path).set(bearer(marc.token)).send(body).expect(400);
      const other = await operator(await newChannel());
      await t.http.post(path).set(bearer(other.token)).send({}).expect(403);
      await t.http.post(path).send({}).expect(401);
      expect((await session(v.sessionId)).status).toBe('active');
      const block = (await t.http.post(path).set(bearer(marc.token)).send({ days: 1 }).expect(201)).body;
      expect(block).toMatchObject({ address: '2001:db8:aa:bb::/64', reason: null });
      expect(Math.round((Date.parse(block.until) - Date.now()) / 3600_000)).toBe(24);
      // Another address of the same /64 (a browser's next temporary address) is the same visitor.
      await start(channelId, { 'X-Forwarded-For': '2001:db8:aa:bb:9:9:9:9' }).expect(403);
      await start(channelId, { 'X-Forwarded-For': '2001:db8:aa:cc::1' }).expect(201);
      await t.http.post(path).set(bearer(manager.token)).send({}).expect(409);
      await t.http.delete(`/api/livechat/blocks/${block.id}`).set(bearer(marc.token)).expect(403);
      await t.http.delete(`/api/livechat/blocks/${block.id}`).set(bearer(manager.token)).expect(204);
      await t.http.delete(`/api/livechat/blocks/${block.id}`).set(bearer(manager.token)).expect(404);
      await start(channelId, { 'X-Visitor-Token': v.visitorToken, 'X-Forwarded-For': '2001:db8:aa:bb:9:9:9:9' }).expect(201);
    });

    it('never blocks the address of a proxy TRUST_PROXY does not name (it would block everyone behind it): the token only', async () => {
      const channelId = await newChannel();
      const marc = await operator(channelId);
      // 172.16.0.9 is not a trusted proxy here: it is what the server sees as the client.
      const v = await visitor(channelId, { 'X-Forwarded-For': '198.51.100.20, 172.16.0.9' });
      const block = (await t.http.post(`/api/livechat/sessions/${v.sessionId}/block`).set(bearer(marc.token)).send({}).expect(201)).body;
      expect(block.address).toBeNull();
      await start(channelId, { 'X-Forwarded-For': '198.51.100.21, 172.16.0.9' }).expect(201);
      await start(channelId, { 'X-Visitor-Token': v.visitorToken }).expect(403);
    });
  });

  describe("the visitor's context", () => {
    it('keeps the pages seen before the first message and each one reported after, the newest 20, validated; the operator sees them', async () => {
      const channelId = await newChannel();
      const marc = await operator(channelId);
      const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();
      const before = [
        { url: 'https://shop.example.com/', title: 'Home', at: minutesAgo(5) },
        { url: 'https://shop.example.com/shoes', title: 'Shoes', at: minutesAgo(3) },
        { url: 'https://shop.example.com/shoes/42', at: new Date(Date.now() + 3600_000).toISOString() }, // a clock ahead: now
      ];
      const v = await visitor(channelId, { 'Accept-Language': 'de-DE', 'User-Agent': 'Mozilla/5.0 Firefox/128.0' }, { pageUrl: 'https://shop.example.com/shoes/42', pages: before });
      const context = (await t.http.get(`/api/livechat/sessions/${v.sessionId}/visitor`).set(bearer(marc.token)).expect(200)).body;
      expect(context).toMatchObject({ language: 'de-DE', userAgent: 'Mozilla/5.0 Firefox/128.0', previousSessions: [] });
      expect(context.pages.map((p: { url: string; title: string | null }) => [p.url, p.title])).toEqual([
        ['https://shop.example.com/shoes/42', null],
        ['https://shop.example.com/shoes', 'Shoes'],
        ['https://shop.example.com/', 'Home'],
      ]);
      expect(Math.abs(Date.parse(context.pages[2].at) - Date.parse(before[0].at))).toBeLessThan(1000);
      expect(Date.parse(context.pages[0].at)).toBeLessThanOrEqual(Date.now());

      const report = (body: object, token = v.visitorToken) => t.http.post(`/api/livechat/sessions/${v.sessionId}/pages`).set('X-Visitor-Token', token).send(body);
      const banner = nextEvent(marc.socket!, 'conversation', (c) => c.livechat?.pageUrl === 'https://shop.example.com/checkout');
      await report({ url: 'https://shop.example.com/checkout', title: 'Checkout' }).expect(204);
      await banner;
      for (const body of [{ url: 'javascript:alert(1)' }, { url: `https://example.com/${'a'.repeat(2048)}` }, { url: 'https://example.com', title: 'x'.repeat(301) }, { url: 'ftp://example.com/file' }, {}, { url: 'https://example.com', at: 'yesterday' }, { url: 'https://example.com', extra: 1 }]) await report(body).expect(400);
      await report({ url: 'https://example.com' }, 'not-a-token').expect(401);
      const stranger = await visitor(channelId);
      await report({ url: 'https://example.com' }, stranger.visitorToken).expect(404);
      // 25 a minute per session (this app): the newest 20 kept.
      for (let i = 1; i <= 24; i++) await report({ url: `https://shop.example.com/p/${i}` }).expect(204);
      expect((await report({ url: 'https://shop.example.com/too-many' }).expect(429)).headers['retry-after']).toBeDefined();
      const pages = (await t.http.get(`/api/livechat/sessions/${v.sessionId}/visitor`).set(bearer(marc.token)).expect(200)).body.pages;
      expect(pages).toHaveLength(20);
      expect(pages[0].url).toBe('https://shop.example.com/p/24');
      expect(pages[19].url).toBe('https://shop.example.com/p/5');
      expect(Number((await t.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM "livechat_page_visit" WHERE "sessionId" = ${v.sessionId}`))[0].n)).toBe(20);
      await t.http.post(`/api/livechat/sessions/${v.sessionId}/close`).set('X-Visitor-Token', v.visitorToken).expect(200);
      await t.http.post(`/api/livechat/sessions/${stranger.sessionId}/pages`).set('X-Visitor-Token', stranger.visitorToken).send({ url: 'https://example.com' }).expect(204);
    });

    it('refuses a session start whose pages are malformed (400), creating nothing', async () => {
      const channelId = await newChannel();
      await operator(channelId);
      const count = async () => Number((await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM "livechat_session"'))[0].n);
      const sessions = await count();
      for (const pages of [[{ url: 'javascript:x' }], Array.from({ length: 21 }, () => ({ url: 'https://example.com' })), 'https://example.com', [{ url: 'https://example.com', at: 5 }]]) {
        await t.http.post(`/api/livechat/channels/${channelId}/sessions`).send({ pages }).expect(400);
      }
      expect(await count()).toBe(sessions);
    });

    it("shows the visitor's earlier sessions (date, operator, rating) and lets today's operator read their transcripts", async () => {
      const channelId = await newChannel();
      const marc = await operator(channelId);
      const first = await visitor(channelId);
      await visitorSays(first, 'First time here');
      await t.http.post(`/api/livechat/sessions/${first.sessionId}/close`).set('X-Visitor-Token', first.visitorToken).expect(200);
      await t.http.post(`/api/livechat/sessions/${first.sessionId}/rating`).set('X-Visitor-Token', first.visitorToken).send({ value: 5 }).expect(200);
      // Marc steps out; Sofia takes the visitor's next chat.
      await t.http.post(`/api/livechat/channels/${channelId}/leave`).set(bearer(marc.token)).expect(200);
      const sofia = await operator(channelId);
      const second = (await t.http.post(`/api/livechat/channels/${channelId}/sessions`).set('X-Visitor-Token', first.visitorToken).send({}).expect(201)).body;
      expect(second.operator.id).toBe(sofia.id);
      const context = (await t.http.get(`/api/livechat/sessions/${second.sessionId}/visitor`).set(bearer(sofia.token)).expect(200)).body;
      expect(context.previousSessions).toEqual([{ id: first.sessionId, startedAt: expect.any(String), operator: { id: marc.id, name: marc.name }, rating: expect.objectContaining({ value: 5 }) }]);
      const transcript = (await t.http.get(`/api/livechat/sessions/${first.sessionId}/transcript`).set(bearer(sofia.token)).expect(200)).body;
      expect(transcript.messages.map((m: { body: string }) => m.body)).toContain('First time here');
      const stranger = await operator(channelId);
      await t.http.get(`/api/livechat/sessions/${first.sessionId}/transcript`).set(bearer(stranger.token)).expect(403);
      await t.http.get(`/api/livechat/sessions/${second.sessionId}/visitor`).set(bearer(stranger.token)).expect(403);
      await t.http.get(`/api/livechat/sessions/${second.sessionId}/visitor`).set(bearer(manager.token)).expect(200);
      await t.http.get('/api/livechat/sessions/999999/visitor').set(bearer(manager.token)).expect(404);
    });
  });

  describe('sessions list filters', () => {
    it('filters by operator and by "needs help", with the others', async () => {
      const channelId = await newChannel();
      const marc = await operator(channelId);
      const a = await visitor(channelId);
      const sofia = await operator(channelId);
      const b = await visitor(channelId);
      expect(b.operator?.id).toBe(sofia.id);
      await t.http.post(`/api/livechat/sessions/${b.sessionId}/help`).set(bearer(sofia.token)).send({ needHelp: true }).expect(200);
      const ids = async (query: string) => (await t.http.get(`/api/livechat/sessions?channelId=${channelId}&${query}`).set(bearer(manager.token)).expect(200)).body.map((s: { id: number }) => s.id);
      expect(await ids(`operatorId=${marc.id}`)).toEqual([a.sessionId]);
      expect(await ids(`operatorId=${sofia.id}&needsHelp=true`)).toEqual([b.sessionId]);
      expect(await ids('needsHelp=false')).toEqual([a.sessionId]);
      expect(await ids(`operatorId=${marc.id}&needsHelp=true`)).toEqual([]);
      for (const query of ['operatorId=0', 'operatorId=x', 'needsHelp=yes']) await t.http.get(`/api/livechat/sessions?${query}`).set(bearer(manager.token)).expect(400);
    });
  });
});
