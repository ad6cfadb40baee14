// Figure 5: the latency figure across TWO processes sharing PostgreSQL and Redis: visitors connect to process A,
// operators to process B, so every delivery crosses Redis. Baseline: two relays joined by @socket.io/redis-adapter.
import { dropSchema, deleteKeys, runId, unreachable } from '../lib/backends.mjs';
import { productRig, relayRig } from '../lib/delivery-rig.mjs';
import { startProduct, startRelay, withServers } from '../lib/servers.mjs';
import { row } from '../lib/stats.mjs';
import { deliveryRows, measureRepeated } from './latency.mjs';

const LABEL = 'cluster (2 processes)';

export async function cluster({ params, log }) {
  const { postgresUrl, redisUrl, clusterConversations: conversations, rate, clients: clientCount } = params;
  const reason = await unreachable(postgresUrl, redisUrl);
  if (reason) {
    log(`skipped: ${reason}`);
    return { rows: [row(LABEL, 'skipped', 'skipped', '')], notes: [`${LABEL} skipped: ${reason}`], details: { skipped: reason } };
  }
  const id = runId();
  const schema = `bench_${id}`;
  const relayEnv = { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: `bench_${id}_relay` };
  const productEnv = { DATABASE_URL: postgresUrl, DATABASE_SCHEMA: schema, REDIS_URL: redisUrl, REDIS_KEY_PREFIX: `bench_${id}_` };
  let runs;
  try {
    const servers = [() => startRelay('relay A', relayEnv), () => startRelay('relay B', relayEnv), () => startProduct('product A', productEnv), () => startProduct('product B', productEnv)];
    runs = await withServers(servers, (ra, rb, pa, pb) =>
      measureRepeated(
        {
          relay: () => relayRig({ visitorUrl: ra.url, operatorUrl: rb.url, conversations, clientCount }),
          product: () => productRig({ setupUrl: pa.url, visitorUrl: pa.url, operatorUrl: pb.url, conversations, clientCount, log }),
        },
        rate,
        params,
        log,
      ),
    );
  } finally {
    await dropSchema(postgresUrl, schema);
    const keys = await deleteKeys(redisUrl, `bench_${id}_`);
    log(`dropped schema ${schema} and ${keys} Redis keys`);
  }
  const { product, relay } = runs;
  return { rows: deliveryRows(LABEL, product, relay), details: { product, relay, schema } };
}
