import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { WebSocketGateway, WebSocketServer, type OnGatewayInit } from '@nestjs/websockets';
import { parse as parseCookie } from 'cookie';
import proxyAddress from 'proxy-addr';
import type { Server } from 'socket.io';
import { APP_CONFIG, Authenticator, INTERNAL_USERS_ROOM, Metrics, ModuleRegistry, Realtime, SESSION_COOKIE, tokenHash, tokenRoom, userRoom, type AppConfig, type AppSocket } from '@lc/platform/server';
import { crossOriginReason } from '../edge/same-origin-writes';
import { SocketCaps } from '../edge/socket-caps';
import { HostSocketIdentities } from './socket-identities';

/** The places a socket holds in the caps: its client address's, and its guest's. */
interface Places {
  address: string;
  capKey?: string;
}
const PLACES = Symbol('places');
type SocketWithPlaces = AppSocket & { [PLACES]?: Places };

/**
 * Owns the socket.io server of this process: authenticates every handshake (a user's token or session
 * cookie, or a guest recognised by an enabled module's authenticator) and puts the socket in its rooms
 * before any module sees it.
 */
@WebSocketGateway()
@Injectable()
export class RealtimeGateway extends Realtime implements OnGatewayInit {
  private readonly logger = new Logger('Realtime');
  @WebSocketServer() private io!: Server;
  readonly processId = randomUUID();
  private readonly perGuest: SocketCaps;
  private readonly perAddress: SocketCaps;

  constructor(
    @Inject(ModuleRef) private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly httpAdapterHost: HttpAdapterHost,
    private readonly identities: HostSocketIdentities,
    private readonly registry: ModuleRegistry,
    private readonly metrics: Metrics,
  ) {
    super();
    this.perGuest = new SocketCaps(config.rateLimits.socketsPerVisitorToken);
    this.perAddress = new SocketCaps(config.rateLimits.socketsPerAddress);
  }

  get server(): Server {
    return this.io;
  }

  afterInit(server: Server): void {
    this.metrics.gauge({ name: 'realtime_sockets_open', help: 'socket.io connections open on this process (users and guests)', read: () => server.of('/').sockets.size });
    server.use((socket, next) => {
      this.authenticate(socket as AppSocket)
        .then((error) => next(error ? Object.assign(new Error(error), { data: { message: error } }) : undefined))
        .catch((err) => {
          this.logger.error(`handshake failed: ${err}`);
          next(new Error('Handshake failed'));
        });
    });
  }

  /** Returns an error message when the handshake must be refused. */
  private async authenticate(socket: AppSocket): Promise<string | undefined> {
    const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
    const address = this.clientAddress(socket);
    if (!this.perAddress.take(address)) return 'Too many connections from this address';
    const refuse = (error: string, key?: string) => (this.releasePlaces({ address, capKey: key }), error);

    const guest = this.identities.find(auth);
    if (guest) {
      const { authenticator, value } = guest;
      if (!this.registry.isEnabled(authenticator.module)) return refuse(`The ${authenticator.module} module is disabled`);
      const found = await authenticator.authenticate(value);
      if (!found) return refuse(`Unknown ${authenticator.label}`);
      const capKey = `${authenticator.module}:${found.key}`;
      if (!this.perGuest.take(capKey)) return refuse(`Too many connections for this ${authenticator.label}`);
      socket.data = { kind: 'visitor', module: authenticator.module, key: found.key, claims: found.claims };
      this.holdPlaces(socket, { address, capKey });
      await socket.join(found.rooms);
      return undefined;
    }
    const cookieToken = socket.handshake.headers.cookie ? parseCookie(socket.handshake.headers.cookie)[SESSION_COOKIE] : undefined;
    const token = typeof auth.token === 'string' ? auth.token : cookieToken;
    if (!token) return refuse(`Authentication required: auth.token${this.identities.authKeys().map((k) => ` or auth.${k}`).join('')}`);
    // A page of another origin opening a socket rides on the cookie alone (cross-site WebSocket hijacking).
    if (token === cookieToken && typeof auth.token !== 'string') {
      const reason = crossOriginReason(socket.handshake.headers, this.config.publicOrigin);
      if (reason) return refuse(`Cross-site connection refused (${reason}): sign in with auth.token`);
    }
    const user = await this.moduleRef.get(Authenticator, { strict: false }).authenticate(token);
    if (!user) return refuse('Invalid or expired token');
    socket.data = { kind: 'user', user };
    this.holdPlaces(socket, { address });
    await socket.join([userRoom(user.id), INTERNAL_USERS_ROOM, tokenRoom(tokenHash(token))]);
    return undefined;
  }

  /**
   * The socket keeps its places (per address, per guest) until it disconnects: one listener shared by
   * every socket, rather than a closure and a once() wrapper per socket. 'disconnect' is emitted once.
   */
  private holdPlaces(socket: AppSocket, places: Places): void {
    (socket as SocketWithPlaces)[PLACES] = places;
    socket.on('disconnect', this.releaseOnDisconnect);
  }

  private readonly releaseOnDisconnect = ((gateway) =>
    function (this: SocketWithPlaces) {
      const places = this[PLACES];
      this[PLACES] = undefined;
      if (places) gateway.releasePlaces(places);
    })(this);

  private releasePlaces({ address, capKey }: Places): void {
    this.perAddress.release(address);
    if (capKey) this.perGuest.release(capKey);
  }

  /** The client's address as express sees it (the `trust proxy` setting), not the proxy's. */
  private clientAddress(socket: AppSocket): string {
    const trust = this.httpAdapterHost.httpAdapter.getInstance().get('trust proxy fn');
    return proxyAddress(socket.request as never, trust);
  }
}
