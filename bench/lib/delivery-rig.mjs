// The visitor -> operator load rig shared by the latency, throughput and cluster figures: BENCH_CLIENTS client
// processes, each with ONE operator and exactly the visitors routed to that operator, so that every message
// is delivered to exactly one operator socket, for the product as for the relay.
import { forkClient } from './client-processes.mjs';
import { adminAndChannel, createOperators, joinChannel, startSessions } from './product-setup.mjs';
import { latencySummary } from './stats.mjs';

function forkClients(count, label) {
  return Array.from({ length: count }, (_, i) => forkClient('latency-client.mjs', `${label} client ${i + 1}`));
}

/**
 * Product: one operator user per client process, connected (online) before the sessions start so that they are
 * assigned round robin; each session goes to the client process of the operator named in the start answer.
 * `setupUrl` is where sessions start (the visitors' process), `operatorUrl` where the operators connect.
 */
export async function productRig({ setupUrl, visitorUrl = setupUrl, operatorUrl = setupUrl, conversations, clientCount, log }) {
  const { admin, channelId } = await adminAndChannel(setupUrl);
  const operators = await createOperators(setupUrl, admin, clientCount);
  const clients = forkClients(clientCount, 'product');
  await Promise.all(clients.map((c, i) => c.request({ cmd: 'operator', url: operatorUrl, auth: { token: operators[i].token } })));
  await joinChannel(setupUrl, channelId, operators);
  const sessions = await startSessions(setupUrl, channelId, conversations);
  const clientOf = new Map(operators.map((op, i) => [op.id, i]));
  const lists = clients.map(() => []);
  for (const s of sessions) {
    const index = clientOf.get(s.operator?.id);
    if (index === undefined) throw new Error(`session ${s.sessionId} was not assigned to a bench operator (status ${s.status}, operator ${JSON.stringify(s.operator)})`);
    lists[index].push({ auth: { visitorToken: s.visitorToken }, conversationId: s.conversationId });
  }
  log(`product: ${sessions.length} sessions over ${clientCount} operators (${lists.map((l) => l.length).join(' / ')})`);
  await Promise.all(clients.map((c, i) => c.request({ cmd: 'visitors', url: visitorUrl, list: lists[i] })));
  return rig(clients);
}

/** Relay: operator i authenticates as "op<i>", its visitors carry "op<i>:<n>" (round robin, like the product). */
export async function relayRig({ visitorUrl, operatorUrl = visitorUrl, conversations, clientCount }) {
  const clients = forkClients(clientCount, 'relay');
  await Promise.all(clients.map((c, i) => c.request({ cmd: 'operator', url: operatorUrl, auth: { token: `op${i}` } })));
  const lists = clients.map(() => []);
  for (let n = 0; n < conversations; n++) lists[n % clientCount].push({ auth: { visitorToken: `op${n % clientCount}:${n}` }, conversationId: n + 1 });
  await Promise.all(clients.map((c, i) => c.request({ cmd: 'visitors', url: visitorUrl, list: lists[i] })));
  return rig(clients);
}

function rig(clients) {
  return {
    /** Every visitor sends `rate` messages/s for durationS; the merged figures of all client processes. */
    async run(rate, durationS) {
      const parts = await Promise.all(clients.map((c) => c.request({ cmd: 'run', rate, durationS })));
      const sum = (key) => parts.reduce((n, p) => n + p[key], 0);
      const latencies = concat(parts.map((p) => p.latencies));
      const window = Math.max(durationS, ...parts.map((p) => p.deliveryWindowS)); // longer if deliveries lagged
      return {
        ...latencySummary(latencies),
        sent: sum('sent'),
        delivered: latencies.length,
        deliveredPerS: latencies.length / window,
        errors: sum('errors'),
        lost: sum('lost'),
        unexpected: sum('unexpected'),
        firstAckError: parts.find((p) => p.firstAckError)?.firstAckError,
        timeline: timeline(latencies, concat(parts.map((p) => p.sentOffsets))),
      };
    },
    close: () => Promise.all(clients.map((c) => c.close())),
  };
}

function concat(arrays) {
  const all = new Float64Array(arrays.reduce((n, a) => n + a.length, 0));
  arrays.reduce((at, a) => (all.set(a, at), at + a.length), 0);
  return all;
}

/** p50/p99 per second of sending (in the JSON details): shows whether latency grew during the run (a backlog). */
function timeline(latencies, sentOffsets) {
  const seconds = [];
  sentOffsets.forEach((offset, i) => (seconds[Math.floor(offset / 1000)] ??= []).push(latencies[i]));
  return Array.from(seconds, (values = [], second) => ({ second, count: values.length, ...latencySummary(values) }));
}
