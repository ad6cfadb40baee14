import { Injectable, NotFoundException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { Group } from '@lc/platform';
import { Authenticator, ModuleRegistry, OWNER_MODULE, PUBLIC_ROUTE, REQUIRED_GROUPS, tokenOf, translatableError } from '@lc/platform/server';
import type { Request } from 'express';

/**
 * One global guard, in a fixed order: a disabled module's routes are 404 (before anything else, so they
 * look absent), then authentication (bearer token or session cookie), then group checks.
 */
@Injectable()
export class PlatformGuard implements CanActivate {
  private authenticator?: Authenticator;

  constructor(
    private readonly reflector: Reflector,
    private readonly registry: ModuleRegistry,
    private readonly moduleRef: ModuleRef,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const owner: string | undefined = Reflect.getMetadata(OWNER_MODULE, context.getClass());
    if (owner && !this.registry.isEnabled(owner)) throw new NotFoundException(`Cannot ${context.switchToHttp().getRequest<Request>().method} ${context.switchToHttp().getRequest<Request>().path}`);

    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & { user?: unknown }>();
    const token = tokenOf(request);
    const user = token ? await this.auth().authenticate(token) : null;
    if (!user) throw translatableError(401, 'platform.authenticationRequired');
    request.user = user;

    const required = this.reflector.getAllAndOverride<Group[]>(REQUIRED_GROUPS, targets);
    if (required?.length && !required.some((g) => user.groups.includes(g))) {
      throw translatableError(403, 'platform.groupsRequired', { groups: required.join(', ') });
    }
    return true;
  }

  private auth(): Authenticator {
    this.authenticator ??= this.moduleRef.get(Authenticator, { strict: false });
    return this.authenticator;
  }
}
