import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { ModuleRegistry, type AuthUser } from '@lc/platform/server';
import { PresenceService } from './presence.service';

/** Each HTTP request of a signed-in user counts as activity (DESIGN: "each of their HTTP requests"). */
@Injectable()
export class ActivityInterceptor implements NestInterceptor {
  constructor(
    private readonly presence: PresenceService,
    private readonly registry: ModuleRegistry,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http' && this.registry.isEnabled('presence')) {
      const user: AuthUser | undefined = context.switchToHttp().getRequest().user;
      if (user) this.presence.recordActivity(user.id);
    }
    return next.handle();
  }
}
