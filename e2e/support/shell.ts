import type { Page } from 'playwright-core';

/** Signs in through the login page and waits for the home screen (or the page `redirect` leads to). */
export async function logIn(page: Page, login = 'admin', password = 'admin'): Promise<void> {
  if (!page.url().includes('/web/login')) await page.goto('/web/login');
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('Password').fill(password);
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
