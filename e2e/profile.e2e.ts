import type { Page } from 'playwright-core';
import { logIn, openUserMenu, screenshot, browserSuite } from './support';

/** My Profile (the preferences module) and what happens to a module's pages and menus when it is disabled. */
describe('My Profile and module switching', () => {
  const suite = browserSuite();
  let page: Page;

  beforeEach(async () => {
    page = await suite.newPage();
  });

  test('an operator opens My Profile from the avatar menu and changes their language', async () => {
    await logIn(page, 'marc', 'demo');
    await openUserMenu(page);
    await page.getByRole('link', { name: 'My Profile' }).click();
    await page.waitForURL('**/web/profile');
    await page.locator('.lc-profile-head', { hasText: 'Marc Demo' }).waitFor();

    await page.getByLabel('Language', { exact: true }).selectOption('de-DE');
    // A new language reloads the shell in it (as Odoo does).
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Save' }).click()]);
    await page.locator('.lc-profile-head').waitFor();
    const language = page.getByLabel('Sprache', { exact: true });
    // The select is filled once the profile has loaded, after the heading renders.
    await page.waitForFunction((select) => (select as HTMLSelectElement).value === 'de-DE', await language.elementHandle(), { timeout: 5000 }).catch(() => undefined);
    expect(await language.inputValue()).toBe('de-DE');
    expect(await page.getByRole('button', { name: 'Speichern' }).isDisabled()).toBe(true); // nothing pending
    await screenshot(page, 'profile');
  });

  test('disabling a module hides its menu entries at once and its pages say it is not enabled', async () => {
    await logIn(page);
    await page.goto('/web/apps');
    const card = page.locator('.lc-app-card[data-module="preferences"]');
    const modules: Array<{ name: string; depends: string[]; enabled: boolean }> = await (await page.request.get('/api/modules')).json();
    if (modules.some((m) => m.enabled && m.depends.includes('preferences'))) return; // another module needs it: covered by the 409 test

    await card.getByRole('button', { name: 'Disable' }).click();
    await page.getByRole('dialog', { name: 'Disable Preferences' }).getByRole('button', { name: 'Disable' }).click();
    await card.getByRole('button', { name: 'Enable' }).waitFor();
    await openUserMenu(page);
    expect(await page.getByRole('link', { name: 'My Profile' }).count()).toBe(0);
    await page.keyboard.press('Escape');

    await page.goto('/web/profile');
    await page.locator('h1', { hasText: 'This app is not enabled' }).waitFor();
    await screenshot(page, 'module-not-enabled');

    await page.getByRole('link', { name: 'Go to Apps' }).click();
    await card.getByRole('button', { name: 'Enable' }).click();
    await card.getByRole('button', { name: 'Disable' }).waitFor();
    await openUserMenu(page);
    await page.getByRole('link', { name: 'My Profile' }).click();
    await page.waitForURL('**/web/profile');
    await page.locator('.lc-profile-head', { hasText: 'Administrator' }).waitFor();
  });
});
