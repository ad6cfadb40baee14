import type { Socket } from 'socket.io-client';
import { createTestApp, nextEvent, waitFor, type TestApp } from '@lc/testing';

/** Operators are real users with real socket.io connections (that is what makes them online). */
describe('livechat: channels, visitors and assignment', () => {
  let t: TestApp;
  let manager: { id: number; token: string };
  let counter = 0;
  beforeAll(async () => {
    t = await createTestApp({ rateLimits: { visitorSessionStartsPerMinute: 1000, visitorMessagesPer10s: 30, failedLoginsPerMinute: 10, socketEventsPerSecond: 20 } });
    for (const code of ['fr-FR', 'es-ES', 'de-DE']) await t.http.post(`/api/languages/${code}/enable`).auth(t.adminToken, { type: 'bearer' }).expect(200);
    manager = await t.createUser('manager', ['livechat_manager']);
  });
  afterAll(() => t.close());

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const newChannel = async (extra: object = {}) =>
    (await t.http.post('/api/livechat/channels').set(bearer(manager.token)).send({ name: `Channel ${++counter}`, ...extra }).expect(201)).body.id as number;

  interface Operator { id: number; token: string; socket: Socket }
  async function operator(channelId: number | null, prefs: { lang?: string; livechatLanguages?: string[]; livechatUsername?: string } = {}): Promise<Operator> {
    const user = await t.createUser(`op${++counter}`, ['livechat_operator'], prefs.lang ? { lang: prefs.lang } : {});
    if (prefs.livechatLanguages || prefs.livechatUsername) {
      await t.http.patch('/api/me/preferences').set(bearer(user.token)).send({ livechatLanguages: prefs.livechatLanguages, livechatUsername: prefs.livechatUsername }).expect(200);
    }
    const socket = await t.connect({ token: user.token });
    await waitFor(async () => expect((await t.http.get('/api/presence').set(bearer(user.token))).body).toContainEqual({ userId: user.id, status: 'online' }));
    if (channelId) await t.http.post(`/api/livechat/channels/${channelId}/join`).set(bearer(user.token)).expect(200, { areYouInside: true });
    return { ...user, socket };
  }
  const start = (channelId: number, headers: Record<string, string> = {}, body: object = {}) =>
    t.http.post(`/api/livechat/channels/${channelId}/sessions`).set(headers).send(body);

  describe('channels', () => {
    it('lists channels with areYouInside and the operators inside; join and leave', async () => {
      const channelId = await newChannel();
      const op = await operator(channelId);
      let list = (await t.http.get('/api/livechat/channels').set(bearer(op.token)).expect(200)).body;
      expect(list.find((c: { id: number }) => c.id === channelId)).toMatchObject({ id: channelId, name: expect.any(String), areYouInside: true, operators: [{ id: op.id, name: expect.any(String) }] });
      const event = nextEvent(op.socket, 'livechat.channel');
      await t.http.post(`/api/livechat/channels/${channelId}/leave`).set(bearer(op.token)).expect(200, { areYouInside: false });
      expect(await event).toMatchObject({ channelId, areYouInside: false });
      list = (await t.http.get('/api/livechat/channels').set(bearer(op.token)).expect(200)).body;
      expect(list.find((c: { id: number }) => c.id === channelId)).toMatchObject({ areYouInside: false, operators: [] });
    });

    it('sends each join and leave as a delta to the sockets watching the channels, and to no one else', async () => {
      const channelId = await newChannel();
      const watcher = await t.connect({ token: t.adminToken });
      const bystander = await t.connect({ token: t.adminToken });
      expect(await watcher.emitWithAck('livechat.channels.watch')).toEqual({ ok: true });
      const seen: unknown[] = [];
      bystander.on('livechat.channel.operator', (e) => seen.push(e));
      const joined = nextEvent(watcher, 'livechat.channel.operator');
      const op = await operator(channelId);
      expect(await joined).toEqual({ channelId, operator: { id: op.id, name: `User op${counter}` }, inside: true });
      const left = nextEvent(watcher, 'livechat.channel.operator');
      await t.http.post(`/api/livechat/channels/${channelId}/leave`).set(bearer(op.token)).expect(200);
      expect(await left).toEqual({ channelId, operator: { id: op.id, name: expect.any(String) }, inside: false });
      expect(await watcher.emitWithAck('livechat.channels.unwatch')).toEqual({ ok: true });
      const after: unknown[] = [];
      watcher.on('livechat.channel.operator', (e) => after.push(e));
      await t.http.post(`/api/livechat/channels/${channelId}/join`).set(bearer(op.token)).expect(200);
      await t.http.get('/api/health').expect(200); // the join's emit went out before its answer
      expect([seen, after]).toEqual([[], []]);
    });

    it('watching the channels takes no payload and needs a signed-in user', async () => {
      const socket = await t.connect({ token: t.adminToken });
      expect(await socket.emitWithAck('livechat.channels.watch', { all: true })).toMatchObject({ status: 400 });
      const channelId = await newChannel();
      const session = (await start(channelId).expect(201)).body;
      const visitor = await t.connect({ visitorToken: session.visitorToken });
      expect(await visitor.emitWithAck('livechat.channels.watch')).toMatchObject({ status: 403 });
    });

    it('lets only operators join (403) and only managers create channels (403)', async () => {
      const channelId = await newChannel();
      const plain = await t.createUser(`plain${++counter}`, []);
      await t.http.post(`/api/livechat/channels/${channelId}/join`).set(bearer(plain.token)).expect(403);
      const op = await operator(null);
      await t.http.post('/api/livechat/channels').set(bearer(op.token)).send({ name: 'Nope' }).expect(403);
      await t.http.post('/api/livechat/channels/999999/join').set(bearer(op.token)).expect(404);
      await t.http.post('/api/livechat/channels/abc/join').set(bearer(op.token)).expect(400);
    });

    it('validates channel input', async () => {
      await t.http.post('/api/livechat/channels').set(bearer(manager.token)).send({ name: '' }).expect(400);
      await t.http.post('/api/livechat/channels').set(bearer(manager.token)).send({ name: 'x', maxSessionsPerOperator: 0 }).expect(400);
      await t.http.post('/api/livechat/channels').set(bearer(manager.token)).send({ name: 'x', colors: { button: 'red' } }).expect(400);
      await t.http.post('/api/livechat/channels').set(bearer(manager.token)).send({ name: 'x', owner: 1 }).expect(400);
    });
  });

  describe('visitors', () => {
    it('describes a channel publicly: nobody inside means not available', async () => {
      const channelId = await newChannel({ buttonText: 'Talk to us' });
      const empty = await t.http.get(`/api/livechat/channels/${channelId}/public`).expect(200);
      expect(empty.body).toEqual({ id: channelId, name: expect.any(String), lang: 'en-US', buttonText: 'Talk to us', welcomeMessage: expect.any(String), colors: expect.any(Object), operatorsInside: 0, available: false, emailTranscripts: false, blocked: false });
      await operator(channelId);
      expect((await t.http.get(`/api/livechat/channels/${channelId}/public`).expect(200)).body).toMatchObject({ operatorsInside: 1, available: true });
      await t.http.get('/api/livechat/channels/999999/public').expect(404);
    });

    it('starts a session with an operator, and the visitor sees the Online Chat Name', async () => {
      const channelId = await newChannel();
      const op = await operator(channelId, { livechatUsername: 'Jo' });
      const conversation = nextEvent(op.socket, 'conversation', (c) => c.kind === 'livechat');
      const res = await start(channelId, { 'Accept-Language': 'en-US' }).expect(201);
      expect(res.body).toEqual({ sessionId: expect.any(Number), conversationId: expect.any(Number), visitorToken: expect.any(String), status: 'active', queuePosition: null, operator: { id: op.id, name: 'Jo' } });
      expect(await conversation).toMatchObject({ id: res.body.conversationId, kind: 'livechat' });
    });

    it('shows the user name when the Online Chat Name is empty, and a changed name on the next message', async () => {
      const channelId = await newChannel();
      const op = await operator(channelId);
      const res = await start(channelId).expect(201);
      expect(res.body.operator.name).toBe(`User op${counter}`);
      await t.http.patch('/api/me/preferences').set(bearer(op.token)).send({ livechatUsername: 'Renamed' }).expect(200);
      const reply = await t.http.post(`/api/discuss/conversations/${res.body.conversationId}/messages`).set(bearer(op.token)).send({ body: 'Hi!' }).expect(201);
      expect(reply.body.author).toEqual({ kind: 'user', id: op.id, name: 'Renamed' });
    });

    it('writes under the Online Chat Name in live chats only: the user name in a Discuss channel', async () => {
      const op = await operator(null, { livechatUsername: 'Jo' });
      const channel = await t.http.post('/api/discuss/channels').set(bearer(op.token)).send({ name: `team ${counter}` }).expect(201);
      const message = await t.http.post(`/api/discuss/conversations/${channel.body.id}/messages`).set(bearer(op.token)).send({ body: 'Hi team' }).expect(201);
      expect(message.body.author).toEqual({ kind: 'user', id: op.id, name: `User op${counter}` });
    });

    it('lets the visitor write, read the whole conversation and receive operator replies live', async () => {
      const channelId = await newChannel();
      const op = await operator(channelId);
      const { body: session } = await start(channelId).expect(201);
      const visitor = await t.connect({ visitorToken: session.visitorToken });
      const toOperator = nextEvent(op.socket, 'message', (m) => m.body === 'Hello, I need help');
      const sent = await t.http.post(`/api/livechat/sessions/${session.sessionId}/messages`).set('X-Visitor-Token', session.visitorToken).send({ body: 'Hello, I need help', clientId: 'v1' }).expect(201);
      expect(sent.body).toMatchObject({ author: { kind: 'visitor', id: session.sessionId }, body: 'Hello, I need help', clientId: 'v1' });
      expect(await toOperator).toEqual(sent.body);
      await t.http.post(`/api/livechat/sessions/${session.sessionId}/messages`).set('X-Visitor-Token', session.visitorToken).send({ body: 'Hello, I need help', clientId: 'v1' }).expect(200);

      const toVisitor = nextEvent(visitor, 'message', (m) => m.author.kind === 'user');
      await t.http.post(`/api/discuss/conversations/${session.conversationId}/messages`).set(bearer(op.token)).send({ body: '<script>alert(1)</script> Sure!' }).expect(201);
      expect((await toVisitor).body).toBe('<script>alert(1)</script> Sure!');

      const viaSocket = await visitor.emitWithAck('message', { conversationId: session.conversationId, body: 'by socket', clientId: 'v2' });
      expect(viaSocket).toMatchObject({ body: 'by socket', author: { kind: 'visitor', id: session.sessionId, name: `Visitor #${session.sessionId}` } });
      const history = (await t.http.get(`/api/livechat/sessions/${session.sessionId}/messages`).set('X-Visitor-Token', session.visitorToken).expect(200)).body;
      expect(history.map((m: { body: string }) => m.body)).toEqual(['Hello! How may I help you?', 'Hello, I need help', '<script>alert(1)</script> Sure!', 'by socket']);
    });

    it('delivers a socket message to the other tabs and the operator; the sending socket has it in its ack only', async () => {
      const channelId = await newChannel();
      const op = await operator(channelId);
      const { body: session } = await start(channelId).expect(201);
      const [sendingTab, otherTab] = [await t.connect({ visitorToken: session.visitorToken }), await t.connect({ visitorToken: session.visitorToken })];
      const echoes: unknown[] = [];
      sendingTab.on('message', (m) => echoes.push(m));
      const toOperator = nextEvent(op.socket, 'message');
      const toOtherTab = nextEvent(otherTab, 'message');
      const acked = await sendingTab.emitWithAck('message', { conversationId: session.conversationId, body: 'from one tab', clientId: 't1' });
      expect(await toOperator).toEqual(acked);
      expect(await toOtherTab).toEqual(acked);
      const reply = nextEvent(sendingTab, 'message');
      await op.socket.emitWithAck('message', { conversationId: session.conversationId, body: 'answer', clientId: 'a1' });
      expect(await reply).toMatchObject({ body: 'answer' }); // it does receive the others' messages
      expect(echoes).toEqual([expect.objectContaining({ body: 'answer' })]);
    });

    it('guards visitor credentials: missing or unknown token 401, another session 404, nothing stored', async () => {
      const channelId = await newChannel();
      await operator(channelId);
      const a = (await start(channelId).expect(201)).body;
      const b = (await start(channelId).expect(201)).body;
      await t.http.get(`/api/livechat/sessions/${a.sessionId}/messages`).expect(401);
      await t.http.get(`/api/livechat/sessions/${a.sessionId}/messages`).set('X-Visitor-Token', 'forged').expect(401);
      await t.http.get(`/api/livechat/sessions/${a.sessionId}/messages`).set('X-Visitor-Token', b.visitorToken).expect(404);
      await t.http.post(`/api/livechat/sessions/${a.sessionId}/messages`).set('X-Visitor-Token', b.visitorToken).send({ body: 'intrusion' }).expect(404);
      const visitorB = await t.connect({ visitorToken: b.visitorToken });
      expect(await visitorB.emitWithAck('message', { conversationId: a.conversationId, body: 'intrusion' })).toMatchObject({ status: 404 });
      const history = (await t.http.get(`/api/livechat/sessions/${a.sessionId}/messages`).set('X-Visitor-Token', a.visitorToken).expect(200)).body;
      expect(history.map((m: { body: string }) => m.body)).toEqual(['Hello! How may I help you?']); // the welcome only
      await t.http.post(`/api/livechat/sessions/${a.sessionId}/messages`).set('X-Visitor-Token', a.visitorToken).send({ body: ' ' }).expect(400);
      await t.http.post(`/api/livechat/sessions/${a.sessionId}/messages`).set('X-Visitor-Token', a.visitorToken).send({ body: 'x'.repeat(4001) }).expect(400);
      await start(999999).expect(404);
    });

    it('keeps a known X-Visitor-Token and ignores an unknown one', async () => {
      const channelId = await newChannel();
      await operator(channelId);
      const first = (await start(channelId).expect(201)).body;
      const again = (await start(channelId, { 'X-Visitor-Token': first.visitorToken }).expect(201)).body;
      expect(again.visitorToken).toBe(first.visitorToken);
      const fresh = (await start(channelId, { 'X-Visitor-Token': 'made-up' }).expect(201)).body;
      expect(fresh.visitorToken).not.toBe('made-up');
    });

    it('closes: the visitor is told, later messages are 409; the operator and managers can close too', async () => {
      const channelId = await newChannel();
      const op = await operator(channelId);
      const s1 = (await start(channelId).expect(201)).body;
      const visitor = await t.connect({ visitorToken: s1.visitorToken });
      const ended = nextEvent(visitor, 'livechat.session', (e) => e.status === 'ended');
      const closed = await t.http.post(`/api/livechat/sessions/${s1.sessionId}/close`).set('X-Visitor-Token', s1.visitorToken).expect(200);
      expect(closed.body).toMatchObject({ id: s1.sessionId, status: 'ended', endedAt: expect.any(String) });
      expect(await ended).toMatchObject({ sessionId: s1.sessionId, status: 'ended' });
      await t.http.post(`/api/livechat/sessions/${s1.sessionId}/messages`).set('X-Visitor-Token', s1.visitorToken).send({ body: 'hello?' }).expect(409);
      // By socket too (the message's own statement refuses it), and nothing is stored.
      expect(await visitor.emitWithAck('message', { conversationId: s1.conversationId, body: 'still there?', clientId: 'late' })).toMatchObject({ status: 409 });
      const history = (await t.http.get(`/api/livechat/sessions/${s1.sessionId}/messages`).set('X-Visitor-Token', s1.visitorToken).expect(200)).body;
      expect(history.map((m: { body: string }) => m.body)).not.toContain('still there?');

      const s2 = (await start(channelId).expect(201)).body;
      const other = await operator(null);
      await t.http.post(`/api/livechat/sessions/${s2.sessionId}/close`).set(bearer(other.token)).expect(403);
      await t.http.post(`/api/livechat/sessions/${s2.sessionId}/close`).expect(401);
      await t.http.post(`/api/livechat/sessions/${s2.sessionId}/close`).set(bearer(op.token)).expect(200);
      const items = (await t.http.get('/api/discuss/conversations').set(bearer(op.token)).expect(200)).body;
      const item = items.find((c: { id: number }) => c.id === s2.conversationId);
      expect(item.lastMessage).toMatchObject({ author: { kind: 'system' }, body: expect.stringContaining('ended the conversation') });
      expect(item.unreadCount).toBe(0); // the system notice is no news to read
      const s3 = (await start(channelId).expect(201)).body;
      await t.http.post(`/api/livechat/sessions/${s3.sessionId}/close`).set(bearer(manager.token)).expect(200);
    });

    it('keeps offline messages for managers as ended sessions', async () => {
      const channelId = await newChannel();
      const res = await t.http.post(`/api/livechat/channels/${channelId}/offline-messages`).send({ name: 'Ann', email: 'ann@example.com', body: 'Call me back' }).expect(201);
      expect(res.body).toMatchObject({ status: 'ended', email: 'ann@example.com', offline: true, messageCount: 1, assignmentSummary: { rule: 'offline' } });
      await t.http.post(`/api/livechat/channels/${channelId}/offline-messages`).send({ email: 'not-an-email', body: 'x' }).expect(400);
      const sessions = (await t.http.get(`/api/livechat/sessions?channelId=${channelId}&status=ended`).set(bearer(manager.token)).expect(200)).body;
      expect(sessions).toHaveLength(1);
      await t.http.get('/api/livechat/sessions').set(bearer((await operator(null)).token)).expect(403);
    });
  });

  describe('assignment rules', () => {
    it('language beats load: a fr-FR visitor goes to the French speaker even with more chats', async () => {
      const channelId = await newChannel();
      const english = await operator(channelId);
      const french = await operator(channelId, { livechatLanguages: ['fr-FR'] });
      await start(channelId, { 'Accept-Language': 'fr-FR' }).expect(201); // french: 1 ongoing
      const res = await start(channelId, { 'Accept-Language': 'fr-FR,fr;q=0.9' }).expect(201);
      expect(res.body.operator.id).toBe(french.id);
      expect(english.id).not.toBe(french.id);
      const [session] = (await t.http.get(`/api/livechat/sessions?channelId=${channelId}`).set(bearer(manager.token))).body;
      expect(session.assignmentReason).toContain('language fr-FR');
      expect(session.assignmentSummary).toEqual({ rule: 'language', language: 'fr-FR', sameLanguageOnly: false, unspokenLanguages: [], ongoing: 1, available: 2, tie: 'none' });
      expect(session.visitorLanguage).toBe('fr-FR');
    });

    it('matches fr-CA to a fr-FR operator (same primary language)', async () => {
      const channelId = await newChannel();
      await operator(channelId);
      const french = await operator(channelId, { lang: 'fr-FR' });
      const res = await start(channelId, { 'Accept-Language': 'fr-CA' }).expect(201);
      expect(res.body.operator.id).toBe(french.id);
    });

    it('language never brings in an operator who is offline or full', async () => {
      const channelId = await newChannel({ maxSessionsPerOperator: 1 });
      const english = await operator(channelId);
      const french = await operator(channelId, { livechatLanguages: ['fr-FR'] });
      const first = await start(channelId, { 'Accept-Language': 'fr-FR' }).expect(201);
      expect(first.body.operator.id).toBe(french.id);
      const second = await start(channelId, { 'Accept-Language': 'fr-FR' }).expect(201); // french is full
      expect(second.body.operator.id).toBe(english.id);
      french.socket.disconnect();
      english.socket.disconnect();
    });

    it('gives the previous operator to a returning visitor', async () => {
      const channelId = await newChannel();
      const first = await operator(channelId);
      const second = await operator(channelId);
      const a = (await start(channelId).expect(201)).body;
      expect(a.operator.id).toBe(first.id);
      const b = (await start(channelId, { 'X-Visitor-Token': a.visitorToken }).expect(201)).body;
      expect(b.operator.id).toBe(first.id); // despite first having 1 ongoing and second 0
      expect(second.id).not.toBe(first.id);
    });

    it('breaks ties by longest since last assignment (round robin among equals)', async () => {
      const channelId = await newChannel();
      const ops = [await operator(channelId), await operator(channelId), await operator(channelId)];
      const assigned: number[] = [];
      for (let i = 0; i < 6; i++) {
        const s = (await start(channelId).expect(201)).body;
        assigned.push(s.operator.id);
        await t.http.post(`/api/livechat/sessions/${s.sessionId}/close`).set('X-Visitor-Token', s.visitorToken).expect(200);
      }
      expect(assigned).toEqual([ops[0].id, ops[1].id, ops[2].id, ops[0].id, ops[1].id, ops[2].id]);
    });

    it('queues without a candidate and drains first come first served when an operator joins', async () => {
      const channelId = await newChannel({ maxSessionsPerOperator: 1 });
      const q1 = (await start(channelId).expect(201)).body;
      const q2 = (await start(channelId).expect(201)).body;
      expect(q1).toMatchObject({ status: 'queued', queuePosition: 1, operator: null });
      expect(q2).toMatchObject({ status: 'queued', queuePosition: 2, operator: null });
      const v1 = await t.connect({ visitorToken: q1.visitorToken });
      const v2 = await t.connect({ visitorToken: q2.visitorToken });
      const v1Active = nextEvent(v1, 'livechat.session', (e) => e.status === 'active');
      const v2First = nextEvent(v2, 'livechat.session', (e) => e.queuePosition === 1);
      const op = await operator(channelId);
      expect(await v1Active).toMatchObject({ sessionId: q1.sessionId, status: 'active', operator: { id: op.id }, queuePosition: null });
      expect(await v2First).toMatchObject({ sessionId: q2.sessionId, status: 'queued', queuePosition: 1 });
      const v2Active = nextEvent(v2, 'livechat.session', (e) => e.status === 'active');
      await t.http.post(`/api/livechat/sessions/${q1.sessionId}/close`).set('X-Visitor-Token', q1.visitorToken).expect(200);
      expect(await v2Active).toMatchObject({ sessionId: q2.sessionId, operator: { id: op.id } });
    });

    it('never over-assigns past the limit with 50 simultaneous starts', async () => {
      const channelId = await newChannel({ maxSessionsPerOperator: 3 });
      const ops = [await operator(channelId), await operator(channelId), await operator(channelId)];
      const results = await Promise.all(Array.from({ length: 50 }, () => start(channelId)));
      expect(results.every((r) => r.status === 201)).toBe(true);
      const perOperator = new Map<number, number>();
      for (const r of results) if (r.body.operator) perOperator.set(r.body.operator.id, (perOperator.get(r.body.operator.id) ?? 0) + 1);
      expect([...perOperator.values()]).toEqual([3, 3, 3]);
      expect(results.filter((r) => r.body.status === 'queued')).toHaveLength(41);
      const positions = results.filter((r) => r.body.status === 'queued').map((r) => r.body.queuePosition).sort((a, b) => a - b);
      expect(positions).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
      expect(ops).toHaveLength(3);
    });
  });

  it('rate-limits visitor messages per session with 429', async () => {
    const channelId = await newChannel();
    await operator(channelId);
    const s = (await start(channelId).expect(201)).body;
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await t.http.post(`/api/livechat/sessions/${s.sessionId}/messages`).set('X-Visitor-Token', s.visitorToken).send({ body: `m${i}` })).status);
    expect(statuses.slice(0, 30).every((code) => code === 201)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
  });
});

