import { ValidateBy } from 'class-validator';
import { SHIPPED_LANGS, SOURCE_LANG, type Lang } from './languages';

/** What a manager may translate on a channel, with the same limits as the defaults. */
export const TRANSLATABLE_CHANNEL_TEXTS = { buttonText: 100, welcomeMessage: 1000 } as const;
export type ChannelTexts = Partial<Record<keyof typeof TRANSLATABLE_CHANNEL_TEXTS, string>>;
/** A channel's texts per shipped language other than en-US (en-US is the channel's own buttonText and welcomeMessage). */
export type ChannelTranslations = Partial<Record<Lang, ChannelTexts>>;

export const TRANSLATION_LANGS: readonly Lang[] = SHIPPED_LANGS.filter((lang) => lang !== SOURCE_LANG);

/** The first problem of a `translations` value, naming the field, or null when it is valid. */
export function channelTranslationsProblem(value: unknown): string | null {
  if (!isPlainObject(value)) return 'translations must be an object of languages';
  for (const [lang, texts] of Object.entries(value)) {
    if (!TRANSLATION_LANGS.includes(lang as Lang)) return `translations: "${lang.slice(0, 40)}" is not a shipped language other than ${SOURCE_LANG} (${TRANSLATION_LANGS.join(', ')})`;
    if (!isPlainObject(texts)) return `translations.${lang} must be an object`;
    for (const [field, text] of Object.entries(texts)) {
      const max = (TRANSLATABLE_CHANNEL_TEXTS as Record<string, number>)[field];
      if (!Object.prototype.hasOwnProperty.call(TRANSLATABLE_CHANNEL_TEXTS, field)) return `translations.${lang}: unknown field "${field.slice(0, 40)}"`;
      if (typeof text !== 'string') return `translations.${lang}.${field} must be a string`;
      if (text.length > max) return `translations.${lang}.${field} must be at most ${max} characters`;
    }
  }
  return null;
}

/** The texts as stored: trimmed, empty ones dropped (they read as the default), languages left empty dropped. */
export function normalizeChannelTranslations(value: ChannelTranslations): ChannelTranslations {
  const kept: ChannelTranslations = {};
  for (const lang of TRANSLATION_LANGS) {
    const texts = Object.fromEntries(Object.entries(value[lang] ?? {}).map(([field, text]) => [field, text?.trim()]).filter(([, text]) => text));
    if (Object.keys(texts).length) kept[lang] = texts;
  }
  return kept;
}

export const IsChannelTranslations = () =>
  ValidateBy({
    name: 'isChannelTranslations',
    validator: {
      validate: (value: unknown) => channelTranslationsProblem(value) === null,
      defaultMessage: (args) => channelTranslationsProblem(args?.value) ?? 'translations is invalid',
    },
  });

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
