import type { Page } from 'playwright-core';
import { logIn, logOut, openUserMenu, screenshot, browserSuite } from './support';

/** The web shell's user stories: sign in, the home screen, navigation that survives reloads, the base apps. */
describe('web shell', () => {
  const suite = browserSuite();
  let page: Page;

  beforeEach(async () => {
    page = await suite.newPage();
  });

  test('a visitor is sent to the login page, which refuses a wrong password', async () => {
    await page.goto('/web/settings/languages');
    await page.waitForURL('**/web/login?redirect=**');
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await screenshot(page, 'login');

    await page.getByLabel('Login').fill('admin');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expectText(page.getByRole('alert'), 'Wrong login or password');
    await screenshot(page, 'login-error');
  });

  test('after signing in, the page asked for opens', async () => {
    await page.goto('/web/settings/languages');
    await page.waitForURL('**/web/login?redirect=**');
    await logIn(page);
    await page.waitForURL('**/web/settings/languages');
    await page.locator('.lc-breadcrumbs', { hasText: 'Languages' }).waitFor();
  });

  test('the home screen shows the apps; Settings opens from it and its pages survive a reload', async () => {
    await logIn(page);
    expect(new URL(page.url()).pathname).toBe('/web/');
    const apps = page.locator('.lc-home-app');
    await apps.first().waitFor();
    const labels = await apps.locator('.lc-home-caption').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['Apps', 'Settings']));
    await screenshot(page, 'home');

    await apps.filter({ hasText: 'Settings' }).click();
    await page.waitForURL('**/web/settings/users');
    await expectText(page.locator('.lc-navbar-app'), 'Settings');
    await page.locator('.lc-list tbody tr').first().waitFor();

    // Settings → (section) → Languages, from the navbar's drop-down.
    await page.locator('.lc-navbar-sections').getByRole('button').first().click();
    await page.locator('.lc-dropdown-menu').waitFor();
    await screenshot(page, 'navbar-menu');
    await page.locator('.lc-dropdown-menu').getByRole('link', { name: 'Languages' }).click();
    await page.waitForURL('**/web/settings/languages');
    await page.locator('tr[data-language="en-US"]').waitFor();

    await page.reload();
    await page.waitForURL('**/web/settings/languages');
    await expectText(page.locator('.lc-navbar-app'), 'Settings');
    await page.locator('tr[data-language="en-US"]').waitFor();
    expect(await page.title()).toBe('Languages - Live Chat');

    // The dock for chat windows is there, outside the routed page.
    expect(await page.locator('lc-shell-layout > lc-slot[data-slot="dock"]').count()).toBe(1);
  });

  test('on a phone the sections open from the app name and the messaging menu fits the screen', async () => {
    const phone = await suite.newPage(390);
    await logIn(phone, 'sofia', 'demo');
    await phone.goto('/web/livechat/channels');
    await phone.getByRole('button', { name: 'Sections of Live Chat' }).click();
    await phone.locator('a.lc-dropdown-item[href="/web/livechat/sessions"]').click(); // not Reporting's Sessions
    await phone.waitForURL('**/web/livechat/sessions');
    await phone.locator('.lc-systray-toggle').first().click();
    const menu = await phone.locator('.lc-messaging-menu').boundingBox();
    expect(menu && menu.x >= 0 && menu.x + menu.width <= 390).toBe(true);
    const systray = await phone.locator('.lc-navbar-systray').boundingBox();
    const title = await phone.locator('.lc-navbar-app-toggle').boundingBox();
    expect(title && systray && title.x + title.width <= systray.x).toBe(true); // nothing under the systray
    await screenshot(phone, 'phone-navbar');
  });

  test('an operator typing a Settings address sees "Access denied", with no action and no error toast', async () => {
    await logIn(page, 'marc', 'demo');
    await page.goto('/web/settings/users');
    await page.getByRole('heading', { name: 'Access denied' }).waitFor();
    expect(page.url()).toContain('/web/settings/users'); // the address stays what was typed
    expect(await page.getByRole('button', { name: 'New' }).count()).toBe(0);
    expect(await page.locator('.lc-toast').count()).toBe(0);
    await screenshot(page, 'access-denied');
  });

  test('/settings opens its first page, Users', async () => {
    await logIn(page);
    await page.goto('/web/settings');
    await page.waitForURL('**/web/settings/users');
  });

  test('a session that ends on the server sends the user to the login page, then back', async () => {
    await logIn(page);
    await page.context().clearCookies(); // as if the session expired or was logged out elsewhere
    await page.locator('.lc-home-app', { hasText: 'Settings' }).click();
    await page.waitForURL('**/web/login?redirect=%2Fsettings%2Fusers');
    await logIn(page);
    await page.waitForURL('**/web/settings/users');
  });

  test('the avatar menu shows the user and logs out', async () => {
    await logIn(page);
    await openUserMenu(page);
    await expectText(page.locator('.lc-user-dropdown'), 'Administrator');
    await screenshot(page, 'user-menu');
    await page.keyboard.press('Escape');

    await logOut(page);
    // The session is gone: the shell sends us back to the login page.
    await page.goto('/web/apps');
    await page.waitForURL('**/web/login?redirect=%2Fapps');
  });

  test('Apps lists the modules with their state, and Enable / Disable for an administrator', async () => {
    await logIn(page);
    await page.goto('/web/apps');
    const base = page.locator('.lc-app-card[data-module="base"]');
    await base.waitFor();
    await expectText(base.locator('.lc-app-state'), 'Enabled');
    await screenshot(page, 'apps');

    // Search filters by name.
    await page.getByRole('searchbox', { name: 'Search apps...' }).fill('zzz-no-such-app');
    await page.locator('.lc-list-empty').waitFor();
    await page.getByRole('searchbox', { name: 'Search apps...' }).fill('base');
    await base.waitFor();

    // base cannot be disabled: it offers no Disable at all.
    await expectText(base.locator('.lc-app-actions'), 'Always enabled');
    expect(await base.getByRole('button').count()).toBe(0);
    await page.getByRole('searchbox', { name: 'Search apps...' }).fill('');

    // Any other enabled application without enabled dependents can be disabled and enabled again; the
    // home screen follows without a reload.
    const modules: Array<{ name: string; label: string; depends: string[]; application: boolean; enabled: boolean }> = await (
      await page.request.get('/api/modules')
    ).json();
    const candidate = modules.find((m) => m.name !== 'base' && m.enabled && m.application && !modules.some((o) => o.enabled && o.depends.includes(m.name)));
    if (!candidate) return; // only base is installed so far
    const card = page.locator(`.lc-app-card[data-module="${candidate.name}"]`);
    await card.getByRole('button', { name: 'Disable' }).click();
    await page.getByRole('dialog', { name: `Disable ${candidate.label}` }).getByRole('button', { name: 'Disable' }).click();
    await card.getByRole('button', { name: 'Enable' }).waitFor();
    await page.locator('.lc-navbar-home').click();
    await page.locator('.lc-home-app').first().waitFor();
    expect(await page.locator('.lc-home-caption').allTextContents()).not.toContain(candidate.label);
    await page.goto('/web/apps');
    await card.getByRole('button', { name: 'Enable' }).click();
    await card.getByRole('button', { name: 'Disable' }).waitFor();
  });

  test('Settings → Users: list, create with validation errors, edit', async () => {
    await logIn(page);
    await page.goto('/web/settings/users');
    await page.locator('.lc-list tbody tr').first().waitFor();
    expect(await page.locator('.lc-list tbody tr').count()).toBeGreaterThanOrEqual(3); // admin + demo users
    await screenshot(page, 'users-list');

    await page.getByRole('link', { name: 'New' }).click();
    await page.waitForURL('**/web/settings/users/new');
    await page.getByLabel('Name').fill('Nora Operator');
    await page.getByLabel('Login').fill('nora');
    await page.getByLabel('Password').fill('short');
    await page.locator('[data-group="livechat_operator"] input').check();
    await page.getByLabel('Language', { exact: true }).selectOption('fr-FR');
    await page.getByRole('button', { name: 'Save' }).click();
    await expectText(page.locator('.lc-form-errors'), 'password must be 8 to 200 characters');
    await screenshot(page, 'user-form-error');

    await page.getByLabel('Password').fill('long-enough-password');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/web\/settings\/users\/\d+$/);
    await expectText(page.locator('.lc-breadcrumbs'), 'Nora Operator');

    // Administrator implies the other groups: they show checked and locked.
    await page.locator('[data-group="admin"] input').check();
    await page.locator('[data-group="livechat_manager"] input:disabled:checked').waitFor({ timeout: 5000 }); // once Angular has re-rendered
    await page.locator('[data-group="admin"] input').uncheck();
    await page.getByLabel('Name').fill('Nora Lead');
    await page.getByRole('button', { name: 'Save' }).click();
    await expectText(page.locator('.lc-toast-success'), 'Changes saved');
    await page.reload();
    expect(await page.getByLabel('Name').inputValue()).toBe('Nora Lead');
    expect(await page.getByLabel('Language', { exact: true }).inputValue()).toBe('fr-FR');
    expect(await page.locator('[data-group="livechat_operator"] input').isChecked()).toBe(true);
    await screenshot(page, 'user-form');

    await page.getByRole('link', { name: 'Users' }).click();
    await page.locator('tr', { hasText: 'Nora Lead' }).waitFor();
  });

  test('Settings → Languages: filter, activate and deactivate; en-US stays', async () => {
    await logIn(page);
    await page.goto('/web/settings/languages');
    await page.locator('tr[data-language="fr-FR"]').waitFor();
    await screenshot(page, 'languages');

    await page.getByRole('button', { name: 'All', exact: true }).click();
    await page.waitForURL('**/settings/languages?show=all');
    await page.getByRole('searchbox', { name: 'Search languages...' }).fill('ital');
    const italian = page.locator('tr[data-language="it-IT"]');
    await italian.getByRole('button', { name: 'Activate' }).click();
    await italian.getByRole('button', { name: 'Deactivate' }).waitFor();
    await page.reload();
    await italian.getByRole('button', { name: 'Deactivate' }).click();
    await italian.getByRole('button', { name: 'Activate' }).waitFor();

    await page.getByRole('searchbox', { name: 'Search languages...' }).fill('en-US');
    await page.locator('tr[data-language="en-US"]').getByRole('button', { name: 'Deactivate' }).click();
    await expectText(page.locator('.lc-toast-danger'), 'cannot be disabled');
  });

  test('an unknown page says so inside the shell', async () => {
    await logIn(page);
    await page.goto('/web/no/such/page');
    await expectText(page.locator('h1'), 'Page not found');
    await page.locator('lc-navbar').waitFor();
  });
});

/** Waits until the locator's text contains `text` (Playwright's auto-waiting, without its test runner). */
async function expectText(locator: ReturnType<Page['locator']>, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: 10_000 });
}
