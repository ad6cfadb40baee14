import type { Message } from '@lc/protocol';
// Only these two sections of the source file reach the bundle (esbuild drops a JSON file's unused top-level keys).
import { messages as SOURCE_MESSAGES, widget as SOURCE_WIDGET } from '../../../i18n/en-US.json';
import { bestLang, fillPlaceholders, SHIPPED_LANGS, SOURCE_LANG, type Lang } from '../../../../../libs/protocol/src/languages';

export type TextId = keyof typeof SOURCE_WIDGET;
/** What GET /livechat/i18n/<lang>.json answers: livechat's `widget` and `messages` sections in one language. */
export interface TextPack {
  widget: Record<string, string>;
  messages: Record<string, string>;
}

/**
 * The widget's words in the visitor's language (their browser's best shipped match, else en-US, which is
 * built in; another language is one small cacheable file). A text the loaded language lacks reads in en-US.
 */
export class WidgetTexts {
  lang: Lang = SOURCE_LANG;
  private widget: Record<string, string> = SOURCE_WIDGET;
  private messages: Record<string, string> = SOURCE_MESSAGES;

  /** The shipped language for the browser's languages, best first (`fr-CA` -> `fr-FR`). */
  static negotiate(languages: readonly string[]): Lang {
    return bestLang(languages, SHIPPED_LANGS, SOURCE_LANG);
  }

  /** Takes a loaded pack; anything malformed keeps English. */
  use(lang: Lang, pack: Partial<TextPack> | null): void {
    if (!pack || typeof pack !== 'object') return;
    this.lang = lang;
    this.widget = { ...SOURCE_WIDGET, ...strings(pack.widget) };
    this.messages = { ...SOURCE_MESSAGES, ...strings(pack.messages) };
  }

  t(id: TextId, params?: Record<string, string | number>): string {
    return fillPlaceholders(this.widget[id] || SOURCE_WIDGET[id], params);
  }

  /** A text around one placeholder, split there (to put a <bdi> name between the halves). */
  around(id: TextId, name: string): [string, string] {
    const text = this.widget[id] || SOURCE_WIDGET[id];
    const at = text.indexOf(`{${name}}`);
    return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + name.length + 2)];
  }

  /** A system message in the visitor's language when it has a known key, else its stored (English) body. */
  message(m: Pick<Message, 'body' | 'i18n'>): string {
    const i18n = m.i18n;
    const text = i18n && typeof i18n.key === 'string' && Object.prototype.hasOwnProperty.call(this.messages, i18n.key) ? this.messages[i18n.key] : null;
    return text ? fillPlaceholders(text, i18n!.params && typeof i18n!.params === 'object' ? i18n!.params : {}) : m.body;
  }
}

function strings(section: unknown): Record<string, string> {
  const kept: Record<string, string> = {};
  if (section && typeof section === 'object') for (const [id, text] of Object.entries(section)) if (typeof text === 'string') kept[id] = text;
  return kept;
}
