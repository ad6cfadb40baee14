import { join } from 'node:path';
import { createTestApp, nextEvent, type TestApp } from '@lc/testing';
import { lifecycleCalls } from '../../../apps/server/test/fixtures/addons/demo_alpha/server';

const FIXTURE_ADDONS = join(__dirname, '../../../apps/server/test/fixtures/addons');

/** Switching modules at run time: what disabling stops, the lifecycle hooks, and the live `modules` event. */
describe('module lifecycle API', () => {
  let t: TestApp;
  let plain: { id: number; token: string };
  beforeAll(async () => {
    t = await createTestApp({ extraModulePaths: [FIXTURE_ADDONS] });
    plain = await t.createUser('plain', []);
  });
  afterAll(() => t.close());
  const admin = () => ({ Authorization: `Bearer ${t.adminToken}` });
  const impact = (name: string, auth = admin()) => t.http.get(`/api/modules/${name}/disable-impact`).set(auth);

  it('marks required modules: base is required, the others are not', async () => {
    const modules: Array<{ name: string; required: boolean }> = (await t.http.get('/api/modules').set(admin()).expect(200)).body;
    expect(modules.find((m) => m.name === 'base')).toMatchObject({ required: true, enabled: true });
    expect(modules.filter((m) => m.name !== 'base').every((m) => m.required === false)).toBe(true);
  });

  it('says what disabling stops: the module\'s own words, only for admins', async () => {
    await t.http.post('/api/modules/demo_beta/disable').set(admin()).expect(200); // demo_alpha has no enabled dependent now
    expect((await impact('demo_alpha').expect(200)).body).toEqual({ consequences: ['2 alpha things will stop'] });
    expect((await impact('demo_beta').expect(200)).body).toEqual({ consequences: [] }); // already disabled
    expect((await impact('canned_responses').expect(200)).body).toEqual({ consequences: [] }); // declares no lifecycle
    await impact('demo_alpha', { Authorization: `Bearer ${plain.token}` }).expect(403);
    await t.http.get('/api/modules/demo_alpha/disable-impact').expect(401);
    await t.http.post('/api/modules/demo_beta/enable').set(admin()).expect(200);
  });

  it('answers the impact with the same refusal as the disable itself: 409 for base and for a needed module, 404, 400', async () => {
    for (const name of ['base', 'demo_alpha']) {
      const refusedImpact = (await impact(name).expect(409)).body.message;
      const refusedDisable = (await t.http.post(`/api/modules/${name}/disable`).set(admin()).expect(409)).body.message;
      expect(refusedImpact).toBe(refusedDisable);
    }
    expect((await impact('base')).body.message).toBe('The base module cannot be disabled');
    expect((await impact('demo_alpha')).body.message).toContain('demo_beta');
    await impact('no_such_module').expect(404);
    for (const bad of ['Base', 'a-b', 'x'.repeat(65), '..']) await impact(encodeURIComponent(bad)).expect(400);
    await t.http.post('/api/modules/Not%20A%20Name/disable').set(admin()).expect(400);
  });

  it('runs onDisable once the module is off, and onEnable once it is on (also when enabled as a dependency)', async () => {
    lifecycleCalls.length = 0;
    await t.http.post('/api/modules/demo_beta/disable').set(admin()).expect(200);
    await t.http.post('/api/modules/demo_alpha/disable').set(admin()).expect(200);
    expect(lifecycleCalls).toEqual([{ hook: 'onDisable', enabled: false }]);
    await t.http.post('/api/modules/demo_beta/enable').set(admin()).expect(200); // enables demo_alpha first
    expect(lifecycleCalls).toEqual([{ hook: 'onDisable', enabled: false }, { hook: 'onEnable', enabled: true }]);
  });

  it('tells every open shell at once with the `modules` event, listing every module\'s state', async () => {
    const socket = await t.connect({ token: plain.token });
    const disabled = nextEvent(socket, 'modules');
    await t.http.post('/api/modules/demo_beta/disable').set(admin()).expect(200);
    const event = await disabled;
    const names = (await t.http.get('/api/modules').set(admin())).body.map((m: { name: string }) => m.name);
    expect(event.modules.map((m: { name: string }) => m.name)).toEqual(names);
    expect(event.modules).toContainEqual({ name: 'demo_beta', enabled: false });
    expect(event.modules).toContainEqual({ name: 'demo_alpha', enabled: true });

    const enabled = nextEvent(socket, 'modules');
    await t.http.post('/api/modules/demo_beta/enable').set(admin()).expect(200);
    expect((await enabled).modules).toContainEqual({ name: 'demo_beta', enabled: true });
  });

  it('sends nothing when the change is refused', async () => {
    const socket = await t.connect({ token: plain.token });
    await expect(
      (async () => {
        const event = nextEvent(socket, 'modules', () => true, 500);
        await t.http.post('/api/modules/base/disable').set(admin()).expect(409);
        return event;
      })(),
    ).rejects.toThrow('no "modules" event');
  });
});
