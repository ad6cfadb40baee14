import { createTestApp, type TestApp } from '@lc/testing';

/** DESIGN, "Languages of the interface": the channel's texts per language, and /public in the visitor's language. */
describe('livechat: channel translations and /public in the visitor\'s language', () => {
  let t: TestApp;
  let manager: { id: number; token: string };
  let operator: { id: number; token: string };
  let counter = 0;
  beforeAll(async () => {
    t = await createTestApp({ rateLimits: { visitorSessionStartsPerMinute: 1000 } });
    manager = await t.createUser('manager', ['livechat_manager']);
    operator = await t.createUser('operator', ['livechat_operator']);
  });
  afterAll(() => t.close());

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const newChannel = async () =>
    (await t.http.post('/api/livechat/channels').set(bearer(manager.token)).send({ name: `Channel ${++counter}`, buttonText: 'Chat with us', welcomeMessage: 'Hello! How may I help you?' }).expect(201)).body as { id: number };
  const patch = (id: number, body: object) => t.http.patch(`/api/livechat/channels/${id}`).set(bearer(manager.token)).send(body);
  const publicFor = async (id: number, acceptLanguage?: string) => {
    const request = t.http.get(`/api/livechat/channels/${id}/public`);
    return (await (acceptLanguage === undefined ? request : request.set('Accept-Language', acceptLanguage)).expect(200)).body;
  };

  it('starts without translations and stores them per language, trimmed, an empty text meaning the default', async () => {
    const channel = await newChannel();
    expect(channel).toMatchObject({ translations: {} });
    const { body } = await patch(channel.id, { translations: { 'fr-FR': { buttonText: ' Discutons ', welcomeMessage: 'Bonjour ! Comment puis-je vous aider ?' }, 'de-DE': { buttonText: '', welcomeMessage: '  ' } } }).expect(200);
    expect(body.translations).toEqual({ 'fr-FR': { buttonText: 'Discutons', welcomeMessage: 'Bonjour ! Comment puis-je vous aider ?' } });
    const listed = (await t.http.get('/api/livechat/channels').set(bearer(operator.token)).expect(200)).body.find((c: { id: number }) => c.id === channel.id);
    expect(listed.translations).toEqual(body.translations);
    // Other fields leave them alone; a new map replaces them whole.
    expect((await patch(channel.id, { name: 'Renamed' }).expect(200)).body.translations).toEqual(body.translations);
    expect((await patch(channel.id, { translations: { 'zh-CN': { buttonText: '在线咨询' } } }).expect(200)).body.translations).toEqual({ 'zh-CN': { buttonText: '在线咨询' } });
    expect((await patch(channel.id, { translations: {} }).expect(200)).body.translations).toEqual({});
  });

  it('answers /public in the best shipped language of Accept-Language, with the channel\'s texts in it when it has them', async () => {
    const channel = await newChannel();
    await patch(channel.id, { translations: { 'fr-FR': { buttonText: 'Discutons', welcomeMessage: 'Bonjour !' }, 'de-DE': { welcomeMessage: 'Hallo!' } } }).expect(200);
    expect(await publicFor(channel.id, 'fr-CA,fr;q=0.9,en;q=0.5')).toMatchObject({ lang: 'fr-FR', buttonText: 'Discutons', welcomeMessage: 'Bonjour !' });
    expect(await publicFor(channel.id, 'de-AT')).toMatchObject({ lang: 'de-DE', buttonText: 'Chat with us', welcomeMessage: 'Hallo!' });
    expect(await publicFor(channel.id, 'zh-CN,zh;q=0.9')).toMatchObject({ lang: 'zh-CN', buttonText: 'Chat with us', welcomeMessage: 'Hello! How may I help you?' });
    expect(await publicFor(channel.id, 'it-IT, pt;q=0.8, fr;q=0')).toMatchObject({ lang: 'en-US', buttonText: 'Chat with us' });
    expect(await publicFor(channel.id)).toMatchObject({ lang: 'en-US', welcomeMessage: 'Hello! How may I help you?' });
    expect((await t.http.get(`/api/livechat/channels/${channel.id}/public`).expect(200)).headers.vary).toMatch(/Accept-Language/);
    // Garbage and absurd headers read as no language, never as an error.
    expect(await publicFor(channel.id, `${'x'.repeat(5000)},fr`)).toMatchObject({ lang: 'en-US' });
    expect(await publicFor(channel.id, ';;;,,,q=abc')).toMatchObject({ lang: 'en-US' });
  });

  it('stores the welcome message in the visitor\'s language as the conversation\'s first message', async () => {
    const channel = await newChannel();
    await patch(channel.id, { translations: { 'fr-FR': { welcomeMessage: 'Bonjour ! Que puis-je pour vous ?' } } }).expect(200);
    const french = (await t.http.post(`/api/livechat/channels/${channel.id}/sessions`).set('Accept-Language', 'fr-BE,fr;q=0.9').send({}).expect(201)).body;
    const english = (await t.http.post(`/api/livechat/channels/${channel.id}/sessions`).set('Accept-Language', 'en-GB').send({}).expect(201)).body;
    const history = async (s: { sessionId: number; visitorToken: string }) =>
      (await t.http.get(`/api/livechat/sessions/${s.sessionId}/messages`).set('X-Visitor-Token', s.visitorToken).expect(200)).body.map((m: { body: string }) => m.body);
    expect(await history(french)).toEqual(['Bonjour ! Que puis-je pour vous ?']);
    expect(await history(english)).toEqual(['Hello! How may I help you?']);
  });

  it.each([
    [{ translations: { 'en-US': { buttonText: 'Hi' } } }, /"en-US" is not a shipped language other than en-US/],
    [{ translations: { 'it-IT': { buttonText: 'Ciao' } } }, /"it-IT" is not a shipped language/],
    ['{"translations": {"__proto__": {"buttonText": "x"}}}', /__proto__/],
    [{ translations: { 'fr-FR': { buttonText: 'x'.repeat(101) } } }, /translations\.fr-FR\.buttonText must be at most 100 characters/],
    [{ translations: { 'fr-FR': { welcomeMessage: 'x'.repeat(1001) } } }, /translations\.fr-FR\.welcomeMessage must be at most 1000 characters/],
    [{ translations: { 'fr-FR': { colors: 'red' } } }, /translations\.fr-FR: unknown field "colors"/],
    [{ translations: { 'fr-FR': { buttonText: 3 } } }, /translations\.fr-FR\.buttonText must be a string/],
    [{ translations: { 'fr-FR': 'Discutons' } }, /translations\.fr-FR must be an object/],
    [{ translations: ['fr-FR'] }, /translations must be an object of languages/],
    [{ translations: null }, /translations/],
  ])('refuses %j with 400 naming the field, changing nothing', async (body, message) => {
    const channel = await newChannel();
    await patch(channel.id, { name: 'Kept', translations: { 'fr-FR': { buttonText: 'Discutons' } } }).expect(200);
    const raw = typeof body === 'string' ? body : JSON.stringify(body); // a string is sent as typed (a `__proto__` key stays a key)
    const refused = await t.http.patch(`/api/livechat/channels/${channel.id}`).set(bearer(manager.token)).set('Content-Type', 'application/json').send(raw).expect(400);
    expect([refused.body.message].flat().join('\n')).toMatch(message);
    const listed = (await t.http.get('/api/livechat/channels').set(bearer(manager.token)).expect(200)).body.find((c: { id: number }) => c.id === channel.id);
    expect(listed).toMatchObject({ name: 'Kept', translations: { 'fr-FR': { buttonText: 'Discutons' } } });
  });

  it('lets only a livechat manager change them', async () => {
    const channel = await newChannel();
    await t.http.patch(`/api/livechat/channels/${channel.id}`).set(bearer(operator.token)).send({ translations: { 'fr-FR': { buttonText: 'Discutons' } } }).expect(403);
  });
});
