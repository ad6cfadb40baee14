import { createTestApp, type TestApp } from '@lc/testing';

/**
 * The visitor's country, when a trusted proxy or CDN tells it (COUNTRY_HEADER, e.g. CF-IPCountry): stored
 * with the session and shown to its operator and managers. The header is believed only from a peer that
 * TRUST_PROXY trusts; from anyone else it is ignored.
 */
describe('livechat: the visitor country from a trusted proxy header', () => {
  const apps: TestApp[] = [];
  afterAll(() => Promise.all(apps.map((t) => t.close())));

  async function app(env: Record<string, string>): Promise<{ t: TestApp; manager: string; channelId: number }> {
    const t = await createTestApp({ rateLimits: { visitorSessionStartsPerMinute: 1000 } }, env);
    apps.push(t);
    const manager = (await t.createUser('manager', ['livechat_manager'])).token;
    const channelId = (await t.http.post('/api/livechat/channels').auth(manager, { type: 'bearer' }).send({ name: 'Website' }).expect(201)).body.id;
    return { t, manager, channelId };
  }
  const countries = async ({ t, manager, channelId }: Awaited<ReturnType<typeof app>>, headers: string[]) => {
    for (const value of headers) await t.http.post(`/api/livechat/channels/${channelId}/sessions`).set('CF-IPCountry', value).send({}).expect(201);
    await t.http.post(`/api/livechat/channels/${channelId}/offline-messages`).set('CF-IPCountry', headers[0]).send({ email: 'ann@example.com', body: 'Call me' }).expect(201);
    const sessions = (await t.http.get(`/api/livechat/sessions?channelId=${channelId}`).auth(manager, { type: 'bearer' }).expect(200)).body;
    return sessions.reverse().map((s: { visitorCountry: string | null }) => s.visitorCountry);
  };

  it('stores a valid code from a trusted peer (loopback here), upper-cased; unknown and malformed codes are null', async () => {
    const trusted = await app({ COUNTRY_HEADER: 'CF-IPCountry' });
    expect(await countries(trusted, ['ca', 'XX', 'T1', 'FRA', 'DE'])).toEqual(['CA', null, null, null, 'DE', 'CA']);
  });

  it('ignores the header from a peer TRUST_PROXY does not trust, and without COUNTRY_HEADER', async () => {
    expect(await countries(await app({ COUNTRY_HEADER: 'CF-IPCountry', TRUST_PROXY: '10.0.0.0/8' }), ['CA'])).toEqual([null, null]);
    expect(await countries(await app({}), ['CA'])).toEqual([null, null]);
  });
});
