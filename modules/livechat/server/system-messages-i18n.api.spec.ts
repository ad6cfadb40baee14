import { createTestApp, waitFor, type TestApp } from '@lc/testing';

/** System messages are stored with their key (read in each reader's language); the widget's words per language. */
describe('livechat: system messages as keys, and the widget\'s words', () => {
  let t: TestApp;
  let operator: { id: number; token: string };
  let channelId: number;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  beforeAll(async () => {
    t = await createTestApp({ rateLimits: { visitorSessionStartsPerMinute: 1000 } });
    operator = await t.createUser('operator', ['livechat_operator']);
    await t.connect({ token: operator.token });
    await waitFor(async () => expect((await t.http.get('/api/presence').set(bearer(operator.token))).body).toContainEqual({ userId: operator.id, status: 'online' }));
    channelId = (await t.http.post('/api/livechat/channels').set(bearer(t.adminToken)).send({ name: 'Support' }).expect(201)).body.id;
    await t.http.post(`/api/livechat/channels/${channelId}/join`).set(bearer(operator.token)).expect(200);
  });
  afterAll(() => t.close());

  it('stores what a French visitor\'s actions post with its key and the English body, for every reader', async () => {
    const s = (await t.http.post(`/api/livechat/channels/${channelId}/sessions`).set('Accept-Language', 'fr-FR').send({ visitorName: 'Zoé' }).expect(201)).body;
    const visitor = { 'X-Visitor-Token': s.visitorToken };
    await t.http.post(`/api/livechat/sessions/${s.sessionId}/messages`).set(visitor).send({ body: 'Bonjour' }).expect(201);
    await t.http.post(`/api/livechat/sessions/${s.sessionId}/close`).set(visitor).expect(200);
    await t.http.post(`/api/livechat/sessions/${s.sessionId}/rating`).set(visitor).send({ value: 5, comment: 'Très bien' }).expect(200);
    const system = (await t.http.get(`/api/discuss/conversations/${s.conversationId}/messages`).set(bearer(operator.token)).expect(200)).body.filter((m: { author: { kind: string } }) => m.author.kind === 'system').reverse();
    expect(system).toEqual([
      expect.objectContaining({ body: '\u2068Zoé\u2069 ended the conversation', i18n: { key: 'livechat.ended', params: { name: '\u2068Zoé\u2069' } } }),
      expect.objectContaining({ body: 'Rated 😊 Happy: “\u2068Très bien\u2069”', i18n: { key: 'livechat.rated.happy.comment', params: { comment: '\u2068Très bien\u2069' } } }),
    ]);
    // The visitor's own history carries the keys too; typed messages have none.
    const history = (await t.http.get(`/api/livechat/sessions/${s.sessionId}/messages`).set(visitor).expect(200)).body;
    expect(history.find((m: { body: string }) => m.body === 'Bonjour')).not.toHaveProperty('i18n');
    expect(history.filter((m: { i18n?: object }) => m.i18n)).toHaveLength(2);
  });

  it('serves the widget\'s words per shipped language, cacheable by any website, and nothing else', async () => {
    const french = await t.http.get('/livechat/i18n/fr-FR.json').expect(200);
    expect(french.headers['access-control-allow-origin']).toBe('*');
    expect(french.headers['cache-control']).toBe('public, max-age=3600');
    expect(Object.keys(french.body).sort()).toEqual(['messages', 'widget']);
    expect(french.body.widget['widget.rate.question']).toBe('Comment s’est passée cette conversation\u202f?');
    expect(french.body.messages['livechat.joined']).toBe('{name} a rejoint la conversation');
    expect((await t.http.get('/livechat/i18n/zh-CN.json').expect(200)).body.widget['widget.launcher.default']).toBe('在线咨询');
    for (const file of ['it-IT.json', 'fr-FR', '..%2Fen-US.json', 'FR-fr.json']) await t.http.get(`/livechat/i18n/${file}`).expect(404);
  });
});
