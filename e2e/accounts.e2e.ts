import type { Page } from 'playwright-core';
import { browserSuite, logIn, logOut, screenshot } from './support';

/** Passwords and sign-in: My Profile → Change password, archiving a user, the default admin password warning. */
describe('accounts', () => {
  const suite = browserSuite();

  /** Tries to sign in and expects the login page's refusal. */
  async function expectRefused(page: Page, login: string, password: string): Promise<void> {
    await page.goto('/web/login');
    await page.getByLabel('Login').fill(login);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.locator('.lc-alert-danger', { hasText: 'Wrong login or password' }).waitFor();
  }

  async function changeOwnPassword(page: Page, current: string, next: string): Promise<void> {
    await page.goto('/web/profile');
    await page.getByRole('tab', { name: 'Change password' }).click();
    await page.getByLabel('Current password').fill(current);
    await page.getByLabel('New password', { exact: true }).fill(next);
    await page.getByLabel('Confirm new password').fill(next);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.locator('.lc-toast-success', { hasText: 'Password changed' }).waitFor();
  }

  test('the Users list is searched by name or login, the search kept in the URL', async () => {
    const admin = await suite.newPage(1366, 800);
    await logIn(admin);
    await admin.goto('/web/settings/users');
    const search = admin.getByRole('searchbox', { name: 'Search users...' });
    const marc = admin.locator('tr', { hasText: 'Marc Demo' });
    const sofia = admin.locator('tr', { hasText: 'Sofía García' });
    await marc.waitFor();
    await search.fill('sofia'); // accents ignored
    await admin.waitForURL('**/web/settings/users?q=sofia');
    await marc.waitFor({ state: 'detached' });
    await admin.reload();
    await sofia.waitFor();
    expect(await marc.count()).toBe(0);
    expect(await search.inputValue()).toBe('sofia');
    await screenshot(admin, 'users-search-desktop');
    await admin.setViewportSize({ width: 390, height: 844 });
    await screenshot(admin, 'users-search-phone');
    // The Active / All filter keeps the search.
    await admin.getByRole('button', { name: 'All', exact: true }).click();
    await admin.waitForURL(/\/web\/settings\/users\?(q=sofia&show=all|show=all&q=sofia)$/);
    await sofia.waitFor();
    expect(await marc.count()).toBe(0);
  });

  test('a user changes their password in My Profile and signs in with the new one', async () => {
    const page = await suite.newPage();
    await logIn(page, 'marc', 'demo');
    await page.goto('/web/profile');
    await page.getByRole('tab', { name: 'Change password' }).click();

    // Checked in the browser first, then by the server.
    await page.getByLabel('Current password').fill('not-my-password');
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('Confirm new password').fill('shorter');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('The new password must have at least 8 characters.').waitFor();
    await page.getByText('The two new passwords differ.').waitFor();
    await page.getByLabel('New password', { exact: true }).fill('marc-new-password');
    await page.getByLabel('Confirm new password').fill('marc-new-password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('This is not your current password.').waitFor();

    await changeOwnPassword(page, 'demo', 'marc-new-password');
    await screenshot(page, 'profile-password-changed');
    await page.reload(); // this session stays signed in
    await page.locator('.lc-profile-head', { hasText: 'Marc Demo' }).waitFor();

    await logOut(page);
    await expectRefused(page, 'marc', 'demo');
    await logIn(page, 'marc', 'marc-new-password');
  });

  test("an admin archives a user: the user's open shell goes to the login page; unarchived, they sign in again", async () => {
    const sofia = await suite.newPage();
    await logIn(sofia, 'sofia', 'demo');
    await sofia.goto('/web/discuss');

    const admin = await suite.newPage();
    await logIn(admin);
    await admin.goto('/web/settings/users');
    await admin.locator('tr', { hasText: 'sofia' }).click();
    await admin.getByRole('button', { name: 'Actions' }).click();
    await admin.locator('.lc-dropdown-menu').getByRole('button', { name: 'Archive' }).click();
    await admin.locator('.lc-dialog').getByRole('button', { name: 'Archive' }).click();
    await admin.locator('.lc-ribbon', { hasText: 'Archived' }).waitFor();
    await screenshot(admin, 'user-archived');

    // The server closed Sofía's socket; her shell noticed without her doing anything.
    await sofia.waitForURL('**/web/login**', { timeout: 5000 });
    await expectRefused(sofia, 'sofia', 'demo');

    await admin.goto('/web/settings/users');
    expect(await admin.locator('tr', { hasText: 'sofia' }).count()).toBe(0); // active users only, by default
    await admin.getByRole('button', { name: 'All' }).click();
    await admin.locator('tr.lc-row-archived', { hasText: 'sofia' }).click();
    await admin.getByRole('button', { name: 'Actions' }).click();
    await admin.getByRole('button', { name: 'Unarchive' }).click();
    await admin.locator('.lc-toast-success', { hasText: 'can sign in again' }).waitFor();
    await logIn(sofia, 'sofia', 'demo');
  });

  test('the last active administrator cannot archive themselves: the form says why', async () => {
    const page = await suite.newPage();
    await logIn(page);
    await page.goto('/web/settings/users');
    await page.locator('tr', { hasText: 'admin' }).first().click();
    await page.getByRole('button', { name: 'Actions' }).click();
    await page.locator('.lc-dropdown-menu').getByRole('button', { name: 'Archive' }).click();
    await page.locator('.lc-dialog', { hasText: 'This is you' }).getByRole('button', { name: 'Archive' }).click();
    await page.locator('.lc-form-errors', { hasText: 'last active administrator' }).waitFor();
    expect(await page.locator('.lc-ribbon').count()).toBe(0);
  });

  test("the login page warns while the admin password is 'admin', and stops once it is changed", async () => {
    const page = await suite.newPage();
    await page.goto('/web/login');
    await page.getByText("The admin password is still the default 'admin'").waitFor();
    await screenshot(page, 'login-default-admin-password');

    await logIn(page);
    await changeOwnPassword(page, 'admin', 'a-real-admin-password');
    await logOut(page);
    expect(await (await page.request.get('/api/auth/setup')).json()).toEqual({ adminPasswordIsDefault: false });
    await Promise.all([page.waitForResponse((response) => response.url().endsWith('/api/auth/setup')), page.reload()]);
    await expect(page.locator('.lc-login-warning').waitFor({ timeout: 1000 })).rejects.toThrow(); // it would have shown by now
    await logIn(page, 'admin', 'a-real-admin-password');
  });
});
