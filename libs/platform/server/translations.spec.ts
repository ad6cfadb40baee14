import 'reflect-metadata'; // @lc/protocol's DTOs are decorated
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Translations } from './translations';

/** Writes one module's i18n folder: `{ 'en-US': {...sections} }` as en-US.json and so on. */
function moduleFolder(files: Record<string, unknown>): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'lc-i18n-')), 'i18n');
  mkdirSync(dir);
  for (const [lang, content] of Object.entries(files)) writeFileSync(join(dir, `${lang}.json`), typeof content === 'string' ? content : JSON.stringify(content));
  return dir;
}

describe('Translations', () => {
  const livechat = moduleFolder({
    'en-US': {
      widget: { 'widget.launcher': 'Chat with us', 'widget.queue': 'You are number {position} in line' },
      server: { 'server.waiting': '{count, plural, one {# visitor is waiting} other {# visitors are waiting}}' },
    },
    'fr-FR': { widget: { 'widget.launcher': 'Discutons' }, server: { 'server.waiting': '{count, plural, one {# visiteur attend} other {# visiteurs attendent}}' } },
  });
  const discuss = moduleFolder({ 'en-US': { messages: { 'discuss.left': '{name} left' } }, 'de-DE': { messages: { 'discuss.left': '{name} hat das Gespräch verlassen' } } });
  const translations = Translations.fromFolders([livechat, discuss, join(tmpdir(), 'no-such-module', 'i18n')]);

  it('negotiates the best shipped language: exact, then the same primary language, else en-US', () => {
    expect(translations.negotiate(['fr-FR'])).toBe('fr-FR');
    expect(translations.negotiate(['fr-CA', 'de-DE'])).toBe('fr-FR');
    expect(translations.negotiate(['ZH-cn'])).toBe('zh-CN');
    expect(translations.negotiate(['zh-TW'])).toBe('zh-CN');
    expect(translations.negotiate(['it-IT', 'es-MX'])).toBe('es-ES');
    expect(translations.negotiate(['it-IT', 'pt-BR'])).toBe('en-US');
    expect(translations.negotiate([])).toBe('en-US');
  });

  it('gathers every module folder and completes a section with en-US for the ids a language lacks', () => {
    expect(translations.section('fr-FR', 'widget')).toEqual({ 'widget.launcher': 'Discutons', 'widget.queue': 'You are number {position} in line' });
    expect(translations.section('de-DE', 'messages')).toEqual({ 'discuss.left': '{name} hat das Gespräch verlassen' });
    expect(translations.section('zh-CN', 'web')).toEqual({});
  });

  it('formats one text with ICU placeholders and plurals in the language asked, falling back to en-US, then to the id', () => {
    expect(translations.text('fr-FR', 'server', 'server.waiting', { count: 1 })).toBe('1 visiteur attend');
    expect(translations.text('fr-FR', 'server', 'server.waiting', { count: 3 })).toBe('3 visiteurs attendent');
    expect(translations.text('de-DE', 'server', 'server.waiting', { count: 2 })).toBe('2 visitors are waiting');
    expect(translations.text('de-DE', 'messages', 'discuss.left', { name: 'Ana' })).toBe('Ana hat das Gespräch verlassen');
    expect(translations.text('es-ES', 'widget', 'widget.unknown')).toBe('widget.unknown');
  });

  it('treats ids such as __proto__ as plain ids', () => {
    const odd = Translations.fromFolders([moduleFolder({ 'en-US': '{"server": {"__proto__": "Odd", "constructor": "Also odd"}}' })]);
    expect(odd.text('en-US', 'server', '__proto__')).toBe('Odd');
    expect(odd.text('fr-FR', 'server', 'constructor')).toBe('Also odd');
    expect(odd.text('fr-FR', 'server', 'toString')).toBe('toString');
  });

  it('stops on a malformed file, naming it and what is wrong', () => {
    expect(() => Translations.fromFolders([moduleFolder({ 'en-US': '{"widget": ' })])).toThrow(/en-US\.json: not valid JSON/);
    expect(() => Translations.fromFolders([moduleFolder({ 'en-US': { menus: {} } })])).toThrow(/en-US\.json: unknown section "menus"/);
    expect(() => Translations.fromFolders([moduleFolder({ 'fr-FR': { widget: { a: 1 } } })])).toThrow(/fr-FR\.json: "widget\.a" must be a string/);
    expect(() => Translations.fromFolders([moduleFolder({ 'en-US': [] })])).toThrow(/must hold one JSON object/);
  });

  it('stops when two modules define the same id', () => {
    const one = moduleFolder({ 'en-US': { server: { 'shared.id': 'One' } } });
    const two = moduleFolder({ 'en-US': { server: { 'shared.id': 'Two' } } });
    expect(() => Translations.fromFolders([one, two])).toThrow(/"server\.shared\.id" is already defined in .*en-US\.json/);
  });
});
