// One benchmark client process: connects `operator` once and N visitors, then each visitor sends one
// message a second for DURATION_S; prints JSON with the delivery latencies seen by the operator.
import { io } from 'socket.io-client';

const [url, operatorToken, visitorsJson, durationS, rate] = process.argv.slice(2);
const visitors = JSON.parse(visitorsJson); // [{visitorToken, conversationId}]
const connect = (auth) =>
  new Promise((resolve, reject) => {
    const socket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });

const latencies = [];
let errors = 0;
const sentAt = new Map();
const operator = await connect({ token: operatorToken });
operator.on('message', (m) => {
  const t = sentAt.get(m.clientId);
  if (t !== undefined) latencies.push(performance.now() - t), sentAt.delete(m.clientId);
});
const sockets = [];
for (const v of visitors) sockets.push({ socket: await connect({ visitorToken: v.visitorToken }), conversationId: v.conversationId });

const perSecond = Number(rate || 1);
const until = performance.now() + Number(durationS) * 1000;
let seq = 0;
await Promise.all(
  sockets.map(async ({ socket, conversationId }, index) => {
    await new Promise((r) => setTimeout(r, (index * 1000) / sockets.length / perSecond)); // spread the sends evenly
    while (performance.now() < until) {
      const clientId = `b${process.pid}-${seq++}`;
      sentAt.set(clientId, performance.now());
      socket.emit('message', { conversationId, body: 'benchmark message', clientId }, (ack) => ack?.error && errors++);
      await new Promise((r) => setTimeout(r, 1000 / perSecond));
    }
  }),
);
await new Promise((r) => setTimeout(r, 2000)); // let the last deliveries arrive
process.stdout.write(JSON.stringify({ latencies, errors, lost: sentAt.size }));
process.exit(0);
