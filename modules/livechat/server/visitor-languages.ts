import Negotiator from 'negotiator';

/** The visitor's languages from Accept-Language, best first, without `*` and q=0 (jshttp's negotiator parses it). */
export function visitorLanguages(acceptLanguage: string | undefined): string[] {
  if (!acceptLanguage) return [];
  return new Negotiator({ headers: { 'accept-language': acceptLanguage } }).languages().filter((tag) => tag !== '*');
}
