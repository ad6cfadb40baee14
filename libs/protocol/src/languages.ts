/** The languages the product ships complete translations for (DESIGN "Languages of the interface"); en-US is the source. */
export const SHIPPED_LANGS = ['en-US', 'fr-FR', 'de-DE', 'es-ES', 'zh-CN'] as const;
export type Lang = (typeof SHIPPED_LANGS)[number];
export const SOURCE_LANG: Lang = 'en-US';

/** The sections of a module's `i18n/<lang>.json`: who reads each (see docs/modules.md). */
export type TranslationSection = 'web' | 'widget' | 'server' | 'messages' | 'errors';

/** A system message stored as a key of its module's `messages` section, rendered in the reader's language. */
export interface MessageI18n {
  key: string;
  params: Record<string, string | number>;
}

/**
 * One message of an error answer as a key of its module's `errors` section (`validation.*` keys are base's)
 * and the ICU params it is rendered with; the English `message` beside it is the en-US text.
 */
export interface ErrorI18n {
  key: string;
  params: Record<string, string | number>;
}

/**
 * The best of `available` for a visitor's or user's tags, best first: an exact tag (case-insensitive),
 * else the first available one with the same primary language (`fr-CA` -> `fr-FR`); else the source language.
 */
export function bestLang<T extends string>(tags: readonly string[], available: readonly T[], fallback: T): T {
  const lower = available.map((tag) => tag.toLowerCase());
  for (const tag of tags) {
    const wanted = tag.toLowerCase();
    const exact = lower.indexOf(wanted);
    if (exact >= 0) return available[exact];
    const primary = wanted.split('-')[0];
    const sameLanguage = lower.findIndex((candidate) => candidate.split('-')[0] === primary);
    if (sameLanguage >= 0) return available[sameLanguage];
  }
  return fallback;
}

/** `{name}` placeholders replaced by params (the widget and system messages use no plural or select). */
export function fillPlaceholders(text: string, params: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole));
}
