import type { Locator, Page } from 'playwright-core';
import { browserSuite, logIn, openUserMenu, screenshot } from './support';

/**
 * Live chat settings of operators and managers: the Online Chat fields of My Profile, the channel form,
 * the kanban following joins and leaves live, and the sessions list with why each operator was chosen.
 */
describe('live chat: preferences, channels and sessions', () => {
  const suite = browserSuite();
  const newPage = () => suite.newPage();

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
    expect(await page.getByRole('listbox').getByRole('option').allInnerTexts()).toEqual(['Chinese (China)', 'English (United States)']); // enabled and not chosen yet
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
    // The preview is the real widget (its shadow DOM): the launcher with the button text, the open window with the welcome.
    const preview = manager.locator('lc-widget-preview');
    await expectText(preview.locator('.lc-wp-launcher .lc-label'), 'Need help?');
    await expectText(preview.locator('.lc-wp-window .lc-body'), 'A support engineer will answer you');
    expect(await preview.locator('.lc-wp-window .lc-head').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(1, 126, 132)');
    expect(await preview.locator('.lc-wp-launcher .lc-btn').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(1, 126, 132)');
    await screenshot(manager, 'livechat-channel-form');
    await manager.setViewportSize({ width: 390, height: 844 });
    await preview.locator('.lc-wp-launcher').scrollIntoViewIfNeeded();
    await screenshot(manager, 'livechat-channel-form-phone');
    await manager.setViewportSize({ width: 1280, height: 800 });
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
    // She leaves again: the next test's visitor finds Marc alone inside (she would stay online a minute after closing).
    await manager.locator('.lc-channel-card', { hasText: 'Website' }).getByRole('button', { name: 'Leave' }).click();
    await manager.locator('.lc-channel-card', { hasText: 'Website' }).getByRole('button', { name: 'Join' }).waitFor();

    // …and disappears when they leave.
    await operator.locator('.lc-channel-card', { hasText: 'Support' }).getByRole('button', { name: 'Leave' }).click();
    await support.locator('lc-user-avatar[title="Marc Demo"]').waitFor({ state: 'detached' });

    // The search box filters the cards by name, kept in the URL: a reload keeps it.
    const website = manager.locator('.lc-channel-card', { hasText: 'Website' });
    await manager.getByRole('searchbox', { name: 'Search channels...' }).fill('supp');
    await manager.waitForURL('**/web/livechat/channels?q=supp');
    await website.waitFor({ state: 'detached' });
    await support.waitFor();
    await manager.reload();
    await support.waitFor();
    expect(await website.count()).toBe(0);
    expect(await manager.getByRole('searchbox', { name: 'Search channels...' }).inputValue()).toBe('supp');
    await screenshot(manager, 'livechat-channels-search-desktop');
    await manager.setViewportSize({ width: 390, height: 844 });
    await screenshot(manager, 'livechat-channels-search-phone');
    await manager.getByRole('searchbox', { name: 'Search channels...' }).fill('nothing like it');
    await expectText(manager.locator('.lc-list-empty'), 'No channel matches "nothing like it"');
    await manager.getByRole('searchbox', { name: 'Search channels...' }).fill('');
    await manager.waitForURL('**/web/livechat/channels');
    await website.waitFor();
  });

  test('the sessions list shows each operator and why they were chosen; offline messages are marked', async () => {
    const operator = await newPage();
    await logIn(operator, 'marc', 'demo');
    await operator.goto('/web/livechat/channels');
    const website = operator.locator('.lc-channel-card', { hasText: 'Website' });
    await website.getByRole('button', { name: 'Join' }).click();
    await website.getByRole('button', { name: 'Leave' }).waitFor();

    const visitor = await post(`${suite.server.url}/api/livechat/channels/1/sessions`, { visitorName: 'Camille' }, { 'accept-language': 'fr-FR,fr;q=0.9' });
    await post(`${suite.server.url}/api/livechat/sessions/${visitor.sessionId}/messages`, { body: 'Bonjour !' }, { 'x-visitor-token': visitor.visitorToken });
    await post(`${suite.server.url}/api/livechat/channels/1/offline-messages`, { name: 'Ada', email: 'ada@example.com', body: 'Please call me back tomorrow.' });

    const manager = await newPage();
    await logIn(manager, 'sofia', 'demo');
    await manager.goto('/web/livechat/sessions');
    const row = manager.locator(`tr[data-session-id="${visitor.sessionId}"]`);
    await expectText(row, 'Camille');
    // A visitor: the neutral visitor avatar (no "C" initial in a colour), the language by its name in the
    // user's language (English: the tests switch Sofía, whose language is Spanish, to en-US).
    await expectText(row.locator('[data-field="language"]'), 'French (France)');
    expect(await row.locator('.lc-avatar.lc-avatar-visitor').count()).toBe(1);
    expect((await row.locator('.lc-avatar').textContent())?.trim()).toBe('');
    await expectText(row.locator('.lc-badge'), 'In progress');
    // Why Marc, as a sentence (the complete record stays in the tooltip).
    await expectText(row.locator('.lc-sl-reason'), 'Speaks French (fr-FR), the only available operator');
    expect(await row.locator('.lc-sl-reason').getAttribute('title')).toContain('rule: language fr-FR');
    await expectText(manager.locator('tr', { hasText: 'Ada' }).locator('.lc-sl-offline'), 'Offline message');

    await screenshot(manager, 'livechat-sessions');
    // The operator's chat window: the same visitor avatar, the language by its name above the thread.
    const window = operator.locator('lc-chat-window', { hasText: 'Bonjour !' });
    await window.locator('.lc-avatar-visitor').first().waitFor();
    await expectText(window.locator('lc-visitor-banner [data-field="language"]'), 'French (France)');
    await screenshot(operator, 'livechat-operator-visitor-window');
    // The row opens its transcript, the details beside it.
    await row.click();
    await manager.waitForURL(`**/livechat/sessions/${visitor.sessionId}`);
    await expectText(manager.getByRole('region', { name: 'Transcript' }), 'Bonjour !');
    await expectText(manager.locator('lc-session-panel'), 'Why this operator');
    await expectText(manager.locator('lc-session-panel .lc-sp-reason'), 'Speaks French (fr-FR)');
    await expectText(manager.locator('lc-session-panel'), 'Marc');
    await expectText(manager.locator('lc-session-panel'), 'French (France)');
    expect(await manager.locator('lc-session-panel .lc-avatar-visitor').count()).toBe(1);
    expect(await manager.locator('.lc-tr-message[data-kind="visitor"] .lc-avatar-visitor').count()).toBe(1);
    await screenshot(manager, 'livechat-transcript');
    await manager.setViewportSize({ width: 390, height: 844 });
    await screenshot(manager, 'livechat-transcript-phone');
    await manager.setViewportSize({ width: 1366, height: 800 });
    await manager.locator('.lc-breadcrumbs').getByRole('link', { name: 'Sessions' }).click();
    await row.waitFor();

    // The search: visitor names (also operators, channels, emails, languages), kept in the URL with the filters.
    const ada = manager.locator('tr', { hasText: 'Ada' });
    const search = manager.getByRole('searchbox', { name: 'Search sessions...' });
    await search.fill('cam');
    await manager.waitForURL('**/livechat/sessions?q=cam');
    await ada.waitFor({ state: 'detached' });
    await row.waitFor();
    await manager.reload();
    await row.waitFor();
    expect(await ada.count()).toBe(0);
    expect(await search.inputValue()).toBe('cam');
    await screenshot(manager, 'livechat-sessions-search-desktop');
    await manager.setViewportSize({ width: 390, height: 844 });
    await screenshot(manager, 'livechat-sessions-search-phone');
    await manager.setViewportSize({ width: 1366, height: 800 });
    await search.fill('ada@example');
    await ada.waitFor();
    await row.waitFor({ state: 'detached' });
    await search.fill('');
    await manager.waitForURL('**/livechat/sessions');

    // Filters (kept in the URL).
    await manager.getByLabel('Status').selectOption('ended');
    await manager.waitForURL('**/livechat/sessions?status=ended');
    await row.waitFor({ state: 'detached' });
    await ada.waitFor();
  });
});

/** The inactivity sweeper removes an idle operator from the channels: their kanban shows Join again. */
describe('live chat: the inactivity sweeper', () => {
  const suite = browserSuite({ env: { LIVECHAT_INACTIVITY_TIMEOUT_S: '4' } });

  test('an operator who does nothing is removed and the Join button comes back without a reload', async () => {
    const page = await suite.newPage();
    await logIn(page, 'marc', 'demo');
    await page.goto('/web/livechat/channels');
    const card = page.locator('.lc-channel-card', { hasText: 'Website' });
    await card.getByRole('button', { name: 'Join' }).click();
    await card.getByRole('button', { name: 'Leave' }).waitFor();
    // No input from now on: after 4 s of inactivity the sweeper takes Marc out (within timeout / 2).
    await card.getByRole('button', { name: 'Join' }).waitFor({ timeout: 20_000 });
    expect(await card.locator('lc-user-avatar[title="Marc Demo"]').count()).toBe(0);
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
