// Holds many connected sockets and does nothing with them: idle visitors for the memory figure, online
// operators for the assignment figure. Several of these processes share the load (file descriptors, CPU).
import { connectAll, serveRequests } from './common.mjs';

let sockets = [];
serveRequests({
  async connect({ url, auths }) {
    const result = await connectAll(url, auths);
    sockets = result.sockets.filter(Boolean);
    return { connected: sockets.length, failed: result.failed, firstError: result.firstError };
  },
  close: () => sockets.forEach((s) => s.disconnect()),
});
