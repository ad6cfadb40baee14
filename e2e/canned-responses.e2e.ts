import type { Locator, Page } from 'playwright-core';
import { browserSuite, logIn, screenshot } from './support';

/**
 * Canned responses, a module built only on the platform contract: its menu grafted into Live Chat, its
 * list and form, and its suggestions in the composers of Discuss and of chat windows.
 */
describe('canned responses', () => {
  const suite = browserSuite();

  async function signedIn(login: string, password: string): Promise<Page> {
    const page = await suite.newPage();
    await logIn(page, login, password);
    return page;
  }

  /** A channel of the signed-in user, created through the API with the page's session cookie. */
  async function channel(page: Page, name: string): Promise<number> {
    const response = await page.request.post('/api/discuss/channels', { data: { name } });
    expect(response.status()).toBe(201);
    return (await response.json()).id;
  }

  const list = (page: Page) => page.getByRole('listbox', { name: 'Suggestions' });

  test('an operator saves /hello under Live Chat → Configuration, then inserts it with /hel in Discuss and in a chat window', async () => {
    const marc = await signedIn('marc', 'demo');

    // Live Chat → Configuration → Canned Responses: the menu another module grafted into the app.
    await marc.locator('.lc-home-app[data-menu-id="livechat"]').click();
    await marc.getByRole('button', { name: 'Configuration' }).click();
    await marc.getByRole('link', { name: 'Canned Responses' }).click();
    await marc.getByText('No canned response yet').waitFor();

    for (const [shortcut, body] of [
      ['hello', 'Hello! How can I help you today?'],
      ['help', 'Here is our help center: https://example.com/help'],
    ]) {
      await marc.getByRole('link', { name: 'New' }).click();
      await marc.getByLabel('Shortcut').fill(shortcut);
      await marc.getByLabel('Substitution').fill(body);
      await marc.getByRole('button', { name: 'Save' }).click();
      await marc.locator(`tr[data-shortcut="${shortcut}"]`).waitFor();
    }
    await screenshot(marc, 'canned-responses-list');
    // The search: shortcut or text, kept in the URL (a reload keeps it).
    await marc.getByRole('searchbox', { name: 'Search canned responses...' }).fill('center');
    await marc.waitForURL('**/canned-responses?q=center');
    await marc.locator('tr[data-shortcut="hello"]').waitFor({ state: 'detached' });
    await marc.reload();
    await marc.locator('tr[data-shortcut="help"]').waitFor();
    expect(await marc.locator('tr[data-shortcut="hello"]').count()).toBe(0);
    await screenshot(marc, 'canned-responses-search-desktop');
    await marc.setViewportSize({ width: 390, height: 844 });
    await screenshot(marc, 'canned-responses-search-phone');
    await marc.setViewportSize({ width: 1280, height: 800 });
    await marc.getByRole('searchbox', { name: 'Search canned responses...' }).fill('/hello');
    await marc.locator('tr[data-shortcut="hello"]').waitFor();
    expect(await marc.locator('tr[data-shortcut="help"]').count()).toBe(0);

    // Discuss: "/hel" lists both; ↓ then ↑ come back to /hello, Enter inserts it, Enter sends it.
    const id = await channel(marc, 'canned-test');
    await marc.goto(`/web/discuss/${id}`);
    const composer = marc.locator('.lc-discuss-main lc-composer textarea');
    await composer.pressSequentially('/hel', { delay: 30 });
    await expect(optionLabels(list(marc))).resolves.toEqual(['/hello', '/help']);
    await screenshot(marc, 'canned-responses-suggestions');
    await composer.press('ArrowDown');
    await composer.press('ArrowUp');
    await expect(list(marc).getByRole('option', { selected: true }).innerText()).resolves.toContain('/hello');
    await composer.press('Enter');
    await list(marc).waitFor({ state: 'detached' });
    expect(await composer.inputValue()).toBe('Hello! How can I help you today?');
    await composer.press('Enter');
    await marc.locator('.lc-discuss-main .lc-msg-bubble', { hasText: 'Hello! How can I help you today?' }).waitFor();
    expect(await composer.inputValue()).toBe('');

    // Escape closes the list and leaves the text; a trigger inside a word or a URL lists nothing.
    await composer.pressSequentially('see :hel', { delay: 20 });
    await list(marc).waitFor();
    await composer.press('Escape');
    await list(marc).waitFor({ state: 'detached' });
    await composer.fill('');
    await composer.pressSequentially('and/or https://x.test/hel', { delay: 10 });
    await marc.waitForTimeout(300);
    expect(await list(marc).count()).toBe(0);
    await composer.fill('');

    // A chat window (opened from the messaging menu, away from Discuss): ":he" and a click on /help.
    await marc.goto('/web/livechat/channels');
    await marc.getByRole('button', { name: 'Messages' }).click();
    await marc.locator('.lc-mm-row', { hasText: 'canned-test' }).click();
    const window = marc.locator('lc-chat-window', { hasText: 'canned-test' });
    const windowComposer = window.locator('lc-composer textarea');
    await windowComposer.pressSequentially('Sure! :he', { delay: 30 });
    await list(marc).getByRole('option', { name: /\/help/ }).click();
    expect(await windowComposer.inputValue()).toBe('Sure! Here is our help center: https://example.com/help');
    await windowComposer.press('Enter');
    await window.locator('.lc-msg-bubble', { hasText: 'Sure! Here is our help center' }).waitFor();
    await screenshot(marc, 'canned-responses-chat-window');
  });

  test('disabling the module removes its menu and its suggestions at once, without a reload', async () => {
    const admin = await signedIn('admin', 'admin');
    const id = await channel(admin, 'admin-canned');
    await admin.request.post('/api/canned-responses', { data: { shortcut: 'thanks', body: 'Thank you for your message!' } });

    // Enabled: admins (managers) get the suggestions too.
    await admin.goto(`/web/discuss/${id}`);
    const composer = admin.locator('.lc-discuss-main lc-composer textarea');
    await composer.pressSequentially('/than', { delay: 30 });
    await list(admin).getByRole('option', { name: /\/thanks/ }).waitFor();
    await composer.fill('');

    // Apps → Disable, then back to Discuss through the shell's own links (no reload).
    await admin.goto('/web/apps');
    const card = admin.locator('[data-module="canned_responses"]');
    await card.getByRole('button', { name: 'Disable' }).click();
    await admin.getByRole('dialog', { name: 'Disable Canned Responses' }).getByRole('button', { name: 'Disable' }).click();
    await card.getByRole('button', { name: 'Enable' }).waitFor();
    await admin.getByRole('link', { name: 'Home menu' }).click();
    await admin.locator('.lc-home-app[data-menu-id="livechat"]').click();
    await admin.getByRole('link', { name: 'Channels' }).first().waitFor();
    // Live Chat → Configuration keeps its own entries, without Canned Responses.
    await admin.getByRole('button', { name: 'Configuration' }).click();
    await admin.getByRole('link', { name: 'Blocked visitors' }).waitFor();
    expect(await admin.getByRole('link', { name: 'Canned Responses' }).count()).toBe(0);
    await admin.keyboard.press('Escape');
    await admin.getByRole('link', { name: 'Home menu' }).click();
    await admin.locator('.lc-home-app[data-menu-id="discuss"]').click();
    await admin.locator('.lc-ds-row', { hasText: 'admin-canned' }).click();
    await composer.pressSequentially('/than', { delay: 30 });
    await admin.waitForTimeout(400);
    expect(await list(admin).count()).toBe(0);
    expect((await admin.request.get('/api/canned-responses')).status()).toBe(404);
  });
});

async function optionLabels(listbox: Locator): Promise<string[]> {
  await listbox.waitFor();
  return listbox.locator('.lc-csl-label').allInnerTexts();
}
