import type { Locator, Page } from 'playwright-core';
import { browserSuite, logIn, screenshot, startVisitorSession, visitorSays } from './support';

const DESKTOP = [1366, 800] as const;
const PHONE = [390, 844] as const;

/**
 * The shell in the operator's language: a live chat manager (Sofía, whose language is Spanish) switches to German in My Profile → Preferences,
 * the shell reloads in German (navbar, the modules' menus, Discuss, Live Chat's channels, sessions and
 * reporting, preferences, a toast, a refusal of the server, relative times), signs in again on a phone in German, then switches back
 * to English. Screenshots of each screen at desktop and phone size (e2e/screenshots/lang-*.png).
 */
describe("the shell in the operator's language", () => {
  const suite = browserSuite();

  test('an operator switches to German, works in German on a desktop and a phone, and back to English', async () => {
    const page = await suite.newPage(...DESKTOP, { locale: 'en-US' });
    // Sofía's language is Spanish: signing in loads the shell in Spanish (the login page was in the browser's English).
    await logIn(page, 'sofia', 'demo', { keepLanguage: true });
    expect(await htmlLang(page)).toBe('es-ES');
    await page.getByRole('button', { name: 'Menú de usuario' }).waitFor();

    // My Profile → Preferences → Language: German. Saving reloads the shell in it.
    await page.goto('/web/profile');
    await page.getByLabel('Idioma', { exact: true }).selectOption('de-DE');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Guardar' }).click()]);
    await page.getByRole('button', { name: 'Speichern' }).waitFor();
    expect(await htmlLang(page)).toBe('de-DE');
    await expectText(page.locator('.lc-breadcrumb, lc-control-panel').first(), 'Mein Profil');
    await page.getByRole('tab', { name: 'Einstellungen' }).waitFor();
    expect(await page.title()).toBe('Mein Profil - Live Chat');

    // A toast in German.
    await page.getByLabel('Online-Chat-Name', { exact: true }).fill('Sofia D.');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.locator('.lc-toast-success', { hasText: 'Einstellungen gespeichert.' }).waitFor();
    await screenshot(page, 'lang-de-preferences');

    // A refusal of the server in German: the shortcut is taken (the server's English message comes with its key).
    for (const attempt of [1, 2]) {
      await page.goto('/web/canned-responses/new');
      await page.getByLabel('Kürzel', { exact: true }).fill('hallo');
      await page.getByLabel('Ersetzung', { exact: true }).fill(`Hallo! (${attempt})`);
      await page.getByRole('button', { name: 'Speichern' }).click();
      if (attempt === 1) await page.waitForURL(/\/web\/canned-responses(\?.*)?$/);
    }
    const refusal = page.locator('lc-form-errors [role=alert]');
    await refusal.getByText('Die Standardantwort konnte nicht gespeichert werden:').waitFor();
    await refusal.getByText('Das Kürzel /hallo ist bereits vergeben (die Kürzel eines Benutzers sind eindeutig)').waitFor();
    await screenshot(page, 'lang-de-server-error');

    // The navbar and the modules' menus (declared in manifests, translated by id).
    await page.goto('/web/livechat/channels');
    await expectText(page.locator('.lc-navbar-app'), 'Live-Chat');
    const sections = page.locator('.lc-navbar-sections');
    for (const label of ['Kanäle', 'Sitzungen', 'Berichtswesen', 'Konfiguration']) await sections.getByText(label, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Benutzermenü' }).waitFor();
    await page.getByRole('button', { name: 'Konfiguration' }).click();
    await page.getByRole('link', { name: 'Gesperrte Besucher' }).waitFor();
    await page.getByRole('link', { name: 'Standardantworten' }).waitFor();
    await page.keyboard.press('Escape');

    // Live Chat → Channels: join in German.
    const card = page.locator('.lc-channel-card', { hasText: 'Website' });
    await card.getByRole('button', { name: 'Beitreten' }).click();
    await card.getByRole('button', { name: 'Verlassen' }).waitFor();
    await screenshot(page, 'lang-de-channels');

    // A visitor writes: the chat is Sofia's; Discuss and the messaging menu speak German, with relative times.
    const visitor = await startVisitorSession(suite.server.url, 'Camille', 'fr-FR,fr;q=0.9', 'https://example.com/');
    await visitorSays(suite.server.url, visitor, 'Bonjour !');
    await page.goto('/web/discuss');
    await page.getByRole('button', { name: 'Kanäle durchsuchen oder erstellen' }).waitFor();
    await page.locator('.lc-ds-heading-label', { hasText: 'Live-Chat' }).waitFor();
    await page.locator('.lc-ds-row', { hasText: 'Camille' }).click();
    await page.getByPlaceholder(/^Nachricht an /).first().waitFor();
    await page.locator('lc-message-list', { hasText: 'Bonjour !' }).first().waitFor();
    await page.getByRole('button', { name: 'Nachrichten' }).click();
    const when = page.locator('.lc-mm-row', { hasText: 'Camille' }).locator('.lc-mm-when');
    expect(await when.innerText()).toMatch(/^(Jetzt|vor \d+ Min\.)$/);
    await page.locator('.lc-mm-tab', { hasText: 'Alle' }).waitFor();
    await screenshot(page, 'lang-de-discuss');
    await page.keyboard.press('Escape');

    // Live Chat → Sessions and Reporting. A visitor who gave no name is stored as "Visitor #<session>", read in German.
    const anonymous = (await (await fetch(`${suite.server.url}/api/livechat/channels/1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { sessionId: number };
    await page.goto('/web/livechat/sessions');
    await page.getByRole('columnheader', { name: 'Besucher' }).waitFor();
    await page.locator('tr', { hasText: 'Camille' }).getByText('Läuft').waitFor();
    await page.locator('tr', { hasText: `Besucher Nr. ${anonymous.sessionId}` }).waitFor();
    expect(await page.title()).toBe('Sitzungen - Live Chat');
    await screenshot(page, 'lang-de-sessions');
    await page.goto('/web/livechat/reporting/sessions');
    await page.getByText('Sitzungsstatistik').first().waitFor();
    await page.getByRole('combobox', { name: 'Zeitraum' }).waitFor();
    await page.getByRole('button', { name: 'CSV herunterladen' }).waitFor();
    await page.locator('[data-measure="sessions"]').getByText('Sitzungen').waitFor();
    await screenshot(page, 'lang-de-reporting');
    await expectNoOverflow(page, 'desktop reporting');

    // On a phone, signing in again: the shell loads German at once.
    const phone = await suite.newPage(...PHONE, { locale: 'en-US' });
    await logIn(phone, 'sofia', 'demo', { keepLanguage: true });
    await phone.getByRole('button', { name: 'Benutzermenü' }).waitFor();
    expect(await htmlLang(phone)).toBe('de-DE');
    for (const [path, name, ready] of [
      ['/web/', 'home', () => phone.getByText('Live-Chat', { exact: true }).first()],
      ['/web/discuss', 'discuss', () => phone.locator('.lc-ds-heading-label', { hasText: 'Live-Chat' })],
      ['/web/livechat/channels', 'channels', () => phone.getByRole('button', { name: 'Verlassen' })],
      ['/web/livechat/sessions', 'sessions', () => phone.getByRole('button', { name: 'Aktualisieren' })],
      ['/web/livechat/reporting/sessions', 'reporting', () => phone.locator('[data-measure="sessions"]').getByText('Sitzungen')],
      ['/web/profile', 'preferences', () => phone.getByRole('tab', { name: 'Passwort ändern' })],
    ] as const) {
      await phone.goto(path);
      await ready().waitFor();
      await screenshot(phone, `lang-de-phone-${name}`);
      await expectNoOverflow(phone, `phone ${name}`);
    }

    // Back to English.
    await page.goto('/web/profile');
    await page.getByLabel('Sprache', { exact: true }).selectOption('en-US');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Speichern' }).click()]);
    await page.getByRole('button', { name: 'Save' }).waitFor();
    expect(await htmlLang(page)).toBe('en-US');
    await page.goto('/web/livechat/channels');
    await page.locator('.lc-navbar-sections').getByText('Channels', { exact: true }).waitFor();
    await screenshot(page, 'lang-en-channels');
  }, 120_000);

  test('an administrator works in Chinese: every app fits on a desktop and a phone', async () => {
    const page = await suite.newPage(...DESKTOP, { locale: 'en-US' });
    await logIn(page, 'admin', 'admin');
    const origin = suite.server.url;
    expect((await page.request.patch(`${origin}/api/me/preferences`, { data: { lang: 'zh-CN' }, headers: { origin } })).status()).toBe(200);
    const phone = await suite.newPage(...PHONE, { locale: 'en-US' });
    await logIn(phone, 'admin', 'admin', { keepLanguage: true });
    await page.reload();
    for (const view of [page, phone]) {
      await view.getByRole('button', { name: '用户菜单' }).waitFor();
      expect(await htmlLang(view)).toBe('zh-CN');
    }
    const size = (view: Page) => (view === page ? 'desktop' : 'phone');
    for (const view of [page, phone]) {
      for (const [path, name, ready] of [
        ['/web/', 'home', () => view.getByText('在线客服', { exact: true }).first()],
        ['/web/apps', 'apps', () => view.getByRole('searchbox', { name: '搜索应用...' })],
        ['/web/settings/users', 'users', () => view.getByText('Marc Demo').first()],
        ['/web/livechat/channels', 'channels', () => view.getByRole('searchbox', { name: '搜索频道...' })],
        ['/web/discuss', 'discuss', () => view.getByRole('button', { name: '开始会话' }).first()],
        ['/web/livechat/reporting/sessions', 'reporting', () => view.getByRole('button', { name: '下载 CSV' })],
        ['/web/profile', 'preferences', () => view.getByRole('tab', { name: '修改密码' })],
      ] as const) {
        await view.goto(path);
        await ready().waitFor();
        await screenshot(view, `lang-zh-${size(view)}-${name}`);
        await expectNoOverflow(view, `${size(view)} ${name}`);
      }
    }
    expect((await page.request.patch(`${origin}/api/me/preferences`, { data: { lang: 'en-US' }, headers: { origin } })).status()).toBe(200);
  }, 120_000);
});

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

/** The page does not scroll sideways: no German word pushes the layout out of the screen. */
async function expectNoOverflow(page: Page, where: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect({ where, overflow }).toEqual({ where, overflow: 0 });
}

async function expectText(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor();
}
