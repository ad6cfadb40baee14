import type { IncomingHttpHeaders } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { SESSION_COOKIE } from '@lc/platform/server';
import { sendError } from './http-error';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Whether a request comes from a page of the shell's own origin, by what the browser says of it: an
 * `Origin` of another origin, or a `Sec-Fetch-Site` of `same-site` / `cross-site`, means another page made
 * it (a sibling subdomain or another port is "same-site": SameSite cookies do not stop those). Without
 * either header it is not a browser's cross-origin request (browsers send `Origin` on every cross-origin
 * POST and on every WebSocket). `publicOrigin` (PUBLIC_URL) pins the scheme as well; without it the
 * origin must name the host the request was sent to.
 */
export function crossOriginReason(headers: IncomingHttpHeaders, publicOrigin?: string): string | undefined {
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return `Sec-Fetch-Site is ${site}`;
  const origin = headers.origin;
  if (origin === undefined) return undefined;
  if (publicOrigin) return origin === publicOrigin ? undefined : `Origin ${origin} is not ${publicOrigin}`;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return `Origin ${origin} is not the shell's`;
  }
  return host === headers.host ? undefined : `Origin ${origin} is not the shell's`;
}

/** A request signed in by the session cookie alone (a bearer token is never sent by a browser on its own). */
export function cookieOnly(headers: IncomingHttpHeaders): boolean {
  const authorization = headers.authorization;
  return !(typeof authorization === 'string' && authorization.startsWith('Bearer ')) && (headers.cookie ?? '').includes(`${SESSION_COOKIE}=`);
}

/** State-changing requests authenticated by the cookie come from the shell's own pages only (403 otherwise). */
export function sameOriginCookieWrites(publicOrigin?: string): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!STATE_CHANGING.has(req.method) || !cookieOnly(req.headers)) return next();
    const reason = crossOriginReason(req.headers, publicOrigin);
    if (reason) return sendError(res, 403, 'Forbidden', `Cross-site request refused (${reason}): a request signed in by the session cookie must come from the shell's own pages`);
    next();
  };
}
