// Figure 4: time to start one visitor session while BENCH_OPERATORS joined operators are online (each start
// chooses among all of them), timed serially; then how evenly the starts were spread over the equal operators.
// Baseline: the same serial POSTs to the relay's plain-HTTP /start.
import { forkClient } from '../lib/client-processes.mjs';
import { api } from '../lib/http.mjs';
import { adminAndChannel, createOperators, joinChannel, startSession } from '../lib/product-setup.mjs';
import { cpuMs, startRelay, startSqliteProduct, withServers } from '../lib/servers.mjs';
import { latencySummary, row, spread } from '../lib/stats.mjs';

const OPERATORS_PER_CLIENT = 500;

/** Times `count` calls of post(i), one after the other. */
async function timeSerial(count, post) {
  const times = [];
  const answers = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    answers.push(await post(i));
    times.push(performance.now() - t0);
  }
  return { ...latencySummary(times), answers };
}

async function productStarts(server, { operators: operatorCount, starts }, log) {
  const t0 = performance.now();
  const { admin, channelId } = await adminAndChannel(server.url);
  const operators = await createOperators(server.url, admin, operatorCount);
  log(`product: ${operators.length} operators created and logged in (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const holders = Array.from({ length: Math.ceil(operatorCount / OPERATORS_PER_CLIENT) }, (_, i) => forkClient('idle-client.mjs', `operators client ${i + 1}`));
  try {
    const t1 = performance.now();
    const results = await Promise.all(holders.map((h, i) => h.request({ cmd: 'connect', url: server.url, auths: operators.slice(i * OPERATORS_PER_CLIENT, (i + 1) * OPERATORS_PER_CLIENT).map((op) => ({ token: op.token })) })));
    const online = results.reduce((n, r) => n + r.connected, 0);
    if (online < operatorCount) throw new Error(`only ${online} of ${operatorCount} operator sockets connected: ${results.find((r) => r.firstError)?.firstError}`);
    const t2 = performance.now();
    await joinChannel(server.url, channelId, operators);
    const joinS = (performance.now() - t2) / 1000;
    log(`product: ${online} operators online (${((t2 - t1) / 1000).toFixed(1)} s) and inside the channel (${joinS.toFixed(1)} s); timing ${starts} session starts`);
    const cpuBefore = cpuMs(server.pid);
    const timed = await timeSerial(starts, (i) => startSession(server.url, channelId, i));
    const serverCpuMs = (cpuMs(server.pid) - cpuBefore) / starts;
    const perOperator = new Map(operators.map((op) => [op.id, 0]));
    let unassigned = 0;
    for (const s of timed.answers) perOperator.has(s.operator?.id) ? perOperator.set(s.operator.id, perOperator.get(s.operator.id) + 1) : unassigned++;
    const { answers, ...times } = timed;
    return { ...times, spread: spread([...perOperator.values()]), unassigned, joinS, serverCpuMs };
  } finally {
    await Promise.all(holders.map((h) => h.close()));
  }
}

export async function assignment({ params, dir, log }) {
  const relay = await withServers([() => startRelay('relay')], async (server) => {
    await timeSerial(20, () => api(server.url, 'POST', '/start', { body: {} })); // warm-up: the product's set-up warmed its HTTP path
    const { answers, ...times } = await timeSerial(params.starts, () => api(server.url, 'POST', '/start', { body: {} }));
    return times;
  });
  log(`relay: POST /start p50 ${relay.p50.toFixed(2)} ms, p99 ${relay.p99.toFixed(2)} ms`);
  const product = await withServers([() => startSqliteProduct('product', dir)], (server) => productStarts(server, params, log));
  const s = product.spread;
  log(`product: session start p50 ${product.p50.toFixed(2)} ms, p99 ${product.p99.toFixed(2)} ms, server CPU ${product.serverCpuMs.toFixed(2)} ms each; sessions per operator min ${s.min}, max ${s.max}, stddev ${s.stddev.toFixed(2)}${product.unassigned ? `; ${product.unassigned} NOT assigned` : ''}`);
  return {
    rows: [
      row('assignment session start p50', product.p50, relay.p50, 'ms', 2),
      row('assignment session start p99', product.p99, relay.p99, 'ms', 2),
      row('assignment session start, server CPU per start', product.serverCpuMs, null, 'ms', 2),
      row(`assignment ${params.operators} operators joining one channel (set-up)`, product.joinS, null, 's', 1),
      row('assignment sessions/operator min', s.min, null, 'sessions', 0),
      row('assignment sessions/operator max', s.max, null, 'sessions', 0),
      row('assignment sessions/operator stddev', s.stddev, null, 'sessions', 2),
    ],
    notes: product.unassigned ? [`assignment: ${product.unassigned} of ${params.starts} sessions got no operator (queued): the spread leaves them out`] : [],
    details: { product, relay },
  };
}
