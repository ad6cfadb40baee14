import type { RequestHandler } from 'express';
import helmet from 'helmet';

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