describe('livechat: the 30-minute rule with a 2-second timeout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ inactivityTimeoutS: 2, presenceOfflineGraceS: 1 });
  });
  afterAll(() => t.close());

  it('removes an inactive operator from the channel, tells their shell, keeps their conversation and its socket', async () => {
    const manager = await t.createUser('mgr', ['livechat_manager']);
    const channelId = (await t.http.post('/api/livechat/channels').auth(manager.token, { type: 'bearer' }).send({ name: 'Fast' }).expect(201)).body.id;
    const op = await t.createUser('sleepy', ['livechat_operator']);
    const socket = await t.connect({ token: op.token });
    await t.http.post(`/api/livechat/channels/${channelId}/join`).auth(op.token, { type: 'bearer' }).expect(200);
    const session = (await t.http.post(`/api/livechat/channels/${channelId}/sessions`).send({}).expect(201)).body;
    expect(session.status).toBe('active');
    const removed = await nextEvent(socket, 'livechat.channel', (e) => e.areYouInside === false, 6000);
    expect(removed).toMatchObject({ channelId, areYouInside: false });
    expect(socket.connected).toBe(true);
    const channels = (await t.http.get('/api/livechat/channels').auth(op.token, { type: 'bearer' }).expect(200)).body;
    expect(channels[0].areYouInside).toBe(false);
    const conversations = (await t.http.get('/api/discuss/conversations').auth(op.token, { type: 'bearer' }).expect(200)).body;
    expect(conversations.map((c: { id: number }) => c.id)).toContain(session.conversationId);
  });

  it('never assigns an operator who went offline, even one speaking the visitor language', async () => {
    const manager = await t.createUser('mgr3', ['livechat_manager']);
    const channelId = (await t.http.post('/api/livechat/channels').auth(manager.token, { type: 'bearer' }).send({ name: 'Offline' }).expect(201)).body.id;
    await t.http.post('/api/languages/de-DE/enable').auth(t.adminToken, { type: 'bearer' }).expect(200);
    const german = await t.createUser('german', ['livechat_operator'], { lang: 'de-DE' });
    const english = await t.createUser('english', ['livechat_operator']);
    const germanSocket = await t.connect({ token: german.token });
    const englishSocket = await t.connect({ token: english.token });
    for (const op of [german, english]) await t.http.post(`/api/livechat/channels/${channelId}/join`).auth(op.token, { type: 'bearer' }).expect(200);
    germanSocket.disconnect();
    await waitFor(async () => expect((await t.http.get('/api/presence').auth(t.adminToken, { type: 'bearer' })).body).toContainEqual({ userId: german.id, status: 'offline' }), 5000);
    await englishSocket.emitWithAck('activity'); // stays active within the 2 s timeout
    const session = (await t.http.post(`/api/livechat/channels/${channelId}/sessions`).set('Accept-Language', 'de-DE').send({}).expect(201)).body;
    expect(session.operator.id).toBe(english.id);
  });

  it('keeps an active operator inside', async () => {
    const op = await t.createUser('busy', ['livechat_operator']);
    const manager = await t.createUser('mgr2', ['livechat_manager']);
    const channelId = (await t.http.post('/api/livechat/channels').auth(manager.token, { type: 'bearer' }).send({ name: 'Busy' }).expect(201)).body.id;
    const socket = await t.connect({ token: op.token });
    await t.http.post(`/api/livechat/channels/${channelId}/join`).auth(op.token, { type: 'bearer' }).expect(200);
    for (let i = 0; i < 8; i++) {
      await new Promise((r) => setTimeout(r, 500));
      expect(await socket.emitWithAck('activity')).toEqual({ ok: true });
    }
    const channels = (await t.http.get('/api/livechat/channels').auth(op.token, { type: 'bearer' }).expect(200)).body;
    expect(channels.find((c: { id: number }) => c.id === channelId).areYouInside).toBe(true);
  });
});

