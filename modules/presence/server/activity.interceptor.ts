import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { ModuleRegistry, type AppSocket, type AuthUser } from '@lc/platform/server';
import { PresenceService } from './presence.service';

/** Each HTTP request and socket event of a signed-in user counts as activity (messages included). */
@Injectable()
export class ActivityInterceptor implements NestInterceptor {
  constructor(
    private readonly presence: PresenceService,
    private readonly registry: ModuleRegistry,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (this.registry.isEnabled('presence')) {
      const user = userOf(context);
      if (user) this.presence.recordActivity(user.id);
    }
    return next.handle();
  }
}

function userOf(context: ExecutionContext): AuthUser | undefined {
  if (context.getType() === 'http') return context.switchToHttp().getRequest().user;
  if (context.getType() === 'ws') {
    const identity = context.switchToWs().getClient<AppSocket>().data;
    return identity?.kind === 'user' ? identity.user : undefined;
  }
  return undefined;
}
