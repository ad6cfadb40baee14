// One load client process: one operator socket and the visitors routed to that operator. On 'run' each visitor
// sends `rate` messages/s (open loop: the schedule does not wait for acks) and the operator socket times each
// delivery from the emit. Replies with the latencies and the error/lost counts.
import { connectAll, serveRequests } from './common.mjs';

const TICK_MS = 2; // the scheduler's granularity: sends due since the last tick go out together
const DRAIN_MS = 5000; // after the send window, how long late deliveries and acks may still arrive

let operator;
let latencies = []; // delivery times (ms) of the current run
let sentOffsets = []; // for each of them, when it was sent (ms since the start of the run): the timeline
let runStart = 0;
let lastDelivery = 0;
let visitors = []; // [{socket, conversationId}]
let sentAt = new Map(); // clientId -> emit time, until delivered to the operator
let unexpected = 0; // deliveries of messages this process did not send (routing mistakes)
let seq = 0;
const ourPrefix = `b${process.pid}-`;

serveRequests({
  async operator({ url, auth }) {
    const { sockets, firstError } = await connectAll(url, [auth], 1);
    if (!sockets[0]) throw new Error(`operator socket refused: ${firstError}`);
    operator = sockets[0];
    operator.on('message', (m) => {
      const t = sentAt.get(m.clientId);
      if (t === undefined) {
        if (!m.clientId?.startsWith(ourPrefix)) unexpected++; // misrouted (ours would be a late one of the warm-up)
        return;
      }
      const now = performance.now();
      latencies.push(now - t);
      sentOffsets.push(t - runStart);
      lastDelivery = now;
      sentAt.delete(m.clientId);
    });
    return { ok: true };
  },
  async visitors({ url, list }) {
    const { sockets, failed, firstError } = await connectAll(url, list.map((v) => v.auth));
    visitors = sockets.map((socket, i) => ({ socket, conversationId: list[i].conversationId }));
    if (failed) throw new Error(`${failed} of ${list.length} visitor sockets refused: ${firstError}`);
    return { connected: visitors.length };
  },
  run: ({ rate, durationS }) => run(rate, durationS),
  close: () => [operator, ...visitors.map((v) => v.socket)].forEach((s) => s?.disconnect()),
});

async function run(rate, durationS) {
  latencies = [];
  sentOffsets = [];
  sentAt = new Map();
  unexpected = 0;
  let sent = 0;
  let acked = 0;
  let errors = 0;
  let firstAckError;
  const total = Math.round(rate * visitors.length * durationS);
  const perMs = (rate * visitors.length) / 1000;
  const start = (runStart = lastDelivery = performance.now());
  await new Promise((done) => {
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - start) * perMs));
      for (; sent < due; sent++) {
        const { socket, conversationId } = visitors[sent % visitors.length]; // round robin: each visitor sends `rate`/s
        const clientId = `${ourPrefix}${seq++}`;
        sentAt.set(clientId, performance.now());
        socket.emit('message', { conversationId, body: 'benchmark message', clientId }, (ack) => {
          acked++;
          if (ack && !ack.error) return;
          errors++;
          firstAckError ??= JSON.stringify(ack);
          sentAt.delete(clientId); // refused, so never delivered: counted as an error, not as lost
        });
      }
      if (sent < total) setTimeout(tick, TICK_MS);
      else done();
    };
    tick();
  });
  const sendWindowS = (performance.now() - start) / 1000;
  const drainUntil = performance.now() + DRAIN_MS;
  while ((sentAt.size > 0 || acked < sent) && performance.now() < drainUntil) await new Promise((r) => setTimeout(r, 20));
  // Delivered/s is over the time until the last delivery: a server that lags delivers during the drain too.
  const deliveryWindowS = Math.max(sendWindowS, (lastDelivery - start) / 1000);
  return { latencies: Float64Array.from(latencies), sentOffsets: Float64Array.from(sentOffsets), sent, errors: errors + (sent - acked), lost: sentAt.size, unexpected, deliveryWindowS, firstAckError };
}
