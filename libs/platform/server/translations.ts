import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { bestLang, SHIPPED_LANGS, SOURCE_LANG, type Lang, type TranslationSection } from '@lc/protocol';

const SECTIONS: readonly TranslationSection[] = ['web', 'widget', 'server', 'messages', 'errors'];
type Catalog = Record<TranslationSection, Record<string, string>>;

/**
 * Every module's strings, gathered by the host from `modules/<name>/i18n/<lang>.json` like its entities.
 * Modules inject it to answer in a reader's language; a string missing in a language reads in en-US.
 */
export class Translations {
  private readonly formats = new Map<string, IntlMessageFormat>();

  constructor(private readonly catalogs: ReadonlyMap<Lang, Catalog>) {}

  /**
   * Reads `<folder>/<lang>.json` of each module's i18n folder (a missing folder or file is no string). Stops
   * with a message naming the file on malformed JSON, an unknown section, a non-string text, or an id that
   * two modules both define.
   */
  static fromFolders(folders: readonly string[]): Translations {
    const catalogs = new Map<Lang, Catalog>();
    const owners = new Map<string, string>();
    for (const lang of SHIPPED_LANGS) {
      const catalog = emptyCatalog();
      for (const folder of folders) {
        const file = join(folder, `${lang}.json`);
        if (!existsSync(file)) continue;
        for (const [section, texts] of Object.entries(readCatalogFile(file))) {
          for (const [id, text] of Object.entries(texts)) {
            const owner = owners.get(`${lang}/${section}/${id}`);
            if (owner && owner !== file) throw new Error(`${file}: "${section}.${id}" is already defined in ${owner}`);
            owners.set(`${lang}/${section}/${id}`, file);
            catalog[section as TranslationSection][id] = text;
          }
        }
      }
      catalogs.set(lang, catalog);
    }
    return new Translations(catalogs);
  }

  /** The shipped language that best matches the tags, best first (`fr-CA` -> `fr-FR`), else en-US. */
  negotiate(tags: readonly string[]): Lang {
    return bestLang(tags, SHIPPED_LANGS, SOURCE_LANG);
  }

  /** A whole section in a language, completed with en-US for the ids it lacks. */
  section(lang: Lang, section: TranslationSection): Record<string, string> {
    return { ...this.catalogs.get(SOURCE_LANG)?.[section], ...this.catalogs.get(lang)?.[section] };
  }

  /** One text, ICU-formatted with params (`{name}`, plurals); an unknown id reads as the id itself. */
  text(lang: Lang, section: TranslationSection, id: string, params?: Record<string, string | number>): string {
    const own = this.catalogs.get(lang)?.[section][id];
    const usedLang = own === undefined ? SOURCE_LANG : lang;
    const source = own ?? this.catalogs.get(SOURCE_LANG)?.[section][id];
    if (source === undefined) return id;
    const cacheKey = `${usedLang}/${section}/${id}`;
    let format = this.formats.get(cacheKey);
    if (!format) this.formats.set(cacheKey, (format = new IntlMessageFormat(source, usedLang)));
    return String(format.format(params));
  }
}

function emptyCatalog(): Catalog {
  // No prototype: an id such as `__proto__` or `constructor` in a file is just an id.
  return { web: Object.create(null), widget: Object.create(null), server: Object.create(null), messages: Object.create(null), errors: Object.create(null) };
}

function readCatalogFile(file: string): Partial<Catalog> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (!isRecord(parsed)) throw new Error(`${file}: must hold one JSON object`);
  for (const [section, texts] of Object.entries(parsed)) {
    if (!SECTIONS.includes(section as TranslationSection)) throw new Error(`${file}: unknown section "${section}" (expected ${SECTIONS.join(', ')})`);
    if (!isRecord(texts)) throw new Error(`${file}: section "${section}" must be an object of texts`);
    const bad = Object.entries(texts).find(([, text]) => typeof text !== 'string');
    if (bad) throw new Error(`${file}: "${section}.${bad[0]}" must be a string`);
  }
  return parsed as Partial<Catalog>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
