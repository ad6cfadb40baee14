import { MemoryStorage, setUp, settle, startChat } from './test-fakes';
import { WidgetTexts } from './texts';

/** DESIGN "Languages of the interface": the widget speaks the visitor's browser language (best shipped match, else en-US). */
describe('the widget in the visitor\'s language', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('negotiates the best shipped language from the browser\'s languages', () => {
    expect(WidgetTexts.negotiate(['fr-CA', 'en-US'])).toBe('fr-FR');
    expect(WidgetTexts.negotiate(['zh-Hans-CN'])).toBe('zh-CN');
    expect(WidgetTexts.negotiate(['pt-BR', 'de'])).toBe('de-DE');
    expect(WidgetTexts.negotiate(['pt-BR'])).toBe('en-US');
    expect(WidgetTexts.negotiate([])).toBe('en-US');
  });

  it('loads a French visitor\'s words with the channel and sends their languages to /public', async () => {
    const t = setUp(new MemoryStorage(), ['fr-CA', 'fr', 'en-US']);
    await t.chat.loadChannel();
    const channelRead = t.server.requests.find((r) => r.path === '/api/livechat/channels/1/public')!;
    expect(channelRead.acceptLanguage).toBe('fr-CA,fr,en-US');
    expect(t.server.requests.find((r) => r.path === '/livechat/i18n/fr-FR.json')!.acceptLanguage).toBeUndefined();
    expect(t.server.requests.map((r) => r.path)).toContain('/livechat/i18n/fr-FR.json');
    expect(t.chat.texts.lang).toBe('fr-FR');
    expect(t.chat.texts.t('widget.launcher.default')).toBe('Discutons ensemble');
    expect(t.chat.texts.t('widget.queue.position', { position: 2 })).toBe('Vous êtes en position 2 dans la file d’attente');
    // Loaded once: a later read of the channel does not fetch the words again.
    await t.chat.loadChannel();
    expect(t.server.requests.filter((r) => r.path === '/livechat/i18n/fr-FR.json')).toHaveLength(1);
  });

  it('sends the same languages with the first message, so that the stored welcome is the one shown', async () => {
    const t = setUp(new MemoryStorage(), ['de-CH', 'de']);
    await startChat(t);
    expect(t.server.requests).toEqual([]); // startChat forgets its requests: look at a second start
    t.chat.close();
    await settle();
    await t.chat.start();
    t.chat.send('Noch eine Frage');
    await settle();
    expect(t.server.posts('/api/livechat/channels/1/sessions').map((r) => r.acceptLanguage)).toEqual(['de-CH,de']);
  });

  it('needs no file for English and keeps English when the file cannot be had', async () => {
    const english = setUp();
    await english.chat.loadChannel();
    expect(english.server.requests.map((r) => r.path)).toEqual(['/api/livechat/channels/1/public']);
    const german = setUp(new MemoryStorage(), ['de-DE']);
    german.server.once('GET', '/livechat/i18n/de-DE.json', 'network error');
    expect(await german.chat.loadChannel()).not.toBeNull();
    expect(german.chat.texts.t('widget.launcher.default')).toBe('Chat with us');
  });

  it('keeps only language tags in the header it sends, within 128 characters', async () => {
    const t = setUp(new MemoryStorage(), ['zh-CN', 'x;q=1,evil', 'a'.repeat(20), ...Array.from({ length: 40 }, () => 'en-GB')]);
    await t.chat.loadChannel();
    const header = t.server.requests.find((r) => r.path === '/api/livechat/channels/1/public')!.acceptLanguage!;
    expect(header.startsWith('zh-CN,en-GB')).toBe(true);
    expect(header).not.toMatch(/evil|;/);
    expect(header.length).toBeLessThanOrEqual(128);
  });

  it('shows system messages in the visitor\'s language from their key, and their English text without one', async () => {
    const t = setUp(new MemoryStorage(), ['zh-CN']);
    await startChat(t);
    expect(t.chat.texts.message({ body: 'Marc joined the conversation', i18n: { key: 'livechat.joined', params: { name: 'Marc' } } })).toBe('Marc 加入了对话');
    expect(t.chat.texts.message({ body: 'Something new', i18n: { key: 'livechat.unknown', params: {} } })).toBe('Something new');
    expect(t.chat.texts.message({ body: 'Typed by hand' })).toBe('Typed by hand');
    expect(t.chat.texts.message({ body: 'x', i18n: { key: 'toString', params: {} } })).toBe('x');
  });

  it('says why the server ended the chat in the visitor\'s language', async () => {
    const t = setUp(new MemoryStorage(), ['es-MX']);
    const socket = await startChat(t);
    socket.receive('livechat.session', { sessionId: 12, status: 'ended', operator: null, queuePosition: null, reason: 'Chat is not available', reasonI18n: { key: 'livechat.chatNotAvailable', params: {} } });
    await settle();
    expect(t.chat.endReason).toBe('El chat no está disponible');
  });
});
