import { setUp, startChat } from './test-fakes';

const COPY = '/api/livechat/sessions/12/transcript/email';
const ended = { sessionId: 12, status: 'ended', operator: { id: 7, name: 'Marc' }, queuePosition: null };

describe('"Send me a copy" at the end of a chat', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('is offered once the chat ended when /public says emailTranscripts, and posts the trimmed address with the token', async () => {
    const t = setUp();
    t.server.channel.emailTranscripts = true;
    const socket = await startChat(t);
    expect(t.chat.canEmailTranscript).toBe(false);
    expect(await t.chat.emailTranscript('ann@example.com')).toBe(false); // not while the chat goes on
    socket.receive('livechat.session', ended);
    expect(t.chat.canEmailTranscript).toBe(true);
    t.server.once('POST', COPY, { status: 202, data: { accepted: true } });
    const sent = t.chat.emailTranscript('  ann@example.com ');
    expect(t.chat.transcriptCopy.stateFor(12)).toBe('sending');
    expect(await sent).toBe(true);
    expect(t.server.posts(COPY)).toEqual([{ method: 'POST', path: COPY, body: { email: 'ann@example.com' }, token: 'token-1' }]);
    expect(t.chat.transcriptCopy).toMatchObject({ sentTo: 'ann@example.com', error: '' });
    expect(t.chat.transcriptCopy.stateFor(12)).toBe('sent');
    expect(t.chat.transcriptCopy.stateFor(13)).toBe('ask'); // a later chat asks again
    expect(t.changes).toContain('rating'); // the end screen repaints
  });

  it('is not offered when the server sends no mail', async () => {
    const t = setUp();
    const socket = await startChat(t);
    socket.receive('livechat.session', ended);
    expect(t.chat.canEmailTranscript).toBe(false);
    expect(await t.chat.emailTranscript('ann@example.com')).toBe(false);
    expect(t.server.posts(COPY)).toEqual([]);
  });

  it('checks the address first, and keeps the field open on a refusal or a network error', async () => {
    const t = setUp();
    t.server.channel.emailTranscripts = true;
    const socket = await startChat(t);
    socket.receive('livechat.session', ended);
    expect(await t.chat.emailTranscript('not an address')).toBe(false);
    expect(t.chat.transcriptCopy.error).toMatch(/valid email/);
    expect(t.server.posts(COPY)).toEqual([]);
    t.server.once('POST', COPY, 'network error');
    expect(await t.chat.emailTranscript('ann@example.com')).toBe(false);
    expect(t.chat.transcriptCopy.error).toMatch(/connection/);
    t.server.once('POST', COPY, { status: 429 });
    expect(await t.chat.emailTranscript('ann@example.com')).toBe(false);
    expect(t.chat.transcriptCopy.error).toMatch(/enough copies/);
    expect(t.chat.transcriptCopy.stateFor(12)).toBe('ask');
  });
});
