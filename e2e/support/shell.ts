import type { Page } from 'playwright-core';

/**
 * Signs in through the login page and waits for the home screen (or the page `redirect` leads to). The
 * tests read the shell in English: a user whose language is another (the demo's Sofía speaks Spanish) is
 * switched to en-US first, unless `keepLanguage` (the shell then reloads in the user's language).
 */
export async function logIn(page: Page, login = 'admin', password = 'admin', { keepLanguage = false } = {}): Promise<void> {
  if (!page.url().includes('/web/login')) await page.goto('/web/login');
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('Password').fill(password);
  if (!keepLanguage) {
    const origin = new URL(page.url()).origin;
    const signIn = await page.request.post(`${origin}/api/auth/login`, { data: { login, password }, headers: { origin } });
    if (signIn.ok() && (await signIn.json()).user.lang !== 'en-US') {
      const patched = await page.request.patch(`${origin}/api/me/preferences`, { data: { lang: 'en-US' }, headers: { origin } });
      if (!patched.ok()) throw new Error(`the test could not set ${login}'s language to en-US: ${patched.status()}`);
    }
  }
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/web/login'));
  await page.locator('lc-navbar').waitFor();
}

/** Opens the avatar drop-down at the right of the navbar. */
export async function openUserMenu(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'User menu' }).click();
  await page.locator('.lc-user-dropdown').waitFor();
}

export async function logOut(page: Page): Promise<void> {
  await openUserMenu(page);
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.waitForURL('**/web/login**');
}
