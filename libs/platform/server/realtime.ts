import { UsePipes, ValidationPipe, BadRequestException } from '@nestjs/common';
import type { Server, Socket } from 'socket.io';
import type { AuthUser } from './auth';

/** What the handshake established about a socket (socket.data). */
export type SocketIdentity =
  | { kind: 'user'; user: AuthUser }
  | { kind: 'visitor'; visitorToken: string; sessionIds: number[] };

export type AppSocket = Socket<Record<string, any>, Record<string, any>, Record<string, any>, SocketIdentity>;

/** Every socket of a user joins this room, in any process (the Redis adapter carries emits across). */
export const userRoom = (userId: number) => `user:${userId}`;
/** Every visitor socket of a live chat session joins this room. */
export const visitorSessionRoom = (sessionId: number) => `visitor-session:${sessionId}`;
/** Every internal user's sockets. */
export const INTERNAL_USERS_ROOM = 'internal-users';

/** Turns a visitor token from the handshake into a visitor identity; the livechat module provides it. */
export abstract class VisitorAuthenticator {
  /** The visitor's sessions and the extra rooms their socket joins (their conversations...), or null. */
  abstract authenticate(visitorToken: string): Promise<{ visitorToken: string; sessionIds: number[]; rooms: string[] } | null>;
}

/** The socket.io server of this process, for modules to emit events (the host provides it). */
export abstract class Realtime {
  abstract get server(): Server;
  /** Process id used in connection records; unique per process start. */
  abstract readonly processId: string;
  toUser(userId: number, event: string, payload: unknown): void {
    this.server.to(userRoom(userId)).emit(event, payload);
  }
  toUsers(userIds: number[], event: string, payload: unknown): void {
    if (userIds.length) this.server.to(userIds.map(userRoom)).emit(event, payload);
  }
}

/**
 * Validation for socket event payloads, as strict as HTTP: unknown fields refused, types checked.
 * A failure becomes an error acknowledgement (see the host's socket interceptor), never a disconnect.
 */
export const ValidateSocketPayloads = () =>
  UsePipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => new BadRequestException(errors.flatMap((e) => Object.values(e.constraints ?? { [e.property]: `${e.property} is invalid` }))),
    }),
  );
