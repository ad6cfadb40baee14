import Negotiator from 'negotiator';
import { httpUrl } from '@lc/platform';

/** The visitor's languages from Accept-Language, best first, without `*` and q=0 (jshttp's negotiator parses it). */
export function visitorLanguages(acceptLanguage: string | undefined): string[] {
  if (!acceptLanguage) return [];
  return new Negotiator({ headers: { 'accept-language': acceptLanguage.slice(0, MAX_ACCEPT_LANGUAGE) } }).languages().filter((tag) => LANGUAGE_TAG.test(tag));
}

/** What is kept of the header (stored for managers): a real browser's is well under 200 characters. */
export const MAX_ACCEPT_LANGUAGE = 200;
/** A BCP 47-shaped tag of at most 35 characters (the stored column; DESIGN caps it at 64). */
const LANGUAGE_TAG = /^(?=.{1,35}$)[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;

/** Largest page URL kept (DESIGN). */
export const MAX_PAGE_URL = 2048;

/** The page the visitor is on, if it is an http(s) URL of at most 2,048 characters; else nothing is kept. */
export function pageUrlOrNull(raw: string | undefined): string | null {
  return raw && raw.length <= MAX_PAGE_URL ? httpUrl(raw) : null;
}
