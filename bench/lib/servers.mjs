// Starts and stops the measured server processes (the product's built main.js and the relay) and reads their RSS.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { params } from './params.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const PRODUCT_MAIN = join(root, 'dist/server/apps/server/src/main.js');
const RELAY_MAIN = join(root, 'bench/relay-server.mjs');

// Rate limits raised so that they never decide a figure; a fast password hash so that 1000 operators set up quickly.
const PRODUCT_ENV = {
  DEMO_DATA: '0',
  PASSWORD_HASH_COST: '1024',
  RATE_LIMIT_VISITOR_SESSIONS_PER_MIN: '1000000',
  RATE_LIMIT_VISITOR_MESSAGES_PER_10S: '1000000',
  RATE_LIMIT_SOCKET_EVENTS_PER_S: '100000',
  RATE_LIMIT_FAILED_LOGINS_PER_MIN: '1000000',
  RATE_LIMIT_LOGIN_ATTEMPTS_PER_MIN: '1000000',
  RATE_LIMIT_SOCKETS_PER_ADDRESS: '1000000', // every client socket comes from 127.0.0.1
  RATE_LIMIT_SOCKETS_PER_VISITOR: '1000000', // the memory figure's 10,000 sockets share 200 visitor tokens
  LOGIN_QUEUED_HASHES: '1000', // the set-up signs in 20 operators at a time
};

const running = new Set();
// If the orchestrator dies (an error, Ctrl-C), no server is left behind holding a port.
process.on('exit', () => running.forEach((child) => child.kill('SIGKILL')));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** VmRSS of a process, in kB. */
export const rssKb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);

/**
 * Spawns `node [nodeArgs] script` with only the given environment (a stray REDIS_URL in the shell must not
 * change a figure); resolves once it printed "serving on" and GET /api/health answers.
 */
async function start(name, script, nodeArgs, env) {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, script], { cwd: root, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  const keep = (d) => (output = (output + d).slice(-20000)); // the tail, for error messages
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => (running.delete(child), resolve({ code, signal }))));
  let alive = true;
  exited.then(() => (alive = false));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (!alive) throw new Error(`${name} exited while starting:\n${output}`);
    if (/serving on/.test(output)) {
      const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
    }
    if (Date.now() > deadline) throw new Error(`${name} did not start within 120 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    name,
    url,
    pid: child.pid,
    output: () => output,
    rssKb: () => rssKb(child.pid),
    /** SIGTERM and wait for the exit, so that a --cpu-prof profile gets written; SIGKILL after 30 s. */
    async stop() {
      if (!alive) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}

/** Waits while dist/server is being rebuilt (scripts/build.mjs removes it, compiles, then writes .built). */
async function builtServer() {
  const complete = () => existsSync(PRODUCT_MAIN) && existsSync(join(root, 'dist/server/.built'));
  for (let waited = 0; !complete(); waited += 1000) {
    if (waited >= 180_000) throw new Error(`${PRODUCT_MAIN} is missing: run npm run build`);
    if (waited === 0) console.log('  (dist/server is missing or being rebuilt: waiting up to 3 min for it)');
    await new Promise((r) => setTimeout(r, 1000));
  }
  return PRODUCT_MAIN;
}

export async function startProduct(name, env) {
  return start(name, await builtServer(), params.serverNodeArgs, { ...PRODUCT_ENV, ...env });
}

export const startRelay = (name, env = {}) => start(name, RELAY_MAIN, params.relayNodeArgs, env);

let databases = 0;
/** A product process on a new, empty SQLite file (each phase starts from scratch). */
export const startSqliteProduct = (name, dir) => startProduct(name, { DATABASE_URL: `sqlite:${join(dir, `bench-${++databases}.sqlite`)}` });

/** Runs fn with freshly started servers and always stops them (SIGTERM), even when fn fails. */
export async function withServers(starts, fn) {
  const servers = [];
  try {
    for (const start of starts) servers.push(await start()); // one after the other: they may share a new schema
    return await fn(...servers);
  } finally {
    for (const server of servers.reverse()) await server.stop();
  }
}

/** CPU time a process has used (all its threads), in ms: the same on a busy machine as on an idle one. */
export function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
}
