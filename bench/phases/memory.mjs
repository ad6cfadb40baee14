// Figure 3: server RSS per idle connected visitor, each on a FRESH server (an earlier load would leave garbage
// and freed pages that make the difference noisy or negative): warm up, settle, RSS, connect, settle, RSS.
import { forkClient } from '../lib/client-processes.mjs';
import { adminAndChannel, startSessions } from '../lib/product-setup.mjs';
import { startRelay, startSqliteProduct, withServers } from '../lib/servers.mjs';
import { row } from '../lib/stats.mjs';

const CLIENT_PROCESSES = 4; // spreads the client sockets (file descriptors, CPU)
const PRODUCT_SESSIONS = 200; // visitor tokens shared by the idle sockets (a visitor may have several tabs)
const WARM_UP_SOCKETS = 100;
const FRESH_SETTLE_MS = 3000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Connects `auths` from several client processes; returns RSS before and after and the connected count. */
async function measureIdle(name, server, authOf, count, log) {
  const warm = forkClient('idle-client.mjs', `${name} warm-up`);
  await warm.request({ cmd: 'connect', url: server.url, auths: Array.from({ length: WARM_UP_SOCKETS }, (_, i) => authOf(i)) });
  await warm.close(); // disconnects them: the server has now run the connect and disconnect code paths
  await sleep(2000);
  const beforeKb = server.rssKb();
  const per = Math.ceil(count / CLIENT_PROCESSES);
  const clients = Array.from({ length: CLIENT_PROCESSES }, (_, i) => forkClient('idle-client.mjs', `${name} idle client ${i + 1}`));
  try {
    const results = await Promise.all(
      clients.map(async (client, c) => {
        const auths = Array.from({ length: Math.max(0, Math.min(per, count - c * per)) }, (_, i) => authOf(c * per + i));
        const r = await client.request({ cmd: 'connect', url: server.url, auths });
        log(`${name} idle client ${c + 1}: ${r.connected}/${auths.length} connected${r.failed ? `, ${r.failed} refused (${r.firstError})` : ''}`);
        return r;
      }),
    );
    await sleep(5000);
    const afterKb = server.rssKb();
    const connected = results.reduce((n, r) => n + r.connected, 0);
    const result = { beforeKb, afterKb, connected, failed: count - connected, perConnectionKb: connected ? (afterKb - beforeKb) / connected : NaN };
    log(`${name}: RSS ${(beforeKb / 1024).toFixed(1)} MB -> ${(afterKb / 1024).toFixed(1)} MB with ${connected} idle visitors = ${result.perConnectionKb.toFixed(1)} kB each`);
    return result;
  } finally {
    await Promise.all(clients.map((c) => c.close()));
  }
}

/** VmRSS of a server just started, in MB, once it has settled (nothing asked of it but /api/health). */
async function freshRssMb(name, server, log) {
  await sleep(FRESH_SETTLE_MS);
  const mb = server.rssKb() / 1024;
  log(`${name}: RSS of the fresh idle server ${mb.toFixed(1)} MB`);
  return mb;
}

export async function memory({ params, dir, log }) {
  let relayFreshMb;
  let productFreshMb;
  const relay = await withServers([() => startRelay('relay')], async (server) => {
    relayFreshMb = await freshRssMb('relay', server, log);
    return measureIdle('relay', server, (i) => ({ visitorToken: `idle:${i}` }), params.idle, log);
  });
  const product = await withServers([() => startSqliteProduct('product', dir)], async (server) => {
    productFreshMb = await freshRssMb('product', server, log);
    const { channelId } = await adminAndChannel(server.url);
    const tokens = (await startSessions(server.url, channelId, PRODUCT_SESSIONS)).map((s) => s.visitorToken); // queued: nobody is inside
    return measureIdle('product', server, (i) => ({ visitorToken: tokens[i % tokens.length] }), params.idle, log);
  });
  return {
    rows: [
      row('memory RSS of a fresh idle server (DEMO_DATA=0)', productFreshMb, relayFreshMb, 'MB', 1),
      row('memory RSS per idle visitor', product.perConnectionKb, relay.perConnectionKb, 'kB', 1), row('memory idle visitors connected', product.connected, relay.connected, 'sockets', 0),
    ],
    details: { product, relay, freshMb: { product: productFreshMb, relay: relayFreshMb } },
  };
}
