import { HttpException, Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { WsException } from '@nestjs/websockets';
import { catchError, finalize, of, type Observable } from 'rxjs';
import { APP_CONFIG, ModuleRegistry, OWNER_MODULE, TooManyRequestsException, type AppConfig, type AppSocket } from '@lc/platform/server';
import type { ErrorI18n, SocketError as ProtocolSocketError } from '@lc/protocol';
import { GracefulShutdown } from '../lifecycle/graceful-shutdown';
import { ConnectionFloodLimit } from './connection-flood-limit';

type SocketError = ProtocolSocketError;

/**
 * Every socket event handler goes through here: a disabled module's events (and its guests') are refused, a flood from one
 * connection is limited, and any failure (validation included) becomes an `{error}` acknowledgement
 * instead of an exception that would leave the client waiting.
 */
@Injectable()
export class SocketAckInterceptor implements NestInterceptor {
  private readonly flood: ConnectionFloodLimit;

  constructor(
    private readonly registry: ModuleRegistry,
    @Inject(APP_CONFIG) config: AppConfig,
    readonly shutdown: GracefulShutdown,
  ) {
    this.flood = new ConnectionFloodLimit(config.rateLimits.socketEventsPerSecond);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'ws') return next.handle();
    const socket = context.switchToWs().getClient<AppSocket>();
    const refusal = this.refusal(Reflect.getMetadata(OWNER_MODULE, context.getClass()), socket);
    if (refusal) return of(refusal);
    if (!this.admit(socket)) return of(tooManyEvents());
    this.shutdown.begin();
    return next.handle().pipe(
      catchError((error) => of(toSocketError(error))),
      finalize(() => this.shutdown.end()),
    );
  }

  /**
   * Why an event for a gateway of `owner` is refused before it starts, if it is. The caller then calls
   * shutdown.begin(), admit(), the handler, and shutdown.end() once answered (the hot events do it without rxjs).
   */
  refusal(owner: string | undefined, socket: AppSocket): SocketError | undefined {
    if (owner && !this.registry.isEnabled(owner)) return { error: `The ${owner} module is disabled`, status: 404 };
    // A stopping process takes no new event (the client sends it again once reconnected to another
    // process) and finishes those under way before it closes the sockets.
    if (this.shutdown.stopping) return { error: 'The server is restarting; send again once reconnected', status: 503 };
    // A guest belongs to the module that recognised it: once that module is disabled, the guest is not heard.
    if (socket.data?.kind === 'visitor' && !this.registry.isEnabled(socket.data.module)) return { error: `The ${socket.data.module} module is disabled`, status: 404 };
    return undefined;
  }

  /** Whether this connection's flood limit lets one more event through (else answer tooManyEvents()). */
  admit(socket: AppSocket): boolean {
    return this.flood.admit(socket);
  }
}

export const tooManyEvents = (): SocketError => ({ error: 'Too many events; slow down', status: 429, retryAfter: 1 });

export function toSocketError(error: unknown): SocketError {
  if (error instanceof HttpException) {
    const response = error.getResponse();
    const { message, i18n } = typeof response === 'string' ? { message: response, i18n: undefined } : (response as { message?: string | string[]; i18n?: ErrorI18n[] });
    const text = Array.isArray(message) ? message.join('; ') : (message ?? error.message);
    const translated = i18n ? { i18n } : {};
    return error instanceof TooManyRequestsException ? { error: text, status: 429, retryAfter: error.retryAfterS, ...translated } : { error: text, status: error.getStatus(), ...translated };
  }
  if (error instanceof WsException) return { error: String(error.getError()) };
  return { error: 'Internal error', status: 500 };
}
