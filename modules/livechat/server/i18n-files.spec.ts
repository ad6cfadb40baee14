import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHIPPED_LANGS } from '../../../libs/protocol/src/languages';

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

  it('uses only {name} placeholders where the readers substitute them (the widget and the shell run no ICU)', () => {
    for (const lang of SHIPPED_LANGS) {
      const file = read(lang);
      for (const section of ['widget', 'messages']) for (const [id, text] of Object.entries(file[section])) expect([lang, id, /\{\w+,/.test(text)]).toEqual([lang, id, false]);
    }
  });
});
