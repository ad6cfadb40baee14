import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { WebSocketGateway, WebSocketServer, type OnGatewayInit } from '@nestjs/websockets';
import { parse as parseCookie } from 'cookie';
import type { Server } from 'socket.io';
import { Authenticator, INTERNAL_USERS_ROOM, Realtime, SESSION_COOKIE, userRoom, VisitorAuthenticator, visitorSessionRoom, type AppSocket } from '@lc/platform/server';

/**
 * Owns the socket.io server of this process: authenticates every handshake (user token or session
 * cookie, or a visitor token) and puts the socket in its rooms before any module sees it.
 */
@WebSocketGateway()
@Injectable()
export class RealtimeGateway extends Realtime implements OnGatewayInit {
  private readonly logger = new Logger('Realtime');
  @WebSocketServer() private io!: Server;
  readonly processId = randomUUID();

  constructor(@Inject(ModuleRef) private readonly moduleRef: ModuleRef) {
    super();
  }

  get server(): Server {
    return this.io;
  }

  afterInit(server: Server): void {
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
    const cookieToken = socket.handshake.headers.cookie ? parseCookie(socket.handshake.headers.cookie)[SESSION_COOKIE] : undefined;
    if (typeof auth.visitorToken === 'string') {
      const visitor = await this.visitorAuthenticator()?.authenticate(auth.visitorToken);
      if (!visitor) return 'Unknown visitor token';
      socket.data = { kind: 'visitor', visitorToken: visitor.visitorToken, sessionIds: visitor.sessionIds };
      await socket.join([...visitor.sessionIds.map(visitorSessionRoom), ...visitor.rooms]);
      return undefined;
    }
    const token = typeof auth.token === 'string' ? auth.token : cookieToken;
    if (!token) return 'Authentication required: auth.token or auth.visitorToken';
    const user = await this.moduleRef.get(Authenticator, { strict: false }).authenticate(token);
    if (!user) return 'Invalid or expired token';
    socket.data = { kind: 'user', user };
    await socket.join([userRoom(user.id), INTERNAL_USERS_ROOM]);
    return undefined;
  }

  /** Provided by the livechat module when it is loaded. */
  private visitorAuthenticator(): VisitorAuthenticator | undefined {
    try {
      return this.moduleRef.get(VisitorAuthenticator, { strict: false });
    } catch {
      return undefined;
    }
  }
}
