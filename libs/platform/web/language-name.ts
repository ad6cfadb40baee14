/**
 * A BCP 47 code as a name in the reader's language: `languageName('fr-FR', 'en')` is "French (France)".
 * "Language (Region)", never a dialect name. `locale`: the user's (`en_US` or `en-US`), else the browser's. An invalid code stays as it is.
 */
export function languageName(code: string, locale?: string | null): string {
  const tag = code.trim().replace(/_/g, '-');
  if (!tag) return code;
  for (const reader of [locale?.replace(/_/g, '-'), typeof navigator !== 'undefined' ? navigator.language : undefined, 'en']) {
    if (!reader) continue;
    try {
      return new Intl.DisplayNames([reader], { type: 'language', languageDisplay: 'standard', fallback: 'code' }).of(tag) ?? code;
    } catch {
      // An invalid reader's locale: the next one; an invalid code: as it is.
      if (reader === 'en') return code;
    }
  }
  return code;
}
