// The baseline: a plain socket.io relay that forwards each visitor message to one operator socket, no storage.
// Same handshake shape as the product so the same clients drive both: an operator sends auth.token = its name,
// a visitor sends auth.visitorToken = "<operator name>:<n>" and its messages go to that operator only.
// With REDIS_URL it uses @socket.io/redis-adapter (key prefix REDIS_KEY_PREFIX), so two relays behave as one.
// It also answers POST /start with a small JSON object: the baseline of the product's session start.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT || 8090);
const http = createServer((req, res) => {
  const reply = (status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  if (req.method === 'GET' && req.url === '/api/health') return reply(200, { status: 'ok' });
  if (req.method === 'POST' && req.url === '/start') {
    req.resume(); // read (and ignore) the body, as a real handler would
    return req.on('end', () => reply(201, { sessionId: nextId++, status: 'active', operator: { id: 1, name: 'Relay' } }));
  }
  if (!req.url.startsWith('/socket.io/')) reply(404, { error: 'not found' });
});
const io = new Server(http, { maxHttpBufferSize: 64 * 1024 });

if (process.env.REDIS_URL) {
  const { createClient } = await import('redis');
  const { createAdapter } = await import('@socket.io/redis-adapter');
  const pub = createClient({ url: process.env.REDIS_URL });
  const sub = pub.duplicate();
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub, { key: process.env.REDIS_KEY_PREFIX || 'socket.io' }));
}

let nextId = 1;
const operatorRoom = (name) => `operator:${name}`; // a room holding the one operator socket, in whichever process
io.on('connection', (socket) => {
  const { token, visitorToken } = socket.handshake.auth ?? {};
  if (typeof token === 'string') return void socket.join(operatorRoom(token));
  const operator = String(visitorToken ?? '').split(':')[0];
  socket.on('message', (payload, ack) => {
    const message = { id: nextId++, conversationId: payload?.conversationId, author: { kind: 'visitor', id: 0, name: 'Visitor' }, body: payload?.body, clientId: payload?.clientId, createdAt: new Date().toISOString() };
    io.to(operatorRoom(operator)).emit('message', message);
    if (typeof ack === 'function') ack(message);
  });
});

// SIGTERM: close and exit normally, so that a profile (--cpu-prof) would be written.
process.on('SIGTERM', () => io.close(() => process.exit(0)));
http.listen(port, '127.0.0.1', () => console.log(`relay serving on http://127.0.0.1:${port}`));
