import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { ModuleRegistry, type AppSocket, type AuthUser, type BeforeSocketEvent } from '@lc/platform/server';
import { PresenceService } from './presence.service';

/** Each HTTP request and socket event of a signed-in user counts as activity (messages included). */
@Injectable()
export class ActivityInterceptor implements NestInterceptor, BeforeSocketEvent {
  constructor(
    private readonly presence: PresenceService,
    private readonly registry: ModuleRegistry,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    this.record(userOf(context));
    return next.handle();
  }

  /** The same for the hot socket events, which skip intercept(). */
  beforeSocketEvent(socket: AppSocket): void {
    this.record(userOfSocket(socket));
  }

  private record(user: AuthUser | undefined): void {
    if (user && this.registry.isEnabled('presence')) this.presence.recordActivity(user.id);
  }
}

function userOf(context: ExecutionContext): AuthUser | undefined {
  if (context.getType() === 'http') return context.switchToHttp().getRequest().user;
  if (context.getType() === 'ws') return userOfSocket(context.switchToWs().getClient<AppSocket>());
  return undefined;
}

const userOfSocket = (socket: AppSocket): AuthUser | undefined => (socket.data?.kind === 'user' ? socket.data.user : undefined);
