// Figure 1: visitor -> operator delivery latency at a steady offered load, one SQLite product process vs one relay.
import { productRig, relayRig } from '../lib/delivery-rig.mjs';
import { startRelay, startSqliteProduct, withServers } from '../lib/servers.mjs';
import { row } from '../lib/stats.mjs';

/** Runs a rig once (after an unmeasured warm-up at the same rate) and always closes its clients. */
export async function measureOnce(makeRig, rate, { durationS, warmUpS }) {
  const rig = await makeRig();
  try {
    if (warmUpS) await rig.run(rate, warmUpS); // a fresh process is slower at first (JIT, pools): steady state is wanted
    return await rig.run(rate, durationS);
  } finally {
    await rig.close();
  }
}

/** The rows shared by the latency and the several-processes figures. */
export const deliveryRows = (label, p, r) => [
  row(`${label} p50`, p.p50, r.p50, 'ms', 2),
  row(`${label} p99`, p.p99, r.p99, 'ms', 2),
  row(`${label} max`, p.max, r.max, 'ms', 2),
  row(`${label} delivered`, p.deliveredPerS, r.deliveredPerS, 'msg/s'),
  row(`${label} error acks`, p.errors, r.errors, 'msgs', 0),
  row(`${label} lost`, p.lost, r.lost, 'msgs', 0),
];

export const describe = (name, m) =>
  `${name}: sent ${m.sent}, delivered ${m.delivered} (${m.deliveredPerS.toFixed(0)}/s), p50 ${m.p50.toFixed(2)} ms, p99 ${m.p99.toFixed(2)} ms, max ${m.max.toFixed(1)} ms, ${m.errors} error acks, ${m.lost} lost` +
  `; p99 in the first second ${m.timeline[0]?.p99.toFixed(1)} ms, in the last ${m.timeline.at(-1)?.p99.toFixed(1)} ms` +
  (m.unexpected ? `, ${m.unexpected} delivered to the wrong operator` : '') +
  (m.firstAckError ? `, first error ack ${m.firstAckError}` : '');

export async function latency({ params, dir, log }) {
  const { conversations, rate, clients: clientCount } = params;
  const relay = await withServers([() => startRelay('relay')], (server) =>
    measureOnce(() => relayRig({ visitorUrl: server.url, conversations, clientCount }), rate, params),
  );
  log(describe('relay', relay));
  const product = await withServers([() => startSqliteProduct('product', dir)], (server) =>
    measureOnce(() => productRig({ setupUrl: server.url, conversations, clientCount, log }), rate, params),
  );
  log(describe('product', product));
  return { rows: deliveryRows('latency', product, relay), details: { product, relay } };
}
