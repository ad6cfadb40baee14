// Figure 2: the highest offered load (messages/s, all conversations together) that still passes: p99 <= 100 ms,
// errors + lost <= 0.1 %, delivered >= 95 % of offered. Same ramp for the product (SQLite) and the relay.
import { productRig, relayRig } from '../lib/delivery-rig.mjs';
import { startRelay, startSqliteProduct, withServers } from '../lib/servers.mjs';
import { row } from '../lib/stats.mjs';

const FIRST_STEP = 500; // msg/s in total
const GROWTH = 1.5;
const P99_LIMIT_MS = 100;
const REFINE_STEPS = 2;
const settle = (ms) => new Promise((r) => setTimeout(r, ms)); // let the server catch up between steps

const failure = (m, offered) =>
  m.p99 > P99_LIMIT_MS ? `p99 ${m.p99.toFixed(1)} ms > ${P99_LIMIT_MS}` : m.errors + m.lost > 0.001 * m.sent ? `${m.errors} errors + ${m.lost} lost > 0.1 %` : m.deliveredPerS < 0.95 * offered ? `delivered ${m.deliveredPerS.toFixed(0)}/s < 95 % of offered` : null;

async function ramp(name, makeRig, { conversations, stepS, maxRate, warmUpS }, log) {
  const rig = await makeRig();
  const steps = [];
  const first = Math.min(FIRST_STEP, maxRate);
  try {
    if (warmUpS) await rig.run(first / conversations, warmUpS); // unmeasured, like the latency figure
    for (let offered = first; ; offered = Math.min(maxRate, Math.round(offered * GROWTH))) {
      const m = await rig.run(offered / conversations, stepS);
      const failed = failure(m, offered);
      steps.push({ offered, ...m, failed });
      log(`${name}: offered ${offered} msg/s -> delivered ${m.deliveredPerS.toFixed(0)}/s, p99 ${m.p99.toFixed(1)} ms, ${m.errors} errors, ${m.lost} lost${failed ? `: FAILED (${failed})` : ''}`);
      if (failed || offered >= maxRate) break;
      await settle(1000);
    }
    // The ramp grows by half each step: halve the gap between the last pass and the first failure a few times.
    let passing = steps.filter((s) => !s.failed).at(-1)?.offered;
    let failing = steps.at(-1).failed ? steps.at(-1).offered : undefined;
    for (let i = 0; i < REFINE_STEPS && passing && failing; i++) {
      await settle(3000); // a failed step leaves a backlog
      const offered = Math.round((passing + failing) / 2);
      const m = await rig.run(offered / conversations, stepS);
      const failed = failure(m, offered);
      steps.push({ offered, ...m, failed });
      log(`${name}: refining: offered ${offered} msg/s -> delivered ${m.deliveredPerS.toFixed(0)}/s, p99 ${m.p99.toFixed(1)} ms${failed ? `: FAILED (${failed})` : ''}`);
      if (failed) failing = offered;
      else passing = offered;
    }
  } finally {
    await rig.close();
  }
  const passed = steps.filter((s) => !s.failed).sort((a, b) => a.offered - b.offered).at(-1);
  return { sustained: passed ? passed.deliveredPerS : 0, offered: passed?.offered ?? 0, capped: !steps.some((s) => s.failed), steps };
}

export async function throughput({ params, dir, log }) {
  const { conversations, clients: clientCount } = params;
  const relay = await withServers([() => startRelay('relay')], (server) => ramp('relay', () => relayRig({ visitorUrl: server.url, conversations, clientCount }), params, log));
  const product = await withServers([() => startSqliteProduct('product', dir)], (server) =>
    ramp('product', () => productRig({ setupUrl: server.url, conversations, clientCount, log }), params, log),
  );
  const note = (r) => (r.capped ? ` (reached the cap BENCH_MAX_RATE=${params.maxRate})` : r.offered ? '' : ` (failed the first step, ${Math.min(FIRST_STEP, params.maxRate)} msg/s)`);
  const notes = [`throughput: relay ${relay.sustained.toFixed(0)} msg/s${note(relay)}, product ${product.sustained.toFixed(0)} msg/s${note(product)}`];
  return { rows: [row('throughput sustained (p99 <= 100 ms)', product.sustained, relay.sustained, 'msg/s', 0)], notes, details: { product, relay } };
}
