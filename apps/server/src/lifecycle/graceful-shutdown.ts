import type { Server } from 'node:http';
import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** How long a stopping process waits for requests and socket events already under way. */
export const DRAIN_TIMEOUT_MS = 10_000;

/**
 * Graceful shutdown (SIGTERM, SIGINT, app.close()). Nest's sequence is: beforeApplicationShutdown hooks,
 * then it closes socket.io (every socket is told the transport closed, so clients reconnect, through the
 * load balancer, to another process) and the HTTP server, then the onApplicationShutdown hooks (presence
 * forgets this process, the database pool closes). Here, first: stop accepting connections, and let the
 * HTTP requests and socket events already under way finish their writes and answer.
 */
@Injectable()
export class GracefulShutdown implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Shutdown');
  private inFlight = 0;
  private idle: Array<() => void> = [];
  private httpServer?: Server;
  stopping = false;

  attach(httpServer: Server): void {
    this.httpServer = httpServer;
  }

  /** Express middleware counting requests until their response is sent (or the client went away). */
  readonly httpMiddleware = (_req: Request, res: Response, next: NextFunction): void => {
    this.begin();
    let done = false;
    const end = () => {
      if (done) return;
      done = true;
      this.end();
    };
    res.once('finish', end);
    res.once('close', end);
    if (this.stopping) res.setHeader('Connection', 'close'); // a kept-alive client must reconnect, to another process
    next();
  };

  begin(): void {
    this.inFlight++;
  }

  end(): void {
    this.inFlight--;
    if (this.inFlight === 0) this.idle.splice(0).forEach((resolve) => resolve());
  }

  get pending(): number {
    return this.inFlight;
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.stopping = true;
    // No new connections from here on (a listening socket closed: the load balancer tries another process).
    // Idle kept-alive connections are closed by Node; busy ones close once their response is sent.
    if (this.httpServer?.listening) this.httpServer.close();
    if (this.inFlight > 0) {
      const started = Date.now();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([new Promise<void>((resolve) => this.idle.push(resolve)), new Promise<void>((resolve) => (timer = setTimeout(resolve, DRAIN_TIMEOUT_MS)))]);
      clearTimeout(timer);
      if (this.inFlight > 0) this.logger.warn(`stopping with ${this.inFlight} request(s) still running after ${DRAIN_TIMEOUT_MS} ms`);
      else this.logger.log(`in-flight work finished in ${Date.now() - started} ms`);
    }
    if (signal) this.logger.log(`${signal}: closing connections`);
  }
}
