import { SetMetadata, UsePipes } from '@nestjs/common';
import { socketValidationException } from './validation';
import { CompiledValidationPipe } from './compiled-validation';
import type { Server, Socket } from 'socket.io';
import type { AuthUser } from './auth';

/**
 * What the handshake established about a socket (socket.data): a signed-in user, or a guest recognised
 * by a module's identity provider (a website visitor, say). `module` owns the guest: while it is disabled
 * the guest's handshakes are refused and its events answered with an error.
 */
export type SocketIdentity = { kind: 'user'; user: AuthUser } | GuestIdentity;

export interface GuestIdentity<Claims = unknown> {
  kind: 'visitor';
  /** The module whose provider recognised this guest. */
  module: string;
  /** Stable per guest (e.g. the hash of their token): sockets are counted, and typing coalesced, per key. */
  key: string;
  /** What the owning module keeps about the guest (only it reads this). */
  claims: Claims;
}

export type AppSocket = Socket<Record<string, any>, Record<string, any>, Record<string, any>, SocketIdentity>;

/** Every socket of a user joins this room, in any process (the Redis adapter carries emits across). */
export const userRoom = (userId: number) => `user:${userId}`;
/** Every socket opened with one sign-in token (by its hash), so that revoking the token closes them. */
export const tokenRoom = (hash: string) => `token:${hash}`;
/** Every internal user's sockets. */
export const INTERNAL_USERS_ROOM = 'internal-users';

/**
 * A module's way of recognising guests at the socket handshake: it reads one key of the handshake `auth`
 * (e.g. `visitorToken`) and answers who the guest is and which rooms their socket joins, or null to refuse.
 */
export interface GuestAuthenticator {
  /** The owning module (its manifest name). */
  module: string;
  /** The handshake `auth` key this authenticator reads. */
  authKey: string;
  /** What the value is called in a refusal ("Unknown visitor token"). */
  label: string;
  authenticate(value: string): Promise<{ key: string; claims: unknown; rooms: string[] } | null>;
}

/** Where modules register their guest authenticators (the host provides it and consults it at every handshake). */
export abstract class SocketIdentities {
  abstract register(authenticator: GuestAuthenticator): void;
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
  /**
   * Closes the sockets opened with a revoked token (by its hash), or all of a user's but those of `keepTokenHash`,
   * in every process (the Redis adapter carries it).
   */
  disconnectToken(hash: string): void {
    this.server.in(tokenRoom(hash)).disconnectSockets(true);
  }
  disconnectUser(userId: number, keepTokenHash?: string): void {
    const sockets = this.server.in(userRoom(userId));
    (keepTokenHash ? sockets.except(tokenRoom(keepTokenHash)) : sockets).disconnectSockets(true);
  }
  /** disconnectToken for many revoked tokens in one broadcast. */
  disconnectTokens(hashes: string[]): void {
    if (hashes.length) this.server.in(hashes.map(tokenRoom)).disconnectSockets(true);
  }
}

/**
 * Validation for socket event payloads, as strict as HTTP: unknown fields refused, types checked.
 * A failure becomes an error acknowledgement (see the host's socket interceptor), never a disconnect.
 */
export const ValidateSocketPayloads = () =>
  UsePipes(
    new CompiledValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: true },
      exceptionFactory: (errors) => socketValidationException(errors),
    }),
  );

/** Metadata key of HotSocketEvent (on the method). */
export const HOT_SOCKET_EVENT = 'lc:hot-socket-event';

/**
 * Marks a frequent event's handler (`@SubscribeMessage`) for the host's fast path: its payload is checked by
 * the DTO's compiled rules and the method called directly, without Nest's per-event pipeline (guards,
 * pipes, interceptors, rxjs), with the same acknowledgements. A payload that fails the check takes Nest's
 * pipeline, for the same 400. The method takes `@ConnectedSocket()` then `@MessageBody()`, returns a value
 * or a promise, and may use `@ValidateSocketPayloads()` but no other enhancer: the host checks at start-up.
 */
export const HotSocketEvent = (): MethodDecorator => SetMetadata(HOT_SOCKET_EVENT, true);

/**
 * A global interceptor whose whole work on a socket event is a call before the handler says so by
 * implementing this: the fast path of HotSocketEvent handlers calls it, in the interceptors' order, where
 * Nest's pipeline would call intercept() (after the host's checks and flood limit, before validation).
 */
export interface BeforeSocketEvent {
  beforeSocketEvent(socket: AppSocket): void;
}

/** A socket event that takes no payload got none: nothing, null or `{}` (what clients send for "nothing"). */
export const isEmptyPayload = (body: unknown): boolean => body === undefined || body === null || (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0);
