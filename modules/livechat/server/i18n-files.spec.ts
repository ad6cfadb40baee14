import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { SHIPPED_LANGS } from '../../../libs/protocol/src/languages';

/** The arguments an ICU text reads (`{name}`, and those of its select and plural blocks, through their cases). */
function icuArguments(text: string): string[] {
  const names = new Set<string>();
  type Elements = ReturnType<IntlMessageFormat['getAst']>;
  const visit = (elements: Elements) => {
    for (const element of elements) {
      if ('value' in element && typeof element.value === 'string' && element.type !== 0) names.add(element.value);
      if ('options' in element) for (const option of Object.values(element.options)) visit(option.value);
    }
  };
  visit(new IntlMessageFormat(text, 'en-US').getAst());
  return [...names].sort();
}

/** livechat's own sections of i18n/<lang>.json: complete in every shipped language, with en-US's placeholders. */
describe('livechat translations', () => {
  const read = (lang: string) => JSON.parse(readFileSync(join(__dirname, '../i18n', `${lang}.json`), 'utf8')) as Record<string, Record<string, string>>;
  const source = read('en-US');
  const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

  it.each(SHIPPED_LANGS.filter((lang) => lang !== 'en-US'))('%s has every widget, server and messages text of en-US, none more, with the same placeholders', (lang) => {
    const translated = read(lang);
    for (const section of ['widget', 'server', 'messages']) {
      expect(Object.keys(translated[section]).sort()).toEqual(Object.keys(source[section]).sort());
      for (const [id, text] of Object.entries(source[section])) {
        expect([id, placeholders(translated[section][id])]).toEqual([id, placeholders(text)]);
        expect([id, translated[section][id].trim()]).not.toEqual([id, '']);
      }
    }
  });

  it.each(SHIPPED_LANGS)('%s has every errors text of en-US, none more, readable as ICU with the same arguments', (lang) => {
    const translated = read(lang).errors;
    expect(Object.keys(translated).sort()).toEqual(Object.keys(source.errors).sort());
    for (const [id, text] of Object.entries(source.errors)) expect([id, icuArguments(translated[id])]).toEqual([id, icuArguments(text)]);
  });

  it('uses only {name} placeholders where the readers substitute them (the widget and the shell run no ICU)', () => {
    for (const lang of SHIPPED_LANGS) {
      const file = read(lang);
      for (const section of ['widget', 'messages']) for (const [id, text] of Object.entries(file[section])) expect([lang, id, /\{\w+,/.test(text)]).toEqual([lang, id, false]);
    }
  });
});