describe('livechat: sessions end after LIVECHAT_SESSION_IDLE_END_S with no message and no visitor connection (2 s here)', () => {
  let t: TestApp;
  let channelId: number;
  const status = async (sessionId: number) =>
    (await t.http.get(`/api/livechat/sessions?channelId=${channelId}`).auth(t.adminToken, { type: 'bearer' }).expect(200)).body.find((s: { id: number }) => s.id === sessionId).status;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  beforeAll(async () => {
    // The sweeper runs every min(60 s, inactivity timeout / 2): every second here.
    t = await createTestApp({ sessionIdleEndS: 2, inactivityTimeoutS: 2 });
    channelId = (await t.http.post('/api/livechat/channels').auth(t.adminToken, { type: 'bearer' }).send({ name: 'Idle' }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  it('ends a session nobody wrote in and nobody follows', async () => {
    const session = (await t.http.post(`/api/livechat/channels/${channelId}/sessions`).send({}).expect(201)).body;
    await waitFor(async () => expect(await status(session.sessionId)).toBe('ended'), 6000, 200);
  });

  it('keeps a session while messages come, and ends it once they stop', async () => {
    const session = (await t.http.post(`/api/livechat/channels/${channelId}/sessions`).send({}).expect(201)).body;
    // A message every 0.6 s for 3.6 s: well past the 2 s idle time, with margin for a slow machine between two.
    for (let i = 0; i < 6; i++) {
      await t.http.post(`/api/livechat/sessions/${session.sessionId}/messages`).set('X-Visitor-Token', session.visitorToken).send({ body: `still here ${i}` }).expect(201);
      await sleep(600);
    }
    expect(await status(session.sessionId)).not.toBe('ended'); // 3.6 s after the start, 0.6 s after the last message
    await waitFor(async () => expect(await status(session.sessionId)).toBe('ended'), 6000, 200);
  });

  it('keeps a session while the visitor is connected, and counts the idle time from their disconnection', async () => {
    const session = (await t.http.post(`/api/livechat/channels/${channelId}/sessions`).send({}).expect(201)).body;
    const visitor = await t.connect({ visitorToken: session.visitorToken });
    await sleep(3500);
    expect(await status(session.sessionId)).not.toBe('ended');
    visitor.disconnect();
    await sleep(1000);
    expect(await status(session.sessionId)).not.toBe('ended');
    await waitFor(async () => expect(await status(session.sessionId)).toBe('ended'), 6000, 200);
  });
});
