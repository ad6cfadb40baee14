import { createHash } from 'node:crypto';
import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Group } from '../src/groups';

export const PUBLIC_ROUTE = 'lc:public';
export const REQUIRED_GROUPS = 'lc:groups';

/** The signed-in user of a request, with effective (implied) groups. */
export interface AuthUser {
  id: number;
  login: string;
  name: string;
  groups: Group[];
}

/** Reachable without a user session (health, login, visitor routes). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The user must be in at least one of these groups (after implication), else 403. */
export const RequireGroups = (...groups: Group[]) => SetMetadata(REQUIRED_GROUPS, groups);

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser | undefined => {
  return context.switchToHttp().getRequest().user;
});

/**
 * Turns a bearer token or session cookie into a user. The base module provides it; the host's guard and
 * socket handshake use it, so the host knows no module by name.
 */
export abstract class Authenticator {
  abstract authenticate(token: string): Promise<AuthUser | null>;
}

/** Name of the HttpOnly session cookie set at login. */
export const SESSION_COOKIE = 'lc_session';

/** The user token of a request: `Authorization: Bearer …` or the session cookie. */
export function tokenOf(request: { headers: Record<string, string | string[] | undefined>; cookies?: Record<string, string> }): string | undefined {
  const header = request.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ')) return header.slice(7).trim() || undefined;
  return request.cookies?.[SESSION_COOKIE] || undefined;
}

/** The SHA-256 of a sign-in token: what the database stores and what names the token's socket room. */
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');
