import type { MenuNode } from '@lc/protocol';
import { findMenuOfUrl, firstActionRoute, menuContains } from './menus';

const node = (id: string, route?: string, children: MenuNode[] = []): MenuNode => ({ id, module: 'm', label: id, route, children });

const settings = node('settings', undefined, [node('users-section', undefined, [node('users', '/settings/users'), node('languages', '/settings/languages')])]);
const livechat = node('livechat', undefined, [node('channels', '/livechat/channels'), node('sessions', '/livechat/sessions')]);

describe('menus', () => {
  it('opens an app on its first action, depth first (Odoo)', () => {
    expect(firstActionRoute(settings)).toBe('/settings/users');
    expect(firstActionRoute(node('empty'))).toBeUndefined();
  });

  it('finds the app and entry of a URL, including pages below an action', () => {
    const found = findMenuOfUrl([settings, livechat], '/settings/users/5');
    expect(found?.app.id).toBe('settings');
    expect(found?.entry.id).toBe('users');
    expect(findMenuOfUrl([settings, livechat], '/settings/usersx')).toBeUndefined();
  });

  it('tells which section holds the active entry', () => {
    const found = findMenuOfUrl([settings], '/settings/languages')!;
    expect(menuContains(settings.children[0], found.entry)).toBe(true);
    expect(menuContains(livechat, found.entry)).toBe(false);
  });
});
