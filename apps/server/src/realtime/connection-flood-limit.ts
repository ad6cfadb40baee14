import type { Socket } from 'socket.io';

/**
 * DESIGN's "socket events 20 a second per connection": a fixed window per connection, opened by its first event
 * (as rate-limiter-flexible's memory limiter counts), kept beside the socket. Synchronous and allocation-free
 * per event: the library's limiter made a record, a date and a timer per connection and second, and at a
 * thousand chatting visitors those timers outlived young collections and made them the latency's tail.
 */
export class ConnectionFloodLimit {
  private readonly windows = new WeakMap<Socket, { start: number; count: number }>();

  constructor(
    private readonly eventsPerWindow: number,
    private readonly windowMs = 1000,
  ) {}

  /** Counts one event of this connection; false once its window holds more than allowed. */
  admit(socket: Socket, now = Date.now()): boolean {
    const window = this.windows.get(socket);
    if (!window) {
      this.windows.set(socket, { start: now, count: 1 });
      return this.eventsPerWindow >= 1;
    }
    if (now - window.start >= this.windowMs) {
      window.start = now;
      window.count = 0;
    }
    return ++window.count <= this.eventsPerWindow;
  }
}
