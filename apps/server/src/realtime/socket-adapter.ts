import type { INestApplicationContext, WsMessageHandler } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Observable } from 'rxjs';
import type { Server, ServerOptions, Socket } from 'socket.io';
import { payloadProblem } from '../edge/payload-guard';

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

  /**
   * One plain listener per event and socket. Nest's own version builds an rxjs pipeline per handler and
   * socket (fromEvent, mergeMap, takeUntil a shared disconnect stream): ~90 closures, about 15 kB of heap for
   * every idle connection, twice what socket.io itself needs. Same behaviour: the handler's result (through
   * interceptors and pipes) is the acknowledgement, or `{event, data}` is emitted back.
   */
  override bindMessageHandlers(socket: Socket, handlers: WsMessageHandler[], transform: (data: unknown) => Observable<unknown>): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message, (...args: unknown[]) => {
        const ack = typeof args.at(-1) === 'function' ? (args.pop() as (response: unknown) => void) : undefined;
        const data = args.length > 1 ? args : args[0];
        // The same guard as HTTP bodies (depth, NUL, prototype keys), before any pipe builds on the payload.
        const problem = payloadProblem(data, 'payload');
        if (problem) return ack?.({ error: problem, status: 400 });
        let responses: Observable<unknown>;
        try {
          responses = transform(callback(data, ack));
        } catch (error) {
          return this.logger.error(error);
        }
        responses.subscribe({
          next: (response) => {
            if (response === null || response === undefined) return;
            const { event, data: payload } = response as { event?: string; data?: unknown };
            if (event) socket.emit(event, payload);
            else if (ack && !isAckHandledManually) ack(response);
          },
          error: (error) => this.logger.error(error),
        });
      });
    }
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all(this.redisClients.map((c) => c.quit().catch(() => undefined)));
  }
}
