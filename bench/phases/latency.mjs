// Figure 1: visitor -> operator delivery latency at a steady offered load, one SQLite product process vs one relay,
// BENCH_REPEAT times each, alternating; the table gives the median run and the spread.
import { productRig, relayRig } from '../lib/delivery-rig.mjs';
import { alternate } from '../lib/repeats.mjs';
import { startRelay, startSqliteProduct, withServers } from '../lib/servers.mjs';
import { repeatedRow } from '../lib/stats.mjs';

/** The rows shared by the latency and the several-processes figures: medians of the repeats (errors and lost: totals). */
export const deliveryRows = (label, p, r) => [
  repeatedRow(`${label} p50`, p, r, (m) => m.p50, 'ms', 2),
  repeatedRow(`${label} p99`, p, r, (m) => m.p99, 'ms', 2),
  repeatedRow(`${label} max`, p, r, (m) => m.max, 'ms', 2),
  repeatedRow(`${label} delivered`, p, r, (m) => m.deliveredPerS, 'msg/s'),
  repeatedRow(`${label} error acks (all repeats)`, p, r, (m) => m.errors, 'msgs', 0, { total: true }),
  repeatedRow(`${label} lost (all repeats)`, p, r, (m) => m.lost, 'msgs', 0, { total: true }),
];

export const describe = (name, m) =>
  `${name}: sent ${m.sent}, delivered ${m.delivered} (${m.deliveredPerS.toFixed(0)}/s), p50 ${m.p50.toFixed(2)} ms, p99 ${m.p99.toFixed(2)} ms, max ${m.max.toFixed(1)} ms, ${m.errors} error acks, ${m.lost} lost` +
  `; p99 in the first second ${m.timeline[0]?.p99.toFixed(1)} ms, in the last ${m.timeline.at(-1)?.p99.toFixed(1)} ms` +
  (m.unexpected ? `, ${m.unexpected} delivered to the wrong operator` : '') +
  (m.firstAckError ? `, first error ack ${m.firstAckError}` : '');

/** Both rigs measured `repeat` times at `rate`, alternating, after one warm-up each. */
export const measureRepeated = (makeRigs, rate, params, log) =>
  alternate({ repeat: params.repeat, warmUpS: params.warmUpS, rate }, makeRigs, async (name, rig) => {
    const m = await rig.run(rate, params.durationS);
    log(describe(name, m));
    return m;
  });

export async function latency({ params, dir, log }) {
  const { conversations, rate, clients: clientCount } = params;
  const { relay, product } = await withServers([() => startRelay('relay'), () => startSqliteProduct('product', dir)], (relayServer, productServer) =>
    measureRepeated(
      {
        relay: () => relayRig({ visitorUrl: relayServer.url, conversations, clientCount }),
        product: () => productRig({ setupUrl: productServer.url, conversations, clientCount, log }),
      },
      rate,
      params,
      log,
    ),
  );
  return { rows: deliveryRows('latency', product, relay), details: { product, relay } };
}
