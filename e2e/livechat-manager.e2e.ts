import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, logIn, openUserMenu, screenshot, startServer, type RunningServer } from './support';

/**
 * Live chat settings of operators and managers: the Online Chat fields of My Profile, the channel form,
 * the kanban following joins and leaves live, and the sessions list with why each operator was chosen.
 */
describe('live chat: preferences, channels and sessions', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    return context.newPage();
  }

  test('an operator sets an Online Chat Name and two languages in My Profile → Preferences', async () => {
    const page = await newPage();
    await logIn(page, 'marc', 'demo');
    await openUserMenu(page);
    await page.getByRole('link', { name: 'My Profile' }).click();
    await page.waitForURL('**/web/profile');

    const name = page.getByLabel('Online Chat Name');
    expect(await name.getAttribute('placeholder')).toBe('Marc Demo'); // empty means the user name
    await name.fill('Marco');
    await expectText(page.locator('.lc-help'), 'The name visitors see; empty means your user name');

    // Two more languages from the drop-down (the demo operator already chats in French).
    const languages = page.getByRole('combobox', { name: 'Online Chat Languages' });
    await languages.click();
    await page.getByRole('listbox').getByRole('option', { name: 'Spanish (Spain)' }).click();
    await languages.fill('germ');
    await page.getByRole('listbox').getByRole('option', { name: 'German (Germany)' }).click();
    await screenshot(page, 'preferences-livechat');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.lc-toast-success', { hasText: 'Preferences saved' }).waitFor();

    await page.reload();
    await page.locator('.lc-profile-head').waitFor();
    expect(await name.inputValue()).toBe('Marco');
    await page.locator('.lc-tag', { hasText: 'German (Germany)' }).waitFor(); // the language names have loaded
    expect(await chips(page)).toEqual(['French (France)', 'Spanish (Spain)', 'German (Germany)']);
    const me = await (await page.request.get('/api/me')).json();
    expect(me).toEqual(expect.objectContaining({ livechatUsername: 'Marco', livechatLanguages: ['fr-FR', 'es-ES', 'de-DE'] }));

    // An administrator disables German: it stays on the profile, marked "disabled", and is no longer offered.
    const admin = await newPage();
    await logIn(admin);
    expect((await admin.request.post('/api/languages/de-DE/disable')).status()).toBe(200);
    await page.reload();
    await page.locator('.lc-tag.lc-tag-muted', { hasText: 'German (Germany)' }).locator('.lc-tag-note', { hasText: 'disabled' }).waitFor();
    await languages.click();
    await page.getByRole('listbox').waitFor();
    expect(await page.getByRole('listbox').getByRole('option').allInnerTexts()).toEqual(['English (United States)']); // enabled and not chosen yet
    await languages.press('Escape');

    // Removing a chip and emptying the name, then saving, brings the user name back for visitors.
    await page.getByRole('button', { name: 'Remove German (Germany)' }).click();
    await name.fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.lc-toast-success', { hasText: 'Preferences saved' }).last().waitFor();
    const after = await (await page.request.get('/api/me')).json();
    expect(after).toEqual(expect.objectContaining({ livechatUsername: null, livechatLanguages: ['fr-FR', 'es-ES'] }));
    expect((await admin.request.post('/api/languages/de-DE/enable')).status()).toBe(200);
  });

  test('a manager creates a channel from its form; the kanban follows operators joining live', async () => {
    const manager = await newPage();
    await logIn(manager, 'sofia', 'demo');
    await manager.goto('/web/livechat/channels');
    await manager.locator('.lc-channel-card', { hasText: 'Website' }).waitFor();
    await manager.getByRole('link', { name: 'New' }).click();
    await manager.waitForURL('**/web/livechat/channels/new');

    await manager.getByLabel('Channel Name').fill('Support');
    await manager.getByLabel('Button text', { exact: true }).fill('Need help?');
    await manager.getByLabel('Welcome message').fill('Hi! A support engineer will answer you in a minute.');
    await manager.getByLabel('Max sessions per operator').fill('3');
    await manager.getByLabel('Header colour').fill('#017e84');
    await manager.getByLabel('Button colour').fill('#017e84');
    await expectText(manager.locator('lc-widget-preview'), 'Need help?');
    expect(await manager.locator('.lc-wp-header').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(1, 126, 132)');
    await screenshot(manager, 'livechat-channel-form');
    await manager.getByRole('button', { name: 'Save' }).click();
    await manager.waitForURL('**/web/livechat/channels');
    const support = manager.locator('.lc-channel-card', { hasText: 'Support' });
    await expectText(support, '0 Sessions');
    await support.getByRole('button', { name: 'Join' }).waitFor();

    // An operator joins in their own browser: the manager's card shows them without a reload.
    const operator = await newPage();
    await logIn(operator, 'marc', 'demo');
    await operator.goto('/web/livechat/channels');
    await operator.locator('.lc-channel-card', { hasText: 'Support' }).getByRole('button', { name: 'Join' }).click();
    await support.locator('lc-user-avatar[title="Marc Demo"]').waitFor();
    await manager.locator('.lc-channel-card', { hasText: 'Website' }).getByRole('button', { name: 'Join' }).click();
    await manager.locator('.lc-channel-card', { hasText: 'Website' }).getByRole('button', { name: 'Leave' }).waitFor();
    await screenshot(manager, 'livechat-channels-manager');

    // …and disappears when they leave.
    await operator.locator('.lc-channel-card', { hasText: 'Support' }).getByRole('button', { name: 'Leave' }).click();
    await support.locator('lc-user-avatar[title="Marc Demo"]').waitFor({ state: 'detached' });
  });

  test('the sessions list shows each operator and why they were chosen; offline messages are marked', async () => {
    const operator = await newPage();
    await logIn(operator, 'marc', 'demo');
    await operator.goto('/web/livechat/channels');
    const website = operator.locator('.lc-channel-card', { hasText: 'Website' });
    await website.getByRole('button', { name: 'Join' }).click();
    await website.getByRole('button', { name: 'Leave' }).waitFor();

    const visitor = await post(`${server.url}/api/livechat/channels/1/sessions`, { visitorName: 'Camille' }, { 'accept-language': 'fr-FR,fr;q=0.9' });
    await post(`${server.url}/api/livechat/sessions/${visitor.sessionId}/messages`, { body: 'Bonjour !' }, { 'x-visitor-token': visitor.visitorToken });
    await post(`${server.url}/api/livechat/channels/1/offline-messages`, { name: 'Ada', email: 'ada@example.com', body: 'Please call me back tomorrow.' });

    const manager = await newPage();
    await logIn(manager, 'sofia', 'demo');
    await manager.goto('/web/livechat/sessions');
    const row = manager.locator(`tr[data-session-id="${visitor.sessionId}"]`);
    await expectText(row, 'Camille');
    await expectText(row, 'fr-FR');
    await expectText(row.locator('.lc-badge'), 'In progress');
    await expectText(row.locator('.lc-sl-reason'), 'language fr-FR');
    await expectText(manager.locator('tr', { hasText: 'Ada' }).locator('.lc-sl-offline'), 'Offline message');

    // The manager is not in the conversation: the row opens the details beside the list.
    await row.click();
    await expectText(manager.locator('lc-session-panel'), 'Why this operator');
    await expectText(manager.locator('lc-session-panel'), 'Marc');
    await screenshot(manager, 'livechat-sessions');

    // Filters (kept in the URL).
    await manager.getByLabel('Status').selectOption('ended');
    await manager.waitForURL('**/livechat/sessions?status=ended');
    await row.waitFor({ state: 'detached' });
    await manager.locator('tr', { hasText: 'Ada' }).waitFor();
  });
});

/** The inactivity sweeper removes an idle operator from the channels: their kanban shows Join again. */
describe('live chat: the inactivity sweeper', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ env: { LIVECHAT_INACTIVITY_TIMEOUT_S: '4' } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('an operator who does nothing is removed and the Join button comes back without a reload', async () => {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await logIn(page, 'marc', 'demo');
    await page.goto('/web/livechat/channels');
    const card = page.locator('.lc-channel-card', { hasText: 'Website' });
    await card.getByRole('button', { name: 'Join' }).click();
    await card.getByRole('button', { name: 'Leave' }).waitFor();
    // No input from now on: after 4 s of inactivity the sweeper takes Marc out (within timeout / 2).
    await card.getByRole('button', { name: 'Join' }).waitFor({ timeout: 20_000 });
    expect(await card.locator('lc-user-avatar[title="Marc Demo"]').count()).toBe(0);
    await context.close();
  }, 40_000);
});

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ sessionId: number; visitorToken: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  expect(response.status).toBe(201);
  return response.json();
}

async function chips(page: Page): Promise<string[]> {
  return (await page.locator('lc-livechat-preferences .lc-tag').allInnerTexts()).map((text) => text.replace('×', '').trim());
}

async function expectText(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor();
}
