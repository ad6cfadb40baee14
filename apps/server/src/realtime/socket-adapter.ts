import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';

/**
 * Largest socket.io frame read (socket.io's own default). Anything below is parsed and checked like any
 * event (a 100 kB message gets an error ack, the connection stays); a bigger frame cannot be answered,
 * since its ack id is inside it, so engine.io closes that one connection and the client reconnects.
 */
export const MAX_SOCKET_FRAME_BYTES = 1_000_000;

/**
 * socket.io on the HTTP port. With REDIS_URL, socket.io's official Redis adapter carries room emits
 * between processes, so any number of them behind a load balancer behave as one.
 */
export class SocketAdapter extends IoAdapter {
  private redisAdapter?: ReturnType<typeof createAdapter>;
  private readonly redisClients: Array<ReturnType<typeof createClient>> = [];

  constructor(app: INestApplicationContext) {
    super(app);
  }

  async connectToRedis(url: string, keyPrefix?: string): Promise<void> {
    const pub = createClient({ url });
    const sub = pub.duplicate();
    for (const client of [pub, sub]) client.on('error', (err) => console.error(`Redis: ${err.message}`));
    await Promise.all([pub.connect(), sub.connect()]);
    this.redisClients.push(pub, sub);
    this.redisAdapter = createAdapter(pub, sub, keyPrefix ? { key: keyPrefix } : {});
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, { ...(options as ServerOptions), cors: { origin: '*' }, maxHttpBufferSize: MAX_SOCKET_FRAME_BYTES, pingInterval: 20000, pingTimeout: 20000 });
    if (this.redisAdapter) server.adapter(this.redisAdapter);
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all(this.redisClients.map((c) => c.quit().catch(() => undefined)));
  }
}
