// npm run bench: visitor -> operator delivery through the product (stored before delivery) and through a
// plain socket.io relay (no storage), driven by the same client code in separate processes. Prints p50/p99/max
// latency, delivered messages/s and server RSS per idle visitor, each with its ratio to the relay.
// Scale with BENCH_CONVERSATIONS (default 200), BENCH_DURATION_S (20), BENCH_RATE (messages/s per conversation, 1),
// BENCH_CLIENTS (client processes, 2), BENCH_IDLE (idle visitor connections for the memory figure, 2000).
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { io } from 'socket.io-client';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = (name, fallback) => Number(process.env[name] || fallback);
const CONVERSATIONS = env('BENCH_CONVERSATIONS', 200);
const DURATION_S = env('BENCH_DURATION_S', 20);
const RATE = env('BENCH_RATE', 1);
const CLIENTS = env('BENCH_CLIENTS', 2);
const IDLE = env('BENCH_IDLE', 2000);
const run = promisify(execFile);

function startServer(script, port, extraEnv = {}) {
  const child = spawn(process.execPath, [script], { cwd: root, env: { ...process.env, PORT: String(port), ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr.on('data', (d) => process.stderr.write(d));
  return new Promise((resolve) => child.stdout.on('data', (d) => /listening|serving/.test(String(d)) && resolve(child)));
}
const rssKb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const api = async (base, path, { token, body, headers = {} } = {}) => {
  const res = await fetch(base + path, { method: body ? 'POST' : 'GET', headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }), ...headers }, body: body && JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
};

/** Product: one operator inside a channel without limit, CONVERSATIONS visitor sessions all assigned to them. */
async function setUpProduct(base) {
  const admin = (await api(base, '/api/auth/login', { body: { login: 'admin', password: 'admin' } })).token;
  await api(base, '/api/users', { token: admin, body: { login: 'bench', name: 'Bench Operator', password: 'benchmark', groups: ['livechat_operator'] } });
  const token = (await api(base, '/api/auth/login', { body: { login: 'bench', password: 'benchmark' } })).token;
  const holder = io(base, { auth: { token }, transports: ['websocket'] }); // online while sessions start
  await new Promise((r) => holder.once('connect', r));
  await new Promise((r) => setTimeout(r, 300));
  const channel = await api(base, '/api/livechat/channels', { token: admin, body: { name: 'Bench' } });
  await api(base, `/api/livechat/channels/${channel.id}/join`, { token, body: {} });
  const visitors = [];
  for (let i = 0; i < CONVERSATIONS; i++) {
    const s = await api(base, `/api/livechat/channels/${channel.id}/sessions`, { body: {}, headers: { 'x-forwarded-for': `10.0.${i >> 8}.${i & 255}` } });
    visitors.push({ visitorToken: s.visitorToken, conversationId: s.conversationId });
  }
  holder.disconnect();
  return { token, visitors };
}

async function measure(base, token, visitors) {
  const slices = Array.from({ length: CLIENTS }, (_, c) => visitors.filter((_, i) => i % CLIENTS === c));
  const outputs = await Promise.all(slices.map((slice) => run(process.execPath, [join(root, 'bench/client.mjs'), base, token, JSON.stringify(slice), String(DURATION_S), String(RATE)], { maxBuffer: 256 * 1024 * 1024 })));
  const results = outputs.map((o) => JSON.parse(o.stdout));
  const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1), perSecond: latencies.length / DURATION_S, errors: results.reduce((n, r) => n + r.errors, 0), lost: results.reduce((n, r) => n + r.lost, 0) };
}

async function idleMemory(base, pid, auth) {
  const before = rssKb(pid);
  const sockets = [];
  for (let i = 0; i < IDLE; i++) {
    const socket = io(base, { auth, transports: ['websocket'], forceNew: true, reconnection: false });
    sockets.push(socket);
    if (i % 200 === 199) await new Promise((r) => setTimeout(r, 200));
  }
  await new Promise((r) => setTimeout(r, 3000));
  const connected = sockets.filter((s) => s.connected).length;
  const perConnection = ((rssKb(pid) - before) * 1024) / Math.max(1, connected);
  sockets.forEach((s) => s.disconnect());
  return { perConnection, connected };
}

const dir = mkdtempSync(join(tmpdir(), 'lc-bench-'));
console.log(`bench: ${CONVERSATIONS} conversations x ${RATE} msg/s for ${DURATION_S}s from ${CLIENTS} client processes; ${IDLE} idle visitors for memory`);
const relay = await startServer('bench/relay-server.mjs', 8091);
const relayRun = await measure('http://127.0.0.1:8091', 'operator', Array.from({ length: CONVERSATIONS }, (_, i) => ({ visitorToken: `v${i}`, conversationId: i + 1 })));
const relayMemory = await idleMemory('http://127.0.0.1:8091', relay.pid, { visitorToken: 'idle' });
relay.kill();

const product = await startServer('dist/server/apps/server/src/main.js', 8092, { DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`, DEMO_DATA: '0', PASSWORD_HASH_COST: '1024', RATE_LIMIT_VISITOR_SESSIONS_PER_MIN: '100000', RATE_LIMIT_VISITOR_MESSAGES_PER_10S: '100000' });
const { token, visitors } = await setUpProduct('http://127.0.0.1:8092');
const productRun = await measure('http://127.0.0.1:8092', token, visitors);
const productMemory = await idleMemory('http://127.0.0.1:8092', product.pid, { visitorToken: visitors[0].visitorToken });
product.kill();

const row = (name, p, r, unit, digits = 1) => console.log(`${name.padEnd(34)} ${p.toFixed(digits).padStart(10)} ${r.toFixed(digits).padStart(10)} ${unit.padEnd(6)} ${(p / r).toFixed(2).padStart(6)}x`);
console.log(`\n${'figure'.padEnd(34)} ${'product'.padStart(10)} ${'relay'.padStart(10)} ${''.padEnd(6)} ${'ratio'.padStart(7)}`);
row('delivery latency p50', productRun.p50, relayRun.p50, 'ms', 2);
row('delivery latency p99', productRun.p99, relayRun.p99, 'ms', 2);
row('delivery latency max', productRun.max, relayRun.max, 'ms', 2);
row('delivered messages/s (offered load)', productRun.perSecond, relayRun.perSecond, 'msg/s');
row('RSS per idle visitor connection', productMemory.perConnection / 1024, relayMemory.perConnection / 1024, 'kB');
console.log(`\nproduct: ${productRun.errors} error acks, ${productRun.lost} not delivered; ${productMemory.connected} idle visitors connected (relay ${relayMemory.connected})`);
process.exit(0);
