import { settle, setUp, startChat } from './test-fakes';

const RATING = '/api/livechat/sessions/12/rating';
const ended = { sessionId: 12, status: 'ended', operator: { id: 7, name: 'Marc' }, queuePosition: null };

describe('rating an ended chat', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('is offered once an answered chat ended, posts the face and the trimmed comment with the token, then thanks', async () => {
    const t = setUp();
    const socket = await startChat(t);
    expect(t.chat.canRate).toBe(false);
    expect(await t.chat.rate(5)).toBe(false); // not while the chat goes on
    expect(t.server.posts(RATING)).toEqual([]);
    socket.receive('livechat.session', ended);
    expect(t.chat.canRate).toBe(true);
    expect(t.chat.rating.stateFor(12)).toBe('ask');
    t.server.once('POST', RATING, { status: 200, data: { id: 12, rating: { value: 5, comment: 'thanks!' } } });
    const sent = t.chat.rate(5, '  thanks!  ');
    expect(t.chat.rating.stateFor(12)).toBe('sending');
    expect(await sent).toBe(true);
    expect(t.server.posts(RATING)).toEqual([{ method: 'POST', path: RATING, body: { value: 5, comment: 'thanks!' }, token: 'token-1' }]);
    expect(t.chat.rating.stateFor(12)).toBe('thanks');
    expect(t.changes).toContain('rating');
    expect(t.chat.rating.stateFor(13)).toBe('ask'); // a later chat asks again
  });

  it('sends no empty comment, keeps the question open on a refusal or a network error, and sends a double click once', async () => {
    const t = setUp();
    const socket = await startChat(t);
    socket.receive('livechat.session', ended);
    t.server.once('POST', RATING, 'network error');
    expect(await t.chat.rate(1, '   ')).toBe(false);
    expect(t.chat.rating).toMatchObject({ error: expect.stringMatching(/could not be sent/) });
    expect(t.chat.rating.stateFor(12)).toBe('ask');
    t.server.once('POST', RATING, { status: 429 });
    expect(await t.chat.rate(1)).toBe(false);
    expect(t.chat.rating.error).toMatch(/wait/);
    t.server.once('POST', RATING, { status: 200, data: {} }, 2);
    const [first, second] = [t.chat.rate(3), t.chat.rate(3)];
    expect(await Promise.all([first, second])).toEqual([true, false]);
    expect(t.server.posts(RATING).map((r) => r.body)).toEqual([{ value: 1 }, { value: 1 }, { value: 3 }]);
    expect(t.chat.rating.error).toBe('');
  });

  it('is not offered for a chat nobody answered', async () => {
    const t = setUp();
    t.server.started = { ...t.server.started, status: 'queued', operator: null, queuePosition: 1 };
    const socket = await startChat(t);
    socket.receive('livechat.session', { ...ended, operator: null });
    await settle();
    expect(t.chat.status).toBe('ended');
    expect(t.chat.canRate).toBe(false);
  });
});
