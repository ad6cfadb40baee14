import type { Locator, Page } from 'playwright-core';
import { browserSuite, logIn, screenshot } from './support';

const SWITCHED_OFF = 'Live chat has been switched off on this website: this conversation has ended.';

/**
 * Module lifecycle as an admin lives it: Apps asks before disabling and says what stops; the shells
 * already open elsewhere follow at once, without a reload (menus, home icons, systray, dock, the page
 * shown); a live chat in progress ends cleanly for the visitor and the operator; enabling brings it all
 * back with the history.
 */
describe('modules switched at run time', () => {
  const suite = browserSuite();

  test('an admin disables Live Chat, then Discuss; an operator\'s open shell follows at once, and back again', async () => {
    const operator = await suite.newPage(1366, 800);
    await logIn(operator, 'marc', 'demo');
    await operator.goto('/web/livechat/channels');
    const card = operator.locator('.lc-channel-card', { hasText: 'Website' });
    await card.getByRole('button', { name: 'Join' }).click();
    await card.getByRole('button', { name: 'Leave' }).waitFor();
    await markLoaded(operator);

    // A visitor on the demo website chats through the real widget; the operator's chat window opens.
    const visitor = await suite.newPage(1366, 800);
    await visitor.goto('/');
    await visitor.getByRole('button', { name: /Open chat/ }).click();
    await visitor.getByRole('textbox', { name: 'Message' }).fill('Is the blue sofa in stock?');
    await visitor.getByRole('textbox', { name: 'Message' }).press('Enter');
    const chatWindow = operator.locator('lc-chat-window', { hasText: 'Is the blue sofa in stock?' });
    await chatWindow.waitFor();

    // Apps: base has no Disable at all, Discuss says who needs it, Live Chat asks first.
    const admin = await suite.newPage(1366, 800);
    await logIn(admin);
    await admin.goto('/web/apps');
    const baseCard = appCard(admin, 'base');
    await expectText(baseCard.locator('.lc-app-actions'), 'Always enabled');
    expect(await baseCard.getByRole('button').count()).toBe(0);
    await expectText(appCard(admin, 'discuss').locator('.lc-app-needed-by'), 'Live Chat');
    expect(await appCard(admin, 'discuss').getByRole('button', { name: 'Disable' }).count()).toBe(0);

    await appCard(admin, 'livechat').getByRole('button', { name: 'Disable' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Disable Live Chat' });
    await expectText(dialog, '1 live chat in progress will end');
    await expectText(dialog, 'The chat button disappears from every website that embeds it');
    await screenshot(admin, 'lifecycle-confirm-disable');
    await dialog.getByRole('button', { name: 'Disable' }).click();
    await appCard(admin, 'livechat').getByRole('button', { name: 'Enable' }).waitFor();

    // The operator's shell, untouched: the Live Chat page becomes "not enabled", its menu leaves the
    // navbar and the home screen, and the chat ended with a clear message. Nothing says "In progress".
    await operator.getByRole('heading', { name: 'This app is not enabled' }).waitFor();
    await operator.locator('.lc-navbar-app').waitFor({ state: 'detached' });
    await expectText(chatWindow.locator('.lc-msg-system'), SWITCHED_OFF);
    await expectText(chatWindow.locator('.lc-thread-ended'), 'This conversation has ended');
    expect(await chatWindow.locator('lc-composer textarea').isDisabled()).toBe(true);
    await screenshot(operator, 'lifecycle-operator-livechat-off');
    await operator.locator('.lc-navbar-home').click();
    await operator.locator('.lc-home-app', { hasText: 'Discuss' }).waitFor();
    expect(await homeApps(operator)).not.toContain('Live Chat');

    // The visitor reads why the chat ended.
    await visitor.getByRole('log', { name: 'Messages' }).getByText(SWITCHED_OFF).waitFor();
    await screenshot(visitor, 'lifecycle-visitor-livechat-off');

    // Discuss next (after Canned Responses, which needs it): the systray's messages and the dock go.
    await disable(admin, 'canned_responses', 'Canned Responses');
    await disable(admin, 'discuss', 'Discuss');
    await operator.locator('lc-messaging-menu').waitFor({ state: 'detached' });
    await operator.locator('lc-chat-dock').waitFor({ state: 'detached' });
    await operator.locator('.lc-home-app', { hasText: 'Discuss' }).waitFor({ state: 'detached' });
    await screenshot(operator, 'lifecycle-operator-discuss-off');

    // Enabling Live Chat enables Discuss too: menus, systray and dock are back, with the history.
    await appCard(admin, 'livechat').getByRole('button', { name: 'Enable' }).click();
    await appCard(admin, 'discuss').locator('.lc-app-needed-by').waitFor();
    await operator.locator('.lc-home-app', { hasText: 'Live Chat' }).waitFor();
    await operator.locator('lc-messaging-menu').waitFor();
    await operator.locator('lc-chat-dock').waitFor();
    await operator.locator('.lc-home-app', { hasText: 'Discuss' }).click();
    const ended = operator.locator('.lc-ds-category[data-category="livechat"] .lc-ds-row.ended').first();
    await ended.click();
    await expectText(operator.locator('.lc-discuss-main .lc-msg-bubble'), 'Is the blue sofa in stock?');
    await expectText(operator.locator('.lc-discuss-main .lc-msg-system'), SWITCHED_OFF);
    await screenshot(operator, 'lifecycle-operator-back');
    expect(await stillLoaded(operator)).toBe(true);
  }, 120_000);

  test('on a phone: the confirmation, and the page of a module disabled meanwhile', async () => {
    const operator = await suite.newPage(390, 844);
    await logIn(operator, 'marc', 'demo');
    await operator.goto('/web/livechat/channels');
    await operator.locator('.lc-channel-card').first().waitFor();
    await markLoaded(operator);

    const admin = await suite.newPage(390, 844);
    await logIn(admin);
    await admin.goto('/web/apps');
    await appCard(admin, 'livechat').getByRole('button', { name: 'Disable' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Disable Live Chat' });
    await expectText(dialog, 'The chat button disappears');
    await screenshot(admin, 'lifecycle-confirm-disable-phone');
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await dialog.getByRole('button', { name: 'Disable' }).click();

    await operator.getByRole('heading', { name: 'This app is not enabled' }).waitFor();
    await screenshot(operator, 'lifecycle-operator-livechat-off-phone');
    await appCard(admin, 'livechat').getByRole('button', { name: 'Enable' }).click();
    await operator.locator('.lc-channel-card').first().waitFor(); // the page itself again, same URL
    expect(new URL(operator.url()).pathname).toBe('/web/livechat/channels');
    await screenshot(admin, 'lifecycle-apps-phone');
    expect(await stillLoaded(operator)).toBe(true);
  }, 90_000);
});

function appCard(page: Page, module: string): Locator {
  return page.locator(`.lc-app-card[data-module="${module}"]`);
}

/** Disables a module from Apps, through its confirmation. */
async function disable(admin: Page, module: string, label: string): Promise<void> {
  await appCard(admin, module).getByRole('button', { name: 'Disable' }).click();
  await admin.getByRole('dialog', { name: `Disable ${label}` }).getByRole('button', { name: 'Disable' }).click();
  await appCard(admin, module).getByRole('button', { name: 'Enable' }).waitFor();
}

async function homeApps(page: Page): Promise<string[]> {
  return page.locator('.lc-home-caption').allTextContents();
}

/** A mark in the page's JS state: still there later means the page was never reloaded. */
async function markLoaded(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { lcNotReloaded: boolean }).lcNotReloaded = true));
}

async function stillLoaded(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { lcNotReloaded?: boolean }).lcNotReloaded === true);
}

async function expectText(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor();
}
