// `npm test`: every test. Server, module and API tests (Jest + Supertest) on SQLite, the API suites again on
// PostgreSQL, then the browser tests (Playwright + Debian's Chromium) against the built product.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reports = mkdtempSync(join(tmpdir(), 'lc-test-'));
const POSTGRES_URL = process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test';
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedSteps = [];

function step(name, cmd, args, env = {}) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)}s`);
  if (result.status !== 0) failedSteps.push(name);
}

function jest(name, args, env) {
  const report = join(reports, `${name.replace(/\W+/g, '-')}.json`);
  step(name, process.execPath, [join(root, 'node_modules/.bin/jest'), '--json', `--outputFile=${report}`, ...args], env);
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests;
  }
}

/** Angular's unit-test builder (Vitest + jsdom) for the shell and the modules' web parts. */
function webTests() {
  const name = 'web tests (Angular, Vitest)';
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(process.execPath, [join(root, 'node_modules/.bin/ng'), 'test'], { cwd: root, encoding: 'utf8', env: { ...process.env, NG_CLI_ANALYTICS: 'false', NO_COLOR: '1' } });
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  const counts = /Tests\s+(?:(\d+) failed \| )?(\d+) passed/.exec(result.stdout ?? '');
  if (counts) {
    totals.failed += Number(counts[1] ?? 0);
    totals.passed += Number(counts[2]);
  }
  console.log(`=== ${name}: ${result.status === 0 ? 'ok' : 'FAILED'}`);
  if (result.status !== 0) failedSteps.push(name);
}

const reachable = (port) =>
  new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
    socket.on('error', () => resolve(false));
  });

step('build', process.execPath, ['scripts/build.mjs']);
// Every shipped language has every text of the shell, and every template text is marked for translation.
step('shell texts (i18n)', process.execPath, ['scripts/check-web-i18n.mjs']);
jest('server and API tests (SQLite)', ['-c', 'jest.config.js']);
webTests();
if (await reachable(5432)) jest('API tests (PostgreSQL)', ['-c', 'jest.config.js', '--runInBand', 'api.spec'], { TEST_DATABASE_URL: POSTGRES_URL });
else if (process.env.CI) failedSteps.push('PostgreSQL is not reachable on 127.0.0.1:5432');
else console.warn('\n!!! PostgreSQL is not running on 127.0.0.1:5432: the PostgreSQL pass is skipped (CI requires it).');
// The built server as real processes: two on PostgreSQL + Redis, kill -9 and SIGTERM under load.
if ((await reachable(5432)) && (await reachable(6379))) jest('multi-process and fault tests (built server, PostgreSQL + Redis)', ['-c', 'apps/server/test/process/jest.config.js', '--runInBand'], { TEST_POSTGRES_URL: POSTGRES_URL });
else if (process.env.CI) failedSteps.push('PostgreSQL (5432) or Redis (6379) is not reachable: the multi-process tests need both');
else console.warn('\n!!! PostgreSQL or Redis is not running: the multi-process and fault tests are skipped (CI requires them).');
if (existsSync(join(root, 'e2e/jest.config.js'))) jest('browser tests', ['-c', 'e2e/jest.config.js', '--runInBand']);

console.log(`\n${failedSteps.length ? `Failed: ${failedSteps.join('; ')}` : 'All test steps passed.'}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
