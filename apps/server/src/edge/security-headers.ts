import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { DOCUMENT_ONLY_HEADERS } from '@lc/platform/server';

/**
 * Helmet's headers on every response: nosniff, a Referrer-Policy, HSTS on HTTPS, and a Content-Security-Policy
 * that lets the shell load only its own scripts and connect only to its own server, and that no page may
 * frame (`frame-ancestors 'none'` + `X-Frame-Options: DENY`: a framed signed-in shell is clickjacking).
 * Styles may be inline: Angular puts component styles in <style> elements. Resources default to same-origin
 * (Cross-Origin-Resource-Policy); a module serving something for other websites (the widget) says so on
 * its own responses.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    // The widget's visitor routes and script are used from every website; COEP would need them to opt in.
    crossOriginEmbedderPolicy: false,
  });
}

/** What a JSON answer keeps of the CSP: it loads nothing, and nothing may frame it. */
export const DATA_CSP = "default-src 'none';frame-ancestors 'none'";

/**
 * A JSON answer (or one without a body: 204, 304) is no document: it drops the headers only a document obeys
 * (COOP, Origin-Agent-Cluster, the old-IE switches…: ~400 bytes on each of the ~10 API calls of a page) and
 * keeps a CSP of its own, `default-src 'none'` (stricter than a page's) with `frame-ancestors 'none'`, and
 * `X-Frame-Options` (docs/security.md). Decided when the headers go out, when the type is known: an HTML answer
 * under /api (the API documents) keeps all of helmet's.
 */
export function dataAnswerHeaders(): RequestHandler {
  return (_req, res, next) => {
    const writeHead = res.writeHead as (this: ServerResponse, ...args: unknown[]) => ServerResponse;
    res.writeHead = function (this: ServerResponse<IncomingMessage>, ...args: unknown[]) {
      if (this.statusCode === 204 || this.statusCode === 304 || /^application\/json/.test(String(this.getHeader('Content-Type') ?? ''))) {
        for (const header of DOCUMENT_ONLY_HEADERS) if (header !== 'X-Frame-Options') this.removeHeader(header);
        this.setHeader('Content-Security-Policy', DATA_CSP);
      }
      return writeHead.apply(this, args);
    } as typeof res.writeHead;
    next();
  };
}
