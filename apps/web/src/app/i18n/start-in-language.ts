import { registerLocaleData } from '@angular/common';
import { loadTranslations } from '@angular/localize';
import type { Me } from '@lc/protocol';
import { useLanguage } from '@lc/platform/web';
import { WEB_TRANSLATIONS } from '../i18n.generated';

/** Angular's data (dates, numbers, plural rules) for the shipped languages, each in its own lazy chunk. */
const LOCALE_DATA: Record<string, () => Promise<{ default: unknown[] }>> = {
  'fr-FR': () => import('@angular/common/locales/fr'),
  'de-DE': () => import('@angular/common/locales/de'),
  'es-ES': () => import('@angular/common/locales/es'),
  'zh-CN': () => import('@angular/common/locales/zh'),
};
const SOURCE_LANGUAGE = 'en-US';
const LAST_LANGUAGE = 'lc.lang';

export interface StartedLanguage {
  /** The signed-in user (null when signed out), read once here so the shell does not ask again. */
  me: Me | null;
  lang: string;
}

/**
 * Before bootstrap: who is signed in (their `lang`), else the browser's best shipped language, then that
 * language's texts and locale data. The last language is guessed from the previous visit so that both
 * downloads usually run at once.
 */
export async function startInLanguage(): Promise<StartedLanguage> {
  const guess = shipped(localStorage.getItem(LAST_LANGUAGE) ?? '') ?? browserLanguage();
  const meRequest = fetch('/api/me', { credentials: 'same-origin' })
    .then((response) => (response.ok ? (response.json() as Promise<Me>) : null))
    .catch(() => null);
  let resources = languageResources(guess);
  const me = await meRequest;
  const lang = me ? (shipped(me.lang) ?? SOURCE_LANGUAGE) : guess;
  if (lang !== guess) resources = languageResources(lang);
  const [texts, localeData] = await resources;
  // The code's own texts are en-US ones: its file only has the texts looked up by id (menus, apps, groups).
  if (lang !== SOURCE_LANGUAGE) loadTranslations(toLocalizeFormat(texts.web));
  if (localeData) registerLocaleData(localeData);
  useLanguage(me?.lang ?? lang, texts.web, texts.messages, texts.errors);
  localStorage.setItem(LAST_LANGUAGE, lang);
  document.documentElement.lang = lang;
  return { me, lang };
}

/** The shipped language for a tag: exact (case-insensitive), else the same primary language. */
function shipped(tag: string): string | undefined {
  const shippedTags = Object.keys(WEB_TRANSLATIONS);
  const lower = tag.toLowerCase();
  return shippedTags.find((t) => t.toLowerCase() === lower) ?? shippedTags.find((t) => t.split('-')[0] === lower.split('-')[0] && lower);
}

function browserLanguage(): string {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const match = shipped(tag);
    if (match) return match;
  }
  return SOURCE_LANGUAGE;
}

interface ShellTexts {
  web: Record<string, string>;
  messages: Record<string, string>;
  errors: Record<string, string>;
}

async function languageResources(lang: string): Promise<[ShellTexts, unknown[] | undefined]> {
  const texts = fetch(WEB_TRANSLATIONS[lang] ?? WEB_TRANSLATIONS[SOURCE_LANGUAGE]).then((response) => {
    if (!response.ok) throw new Error(`The texts of ${lang} could not be loaded (${response.status})`);
    return response.json() as Promise<ShellTexts>;
  });
  const data = LOCALE_DATA[lang]?.().then((m) => m.default);
  return Promise.all([texts, data]);
}

/**
 * The modules' files write placeholders as ICU does (`{name}`); `$localize` wants `{$name}`. Plural and select
 * blocks stay as they are: `plural()` formats them once `$localize` has picked the translation.
 */
export function toLocalizeFormat(texts: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, text] of Object.entries(texts)) out[id] = text.replace(/\{(\w+)\}|\{\s*\w+\s*,\s*(?:plural|select)\s*,(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}/g, (block, name?: string) => (name ? `{$${name}}` : block));
  return out;
}
