// Figure 5: the latency figure across TWO processes sharing PostgreSQL and Redis: visitors connect to process A,
// operators to process B, so every delivery crosses Redis. Baseline: two relays joined by @socket.io/redis-adapter.
import { dropSchema, deleteKeys, runId, unreachable } from '../lib/backends.mjs';
import { productRig, relayRig } from '../lib/delivery-rig.mjs';
import { startProduct, startRelay, withServers } from '../lib/servers.mjs';
import { row } from '../lib/stats.mjs';
import { deliveryRows, describe, measureOnce } from './latency.mjs';

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
  const relay = await withServers([() => startRelay('relay A', relayEnv), () => startRelay('relay B', relayEnv)], (a, b) =>
    measureOnce(() => relayRig({ visitorUrl: a.url, operatorUrl: b.url, conversations, clientCount }), rate, params),
  );
  log(describe('relay', relay));
  const productEnv = { DATABASE_URL: postgresUrl, DATABASE_SCHEMA: schema, REDIS_URL: redisUrl, REDIS_KEY_PREFIX: `bench_${id}_` };
  let product;
  try {
    product = await withServers([() => startProduct('product A', productEnv), () => startProduct('product B', productEnv)], (a, b) =>
      measureOnce(() => productRig({ setupUrl: a.url, visitorUrl: a.url, operatorUrl: b.url, conversations, clientCount, log }), rate, params),
    );
  } finally {
    await dropSchema(postgresUrl, schema);
    const keys = await deleteKeys(redisUrl, `bench_${id}_`);
    log(`dropped schema ${schema} and ${keys} Redis keys`);
  }
  log(describe('product', product));
  return { rows: deliveryRows(LABEL, product, relay), details: { product, relay, schema } };
}
