// What every bench client process shares: answering the orchestrator's requests, opening many sockets.
import { io } from 'socket.io-client';

/** Serves request messages in a client process: handlers[cmd](message) -> reply; 'close' exits. */
export function serveRequests(handlers) {
  process.on('message', async (message) => {
    if (message.cmd === 'close') {
      await handlers.close?.();
      process.exit(0);
    }
    try {
      process.send(await handlers[message.cmd](message));
    } catch (error) {
      process.send({ error: error?.stack || String(error) });
    }
  });
  process.on('disconnect', () => process.exit(0)); // the orchestrator is gone
}

/** Connects sockets with at most `concurrency` handshakes at a time; {sockets (in the order of auths; null if refused), failed, firstError}. */
export async function connectAll(url, auths, concurrency = 50) {
  const sockets = new Array(auths.length).fill(null);
  let failed = 0;
  let firstError;
  let next = 0;
  const worker = async () => {
    while (next < auths.length) {
      const i = next++;
      const auth = auths[i];
      const socket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 20_000 });
      const ok = await new Promise((resolve) => {
        socket.once('connect', () => resolve(true));
        socket.once('connect_error', (error) => ((firstError ??= error.message), resolve(false)));
      });
      if (ok) sockets[i] = socket;
      else failed++, socket.close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, auths.length) }, worker));
  return { sockets, failed, firstError };
}
