import type { Request } from 'express';

/** Codes a CDN sends for "unknown" (Cloudflare XX, others ZZ); T1 (Tor) fails the letters-only test. */
const UNKNOWN = new Set(['XX', 'ZZ']);

/**
 * The client's country (ISO 3166-1 alpha-2) from the header a trusted proxy or CDN adds (COUNTRY_HEADER,
 * e.g. CF-IPCountry), or null. Anyone can send that header themselves: it is believed only from a peer
 * that TRUST_PROXY trusts, as X-Forwarded-For is.
 */
export function clientCountry(request: Request, header: string | undefined): string | null {
  if (!header) return null;
  const trusts = request.app?.get('trust proxy fn') as ((address: string, hop: number) => boolean) | undefined;
  if (!trusts?.(request.socket?.remoteAddress ?? '', 0)) return null;
  const value = request.get(header)?.trim().toUpperCase();
  return value && /^[A-Z]{2}$/.test(value) && !UNKNOWN.has(value) ? value : null;
}
