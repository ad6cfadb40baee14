import type { Locator, Page } from 'playwright-core';
import { logIn, screenshot, browserSuite, startVisitorSession, visitorSays, type VisitorSession } from './support';

/**
 * An operator's day (Odoo's "Participate in live chat"): join the channel from the kanban, work elsewhere,
 * a visitor writes, a chat window opens by itself at the bottom right and stays across navigation and
 * reloads; Discuss lists the chat in bold under LIVECHAT until it is opened; a reply from Discuss shows
 * in the chat window and reaches the visitor.
 */
describe('live chat: an operator answers a visitor', () => {
  // As behind a CDN that tells the visitor's country (the test's requests come from a trusted loopback peer).
  const suite = browserSuite({ env: { COUNTRY_HEADER: 'CF-IPCountry' } });
  let page: Page;

  beforeEach(async () => {
    page = await suite.newPage();
  });

  test('the chat window opens by itself, survives navigation and reload, and Discuss answers the visitor', async () => {
    await logIn(page, 'marc', 'demo');

    // Live Chat → Channels: join "Website" (grey Join becomes the brand-coloured Leave).
    await page.goto('/web/livechat/channels');
    const card = page.locator('.lc-channel-card', { hasText: 'Website' });
    await card.getByRole('button', { name: 'Join' }).click();
    await card.getByRole('button', { name: 'Leave' }).waitFor();
    await card.locator('lc-user-avatar[title="Marc Demo"]').waitFor();
    await screenshot(page, 'livechat-channels');

    // Work elsewhere: My Profile.
    await page.goto('/web/profile');
    await page.locator('.lc-profile-head').waitFor();

    // A French-speaking visitor starts a chat on the website and writes.
    const visitor = await startVisitorSession(suite.server.url, 'Camille', 'fr-FR,fr;q=0.9,en;q=0.5', 'https://example.com/pricing');
    expect(visitor.status).toBe('active');
    expect(visitor.operator?.name).toBe('Marc'); // the demo operator's Online Chat Name
    await visitorSays(suite.server.url, visitor, 'Bonjour ! Le plan Pro inclut-il le support téléphonique ?');

    // The window opens by itself, bottom right, with the message and the visitor's details.
    const window = chatWindow(page, visitor.conversationId);
    await expectText(window.locator('.lc-msg-bubble').last(), 'Le plan Pro inclut-il');
    await expectText(window.locator('.lc-thread-banner'), 'French (France)'); // the language by its name in Marc's English, not the code
    await expectText(window.locator('.lc-cw-counter'), '1'); // opened by itself: unread until the operator looks
    const box = (await window.boundingBox())!;
    expect(Math.round(box.x + box.width)).toBeGreaterThanOrEqual(1280 - 12);
    expect(Math.round(box.y + box.height)).toBe(800);
    expect(Math.round(box.width)).toBe(360);

    // A second visitor: two windows side by side, 10 px apart.
    const second = await startVisitorSession(suite.server.url, 'Jonas', 'de-DE,de;q=0.9', 'https://example.com/contact');
    await visitorSays(suite.server.url, second, 'Hallo, ist jemand da?');
    const secondWindow = chatWindow(page, second.conversationId);
    await expectText(secondWindow.locator('.lc-msg-bubble').last(), 'Hallo');
    await screenshot(page, 'dock-windows');
    const [first, next] = [(await window.boundingBox())!, (await secondWindow.boundingBox())!];
    expect(Math.abs(Math.abs(first.x - next.x) - 370)).toBeLessThanOrEqual(1);

    // Fold the second one: only its 48 px header stays.
    await secondWindow.getByRole('button', { name: 'Fold' }).click();
    await secondWindow.locator('lc-thread').waitFor({ state: 'detached' });
    expect(Math.round((await secondWindow.boundingBox())!.height)).toBe(48);
    await screenshot(page, 'dock-folded');

    // It stays across navigation (home screen, Live Chat) and a reload, folded state included.
    await page.locator('.lc-navbar-home').click();
    await page.locator('.lc-home-app').first().waitFor();
    await expectText(window.locator('.lc-msg-bubble').last(), 'Le plan Pro inclut-il');
    await page.reload();
    await page.locator('.lc-home-app').first().waitFor();
    await expectText(window.locator('.lc-msg-bubble').last(), 'Le plan Pro inclut-il');
    expect(Math.round((await chatWindow(page, second.conversationId).boundingBox())!.height)).toBe(48);

    // Unfolding a window and clicking into it reads it: its counter goes.
    await secondWindow.locator('.lc-cw-header').click();
    await secondWindow.locator('lc-message-list').click();
    await secondWindow.locator('.lc-cw-counter').waitFor({ state: 'detached' });
    await expectText(page.getByTestId('messaging-counter'), '1');
    await secondWindow.getByRole('button', { name: 'Fold' }).click();

    // The systray's messaging menu lists both live chats, Camille's still unread.
    await page.getByRole('button', { name: 'Messages', exact: true }).click();
    const menu = page.locator('.lc-messaging-menu');
    await menu.getByRole('tab', { name: 'Livechat' }).click();
    await expectText(menu.locator('.lc-mm-row.unread', { hasText: 'Camille' }), 'Le plan Pro');
    await expectText(menu.locator('.lc-mm-row:not(.unread)'), 'Jonas');
    await screenshot(page, 'systray-messaging-menu');
    await page.keyboard.press('Escape');

    // Discuss: Camille's chat is in bold under LIVECHAT, and no longer once opened.
    await page.goto('/web/discuss');
    const livechat = page.locator('.lc-ds-category[data-category="livechat"]');
    expect(await livechat.locator('.lc-ds-heading-label').innerText()).toBe('LIVECHAT'); // small uppercase heading
    const row = livechat.locator(`.lc-ds-row[data-conversation-id="${visitor.conversationId}"]`);
    await row.and(page.locator('.unread')).waitFor();
    expect(await fontWeight(row.locator('.lc-ds-name'))).toBeGreaterThanOrEqual(700);
    await row.click();
    await page.waitForURL(`**/web/discuss/${visitor.conversationId}`);
    await page.locator(`.lc-ds-row.active[data-conversation-id="${visitor.conversationId}"]:not(.unread)`).waitFor();
    expect(await fontWeight(row.locator('.lc-ds-name'))).toBeLessThan(700);
    await expectText(page.locator('lc-visitor-panel [data-field="page"]'), 'https://example.com/pricing');
    await expectText(page.locator('lc-visitor-panel [data-field="reason"]'), 'fr-FR');
    // The visitor: the language by its name, the same neutral visitor avatar in the panel, the sidebar and the thread.
    await expectText(page.locator('lc-visitor-panel [data-field="language"]'), 'French (France)');
    await expectText(page.locator('lc-visitor-panel [data-field="country"]'), 'France');
    expect(await page.locator('lc-visitor-panel .lc-avatar-visitor').count()).toBe(1);
    expect(await row.locator('.lc-avatar-visitor').count()).toBe(1);
    await page.locator('.lc-discuss-main .lc-msg-group[data-author-kind="visitor"] .lc-avatar-visitor').first().waitFor();
    await screenshot(page, 'livechat-discuss-visitor-desktop');

    // Reply from Discuss.
    const composer = page.locator('.lc-discuss-main').getByRole('textbox', { name: 'Message Camille…' });
    await composer.fill('Bonjour Camille, oui : le support téléphonique est inclus dans le plan Pro.');
    await composer.press('Enter');
    await page.locator('.lc-discuss-main .lc-msg:not(.pending)', { hasText: 'support téléphonique est inclus' }).waitFor();
    await screenshot(page, 'discuss-livechat');

    // The chat window shows the reply (the same store), on any other page.
    await page.goto('/web/livechat/channels');
    await expectText(chatWindow(page, visitor.conversationId).locator('.lc-msg-group.mine').last(), 'support téléphonique est inclus');

    // And the visitor has it, signed with the Online Chat Name.
    const messages = await visitorMessages(suite.server.url, visitor);
    const reply = messages.find((m) => m.body.includes('support téléphonique est inclus'));
    expect(reply?.author).toEqual(expect.objectContaining({ kind: 'user', name: 'Marc' }));
    expect(messages.filter((m) => m.body === reply?.body)).toHaveLength(1); // sent once

    // The operator ends the chat from the window's menu: the composer is disabled, the visitor can no longer write.
    const camille = chatWindow(page, visitor.conversationId);
    await camille.getByRole('button', { name: 'Actions' }).click();
    await camille.getByRole('button', { name: 'End conversation' }).click();
    await expectText(camille.locator('.lc-thread-ended'), 'This conversation has ended');
    await expectText(camille.locator('.lc-msg-system'), 'ended the conversation');
    expect(await camille.locator('lc-composer textarea').isDisabled()).toBe(true);
    await screenshot(page, 'dock-ended');
    const late = await fetch(`${suite.server.url}/api/livechat/sessions/${visitor.sessionId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-visitor-token': visitor.visitorToken },
      body: JSON.stringify({ body: 'Encore une question' }),
    });
    expect(late.status).toBe(409);
  }, 120_000);
});

async function visitorMessages(baseUrl: string, session: VisitorSession): Promise<Array<{ body: string; author: { kind: string; name: string } }>> {
  const response = await fetch(`${baseUrl}/api/livechat/sessions/${session.sessionId}/messages`, { headers: { 'x-visitor-token': session.visitorToken } });
  expect(response.status).toBe(200);
  return response.json();
}

function chatWindow(page: Page, conversationId: number): Locator {
  return page.locator(`lc-chat-window[data-conversation-id="${conversationId}"]`);
}

async function fontWeight(locator: Locator): Promise<number> {
  return Number(await locator.evaluate((el) => getComputedStyle(el).fontWeight));
}

async function expectText(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor();
}
