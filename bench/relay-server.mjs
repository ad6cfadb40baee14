// The baseline: a plain socket.io relay that forwards each message to one other socket, no storage.
// Clients authenticate like the product (auth.token = "operator" or auth.visitorToken) so the same client code drives both.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT || 8090);
const http = createServer();
const io = new Server(http, { maxHttpBufferSize: 64 * 1024 });
let operator = null;
let nextId = 1;
io.on('connection', (socket) => {
  if (socket.handshake.auth?.token) operator = socket;
  socket.on('message', (payload, ack) => {
    const message = { id: nextId++, conversationId: payload.conversationId, body: payload.body, clientId: payload.clientId, createdAt: new Date().toISOString() };
    operator?.emit('message', message);
    if (typeof ack === 'function') ack(message);
  });
});
http.listen(port, '127.0.0.1', () => console.log(`relay listening on ${port}`));
