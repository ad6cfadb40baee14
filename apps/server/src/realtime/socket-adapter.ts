import type { INestApplicationContext, WsMessageHandler } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { createAdapter } from '@socket.io/redis-adapter';
import type { createClient } from 'redis';
import type { Observable } from 'rxjs';
import type { Server, ServerOptions, Socket } from 'socket.io';
import type { AppSocket } from '@lc/platform/server';
import { payloadProblem } from '../edge/payload-guard';
import { hotSocketEvents, type HotHandler } from './hot-socket-events';
import { toSocketError, tooManyEvents } from './socket-ack.interceptor';

/**
 * Largest socket.io frame read (socket.io's own default). Anything below is parsed and checked like any
 * event (a 100 kB message gets an error ack, the connection stays); a bigger frame cannot be answered,
 * since its ack id is inside it, so engine.io closes that one connection and the client reconnects.
 */
export const MAX_SOCKET_FRAME_BYTES = 1_000_000;

/** Where a socket keeps its own handlers, by event name (see bindMessageHandlers). */
const HANDLERS = Symbol('handlers');
type SocketWithHandlers = Socket & { [HANDLERS]?: Record<string, WsMessageHandler['callback']> };

/**
 * socket.io on the HTTP port. With REDIS_URL, socket.io's official Redis adapter carries room emits
 * between processes, so any number of them behind a load balancer behave as one.
 */
export class SocketAdapter extends IoAdapter {
  private redisAdapter?: ReturnType<typeof createAdapter>;
  private readonly redisClients: Array<ReturnType<typeof createClient>> = [];
  /** One listener per event name (and ack mode), shared by every socket. */
  private readonly listeners = new Map<string, (...args: unknown[]) => void>();
  private transform?: (data: unknown) => Observable<unknown>;
  /** The @HotSocketEvent handlers, by event name. */
  private hot?: Map<string, HotHandler>;

  constructor(private readonly nest: INestApplicationContext) {
    super(nest);
  }

  async connectToRedis(url: string, keyPrefix?: string): Promise<void> {
    // Loaded only with REDIS_URL: a single process never loads the Redis client.
    const { createClient } = require('redis') as typeof import('redis');
    const { createAdapter } = require('@socket.io/redis-adapter') as typeof import('@socket.io/redis-adapter');
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
    // Nest creates the server once every provider and global enhancer exists: a misused @HotSocketEvent stops the start.
    this.hot ??= hotSocketEvents(this.nest);
    return server;
  }

  /**
   * Nest calls this for every socket and gateway with handlers bound to that socket. Its own version builds
   * an rxjs pipeline per handler and socket (~15 kB of heap per idle connection); a closure per handler and
   * socket still cost ~100 bytes each. Here each event name has ONE listener for every socket (socket.io
   * calls it with the socket as `this`), which finds the socket's own handler in one small object. Same
   * behaviour: the handler's result (through interceptors and pipes) is the acknowledgement, or
   * `{event, data}` is emitted back.
   */
  override bindMessageHandlers(socket: Socket, handlers: WsMessageHandler[], transform: (data: unknown) => Observable<unknown>): void {
    // Nest makes a new transform per call, always the same code of its one WebSocketsController (the
    // handler's value, promise or observable, as an observable): the first one serves every socket.
    this.transform ??= transform;
    const own = ((socket as SocketWithHandlers)[HANDLERS] ??= Object.create(null) as Record<string, WsMessageHandler['callback']>);
    for (const { message, callback, isAckHandledManually } of handlers) {
      if (!(message in own)) {
        own[message] = callback;
        socket.on(message, this.sharedListener(message, isAckHandledManually));
      } else {
        // Two gateways on one event name: the second gets a listener of its own, as with Nest.
        socket.on(message, (...args: unknown[]) => this.dispatch(socket, callback, isAckHandledManually, transform, args));
      }
    }
  }

  /** Nest's IoAdapter wraps the callback in a closure and a once() wrapper per socket and gateway; 'disconnect' is emitted once anyway. */
  override bindClientDisconnect(client: Socket, callback: (reason: unknown) => void): void {
    client.on('disconnect', callback);
  }

  private sharedListener(message: string, isAckHandledManually: boolean): (...args: unknown[]) => void {
    const key = `${isAckHandledManually ? 1 : 0}${message}`;
    let listener = this.listeners.get(key);
    if (!listener) {
      const adapter = this;
      const hot = this.hot!.get(message);
      listener = hot
        ? function (this: SocketWithHandlers, ...args: unknown[]) {
            adapter.dispatchHot(this, hot, message, args).catch((error) => adapter.logger.error(error));
          }
        : function (this: SocketWithHandlers, ...args: unknown[]) {
            adapter.dispatch(this, this[HANDLERS]![message], isAckHandledManually, adapter.transform!, args);
          };
      this.listeners.set(key, listener);
    }
    return listener;
  }

  /**
   * A hot event (see hot-socket-events.ts): what Nest's pipeline and SocketAckInterceptor do for it, as plain
   * calls; a payload that fails the compiled check goes through Nest's pipeline (the same 400 and i18n).
   */
  private async dispatchHot(socket: SocketWithHandlers, hot: HotHandler, message: string, args: unknown[]): Promise<void> {
    const ack = typeof args.at(-1) === 'function' ? (args.at(-1) as (response: unknown) => void) : undefined;
    const count = ack ? args.length - 1 : args.length; // as dispatch() reads them, without taking the ack off args
    const data = count > 1 ? args.slice(0, count) : count === 1 ? args[0] : undefined;
    if (payloadProblem(data, 'payload') || !hot.check(data)) return this.dispatch(socket, socket[HANDLERS]![message], false, this.transform!, args);
    const { interceptor } = hot;
    const refusal = interceptor.refusal(hot.owner, socket as AppSocket);
    if (refusal) return ack?.(refusal);
    if (!interceptor.admit(socket as AppSocket)) return ack?.(tooManyEvents());
    interceptor.shutdown.begin();
    let response: unknown;
    try {
      for (const before of hot.before) before.beforeSocketEvent(socket as AppSocket);
      response = await hot.call(socket as AppSocket, data);
    } catch (error) {
      response = toSocketError(error);
    }
    try {
      answer(socket, ack, false, response);
    } finally {
      interceptor.shutdown.end();
    }
  }

  private dispatch(socket: Socket, callback: WsMessageHandler['callback'], isAckHandledManually: boolean, transform: (data: unknown) => Observable<unknown>, args: unknown[]): void {
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
      next: (response) => answer(socket, ack, isAckHandledManually, response),
      error: (error) => this.logger.error(error),
    });
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all(this.redisClients.map((c) => c.quit().catch(() => undefined)));
  }
}

/** A handler's result as Nest's IoAdapter sends it: `{event, data}` is emitted back, anything else is the ack. */
function answer(socket: Socket, ack: ((response: unknown) => void) | undefined, isAckHandledManually: boolean, response: unknown): void {
  if (response === null || response === undefined) return;
  const { event, data: payload } = response as { event?: string; data?: unknown };
  if (event) socket.emit(event, payload);
  else if (ack && !isAckHandledManually) ack(response);
}
