import { translateGroups, translateMenus, translateModules, useLanguage } from './i18n';
import { plural } from './plural';

describe('plural', () => {
  const chats = '{count, plural, =0 {No chat} one {# chat} other {# chats}}';

  afterEach(() => useLanguage('en-US', {}));

  it('picks the case by the language plural rules, exact values first', () => {
    useLanguage('en-US', {});
    expect([0, 1, 2, 1234].map((n) => plural(chats, n))).toEqual(['No chat', '1 chat', '2 chats', '1,234 chats']);
    useLanguage('fr-FR', {});
    // French: 0 and 1 are "one"; numbers in French.
    expect(plural('{count, plural, one {# discussion} other {# discussions}}', 0)).toBe('0 discussion');
    expect(plural('{count, plural, one {# discussion} other {# discussions}}', 1234)).toBe('1\u202f234 discussions');
    useLanguage('zh-CN', {});
    expect(plural('{count, plural, other {# 个聊天}}', 1)).toBe('1 个聊天');
  });

  it('keeps the text around the plural and fills other placeholders', () => {
    expect(plural('{NAME} and {count, plural, one {# other} other {# others}} are typing…', 3, { NAME: 'Ana' })).toBe('Ana and 3 others are typing…');
  });
});

describe('translateMenus', () => {
  it('names each menu by its id in the user language, else keeps the manifest label', () => {
    useLanguage('de-DE', { 'menu.livechat': 'Live-Chat' });
    const menus = translateMenus([{ id: 'livechat', label: 'Live Chat', children: [{ id: 'livechat.x', label: 'X', children: [] }] } as never]);
    expect(menus[0].label).toBe('Live-Chat');
    expect(menus[0].children[0].label).toBe('X');
    useLanguage('en-US', {});
  });
});

describe('translateModules and translateGroups', () => {
  it("name apps and groups by their ids in the user's language, else keep the manifest's words", () => {
    useLanguage('fr-FR', { 'app.livechat.label': 'Chat en direct', 'group.livechat_manager.label': 'Responsable du chat en direct' });
    const [app] = translateModules([{ name: 'livechat', label: 'Live Chat', summary: 'Website live chat' } as never]);
    expect([app.label, app.summary]).toEqual(['Chat en direct', 'Website live chat']);
    const groups = translateGroups([{ id: 'livechat_manager', label: 'Live Chat Manager', description: 'Sees every session' }, { id: 'user', label: 'Internal User', description: '' }] as never);
    expect(groups.map((g) => g.label)).toEqual(['Responsable du chat en direct', 'Internal User']);
    expect(groups[0].description).toBe('Sees every session');
    useLanguage('en-US', {});
  });
});
