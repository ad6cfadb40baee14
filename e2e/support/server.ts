import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '../..');
const SERVER_MAIN = join(REPO_ROOT, 'dist/server/apps/server/src/main.js');
const WEB_INDEX = join(REPO_ROOT, 'dist/web/browser/index.html');
const START_TIMEOUT_MS = 30_000;

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  /** The server's own SQLite file (sqlite:…), for a test that writes history straight into it. */
  databaseUrl: string;
  /** Everything the server printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Extra environment, e.g. { LIVECHAT_INACTIVITY_TIMEOUT_S: '5' }. */
  env?: Record<string, string>;
}

/** A free TCP port on this machine, as the OS hands it out. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts the BUILT server (dist/, from `npm run build`) on a free port with a fresh SQLite database and
 * demo data, and resolves once GET /api/health answers.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  for (const [file, what] of [[SERVER_MAIN, 'server'], [WEB_INDEX, 'web shell']] as const) {
    if (!existsSync(file)) throw new Error(`The ${what} is not built (${file} is missing): run \`npm run build\` first.`);
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'lc-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  const databaseUrl = `sqlite:${join(dataDir, 'e2e.sqlite')}`;
  let output = '';
  const child = spawn(process.execPath, [SERVER_MAIN], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DEMO_DATA: '1',
      PASSWORD_HASH_COST: '1024',
      // Every browser of a suite signs in from 127.0.0.1, twice per logIn() (it checks the user's language
      // first): the per-address sign-in limit (30 a minute) is the flood tests' subject, not these.
      RATE_LIMIT_LOGIN_ATTEMPTS_PER_MIN: '100000',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));

  const stop = async () => {
    await terminate(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, databaseUrl, output: () => output, stop };
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`The server did not answer ${url}/api/health within ${START_TIMEOUT_MS / 1000}s:\n${output()}`);
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
