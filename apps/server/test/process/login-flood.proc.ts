import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type ServerProcess } from './harness';

/**
 * A login spray against the built server with the real password hash (scrypt N=2^17, ~100 ms of a core
 * and 128 MB each): the widget script and the API stay fast, and the admin still signs in from elsewhere.
 * Before the limits, 40 such requests made /livechat/widget.js take 18 s.
 */
describe('a login flood', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lc-flood-'));
  let server: ServerProcess;

  beforeAll(async () => {
    // PASSWORD_HASH_COST empty: the production cost, not the tests' cheap one.
    server = await startServer('flood', { DATABASE_URL: `sqlite:${join(dir, 'flood.sqlite')}`, PASSWORD_HASH_COST: '' });
    for (const path of ['/livechat/widget.js', '/api/health']) await timed(path); // first requests compile their code paths
  });
  afterAll(async () => {
    await server?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  /** The server trusts X-Forwarded-For from loopback (its default proxy), which is how these come from other addresses. */
  const login = (login: string, password: string, address: string) =>
    fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address }, body: JSON.stringify({ login, password }) });

  const timed = async (path: string) => {
    const started = performance.now();
    const res = await fetch(`${server.url}${path}`);
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - started };
  };

  type Probe = { path: string; status: number; ms: number };
  const probeRounds = async (): Promise<Probe[]> => {
    const probes: Probe[] = [];
    for (let round = 0; round < 5; round++) {
      for (const path of ['/livechat/widget.js', '/api/health']) probes.push({ path, ...(await timed(path)) });
    }
    return probes;
  };
  const slowestOf = (probes: Probe[]) => Math.max(...probes.map((p) => p.ms));

  /**
   * The slowest probe of the same rounds without a flood: on a machine busy with other work (CI runners,
   * parallel suites) that is what any request costs, and the flood's own delay is what comes on top.
   */
  let quietSlowest = 0;
  beforeEach(async () => {
    quietSlowest = slowestOf(await probeRounds());
  });

  async function duringFlood(addresses: (i: number) => string): Promise<{ statuses: number[]; probes: Probe[]; admin: number }> {
    const flood = Array.from({ length: 60 }, (_, i) => login(`nobody${i}_${Math.random().toString(36).slice(2)}`, 'wrong-password', addresses(i)).then((r) => r.status));
    const probes = await probeRounds();
    // The admin signs in from another address, honouring Retry-After when the hashing slots are busy.
    let admin = 0;
    for (let attempt = 0; attempt < 10 && admin !== 200; attempt++) {
      const res = await login('admin', 'admin', '198.51.100.1');
      admin = res.status;
      if (admin === 429) await new Promise((resolve) => setTimeout(resolve, Number(res.headers.get('retry-after') ?? 1) * 1000));
    }
    return { statuses: await Promise.all(flood), probes, admin };
  }

  it('60 concurrent failed logins from one address: the widget and the API answer within 200 ms of their time without it, the admin signs in from another address', async () => {
    const { statuses, probes, admin } = await duringFlood(() => '203.0.113.50');
    const slowest = slowestOf(probes);
    console.log(probes.map((p) => `${p.path} ${p.ms.toFixed(0)}`).join(', '));
    console.log(`one address: ${statuses.filter((s) => s === 401).length} hashed (401), ${statuses.filter((s) => s === 429).length} refused (429); slowest probe ${slowest.toFixed(0)} ms (${quietSlowest.toFixed(0)} ms without the flood)`);
    expect(probes.every((p) => p.status === 200)).toBe(true);
    expect(slowest).toBeLessThan(200 + quietSlowest);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(admin).toBe(200);
  });

  // 60 addresses each get their hash slot in turn; one hash is always running (a core of two), so the bound is looser.
  it('60 concurrent failed logins from 60 addresses: hashes stay bounded, so the widget and the API stay responsive', async () => {
    const { statuses, probes, admin } = await duringFlood((i) => `203.0.113.${100 + i}`);
    const slowest = slowestOf(probes);
    console.log(`60 addresses: ${statuses.filter((s) => s === 401).length} hashed (401), ${statuses.filter((s) => s === 429).length} refused (429); slowest probe ${slowest.toFixed(0)} ms (${quietSlowest.toFixed(0)} ms without the flood)`);
    expect(probes.every((p) => p.status === 200)).toBe(true);
    expect(slowest).toBeLessThan(1000 + quietSlowest); // unbounded, 40 such logins stalled it for 18 s
    expect(admin).toBe(200);
  });
});
