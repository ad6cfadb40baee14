/**
 * The languages a database can enable (BCP 47 tags, as Odoo's res.lang list). Names come from
 * Intl.DisplayNames, so there is no table of names to keep up to date.
 */
export const LANGUAGE_TAGS = [
  'am-ET', 'ar-001', 'ar-SY', 'az-AZ', 'be-BY', 'bg-BG', 'bn-IN', 'bs-BA', 'ca-ES', 'cs-CZ', 'da-DK',
  'de-CH', 'de-DE', 'el-GR', 'en-AU', 'en-CA', 'en-GB', 'en-IN', 'en-NZ', 'en-US', 'es-419', 'es-AR',
  'es-CL', 'es-CO', 'es-ES', 'es-MX', 'es-PE', 'et-EE', 'eu-ES', 'fa-IR', 'fi-FI', 'fil-PH', 'fr-BE',
  'fr-CA', 'fr-CH', 'fr-FR', 'gl-ES', 'gu-IN', 'he-IL', 'hi-IN', 'hr-HR', 'hu-HU', 'hy-AM', 'id-ID',
  'it-IT', 'ja-JP', 'ka-GE', 'kk-KZ', 'km-KH', 'ko-KR', 'lb-LU', 'lo-LA', 'lt-LT', 'lv-LV', 'mk-MK',
  'ml-IN', 'mn-MN', 'ms-MY', 'my-MM', 'nb-NO', 'nl-BE', 'nl-NL', 'pl-PL', 'pt-AO', 'pt-BR', 'pt-PT',
  'ro-RO', 'ru-RU', 'sk-SK', 'sl-SI', 'sq-AL', 'sr-RS', 'sv-SE', 'sw-KE', 'ta-IN', 'te-IN', 'th-TH',
  'tl-PH', 'tr-TR', 'uk-UA', 'ur-PK', 'uz-UZ', 'vi-VN', 'zh-CN', 'zh-HK', 'zh-TW',
] as const;

export const DEFAULT_LANGUAGE = 'en-US';

const displayNames = new Intl.DisplayNames(['en'], { type: 'language', languageDisplay: 'standard' });
const byLowerCase = new Map<string, string>(LANGUAGE_TAGS.map((tag) => [tag.toLowerCase(), tag]));

/** The catalogue's spelling of a tag (tags are case-insensitive), or undefined when unknown. */
export function canonicalTag(tag: string): string | undefined {
  return byLowerCase.get(tag.toLowerCase());
}

export function languageName(tag: string): string {
  try {
    return displayNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}
