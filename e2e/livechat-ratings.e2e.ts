import type { Page } from 'playwright-core';
import { browserSuite, logIn, screenshot } from './support';

const DESKTOP = [1366, 800] as const;
const PHONE = [390, 844] as const;

/**
 * The end of a chat: the visitor rates it in the widget (Odoo's three faces and a comment); the operator
 * sees the rating arrive in the conversation; the manager finds it in Sessions, filters by it, opens the
 * transcript, and reads the channel's satisfaction on its kanban card.
 */
// Known flaky (about one run in two on a loaded 2-core machine): the operator's chat window sometimes does not
// show the visitor's first message after the navigation to My Profile. Retried until the timing is understood.
jest.retryTimes(2, { logErrorsBeforeRetry: true });

describe('live chat: rating a conversation and reading it back', () => {
  const suite = browserSuite();

  test('an ended chat is rated in the widget; the operator and Sessions show it; a manager opens its transcript', async () => {
    const operator = await suite.newPage(...DESKTOP);
    await logIn(operator, 'marc', 'demo');
    await operator.goto('/web/livechat/channels');
    const card = operator.locator('.lc-channel-card', { hasText: 'Website' });
    await card.getByRole('button', { name: /^(Join|Leave)$/ }).waitFor();
    if (await card.getByRole('button', { name: 'Join' }).count()) await card.getByRole('button', { name: 'Join' }).click(); // a retry finds Marc inside already
    await card.getByRole('button', { name: 'Leave' }).waitFor();

    const visitor = await suite.newPage(...PHONE);
    await visitor.goto('/');
    await visitor.getByRole('button', { name: /Open chat/ }).click();
    const composer = visitor.getByRole('textbox', { name: 'Message' });
    await composer.fill('Is the blue sofa in stock?');
    await composer.press('Enter');

    await operator.goto('/web/profile');
    const window = operator.locator('lc-chat-window', { hasText: 'Is the blue sofa in stock?' });
    await window.getByRole('textbox').fill('Yes, ready to ship.');
    await window.getByRole('textbox').press('Enter');
    await visitor.getByRole('log', { name: 'Messages' }).getByText('Yes, ready to ship.').waitFor();

    // The visitor ends the chat; the end screen asks for a rating.
    await visitor.getByRole('button', { name: 'End conversation' }).click();
    await visitor.getByRole('button', { name: 'End', exact: true }).click();
    await visitor.getByText('How was this conversation?').waitFor();
    await visitor.getByRole('button', { name: 'Happy', exact: true }).click();
    await visitor.getByRole('textbox', { name: 'Comment' }).fill('thanks!');
    await screenshot(visitor, 'rating-widget-ask-phone');
    await visitor.setViewportSize({ width: DESKTOP[0], height: DESKTOP[1] });
    await screenshot(visitor, 'rating-widget-ask-desktop');
    await visitor.getByRole('button', { name: 'Send' }).click();
    await visitor.getByText('Thank you for your feedback!').waitFor();
    expect(await visitor.getByText('How was this conversation?').isVisible()).toBe(false);
    await screenshot(visitor, 'rating-widget-thanks-desktop');

    // The operator reads it in the chat window.
    await window.getByText(/Rated 😊 Happy: “.thanks!.”/).waitFor();
    await screenshot(operator, 'rating-operator-chat-window');

    // The manager: the channel's satisfaction, the session's rating, the filter, the transcript.
    const manager = await suite.newPage(...DESKTOP);
    await logIn(manager, 'sofia', 'demo');
    await manager.goto('/web/livechat/channels');
    await manager.locator('.lc-channel-card', { hasText: 'Website' }).locator('[data-field="satisfaction"]', { hasText: '100% happy' }).waitFor();
    await screenshot(manager, 'rating-channels-desktop');
    await manager.goto('/web/livechat/sessions');
    const row = manager.locator('tr[data-session-id]', { hasText: '😊 Happy' }).first();
    await row.waitFor();
    await manager.getByLabel('Rating').selectOption('1');
    await manager.waitForURL('**/livechat/sessions?rating=1');
    await row.waitFor({ state: 'detached' });
    await manager.getByLabel('Rating').selectOption('5');
    await row.waitFor();
    await screenshot(manager, 'rating-sessions-desktop');
    await row.click();
    await manager.waitForURL(/\/livechat\/sessions\/\d+$/);
    await expectTranscript(manager);
    await screenshot(manager, 'transcript-desktop');
    await manager.setViewportSize({ width: PHONE[0], height: PHONE[1] });
    await screenshot(manager, 'transcript-phone');
    await manager.goBack();
    await row.waitFor();
    await screenshot(manager, 'rating-sessions-phone');
    await manager.goto('/web/livechat/channels');
    await manager.locator('[data-field="satisfaction"]').first().waitFor();
    await screenshot(manager, 'rating-channels-phone');

    // The operator reaches the same transcript from the conversation's visitor panel in Discuss.
    const conversationId = (await (await operator.request.get('/api/discuss/conversations')).json()).find((c: { kind: string; name: string }) => c.kind === 'livechat')?.id;
    await operator.goto(`/web/discuss/${conversationId}`);
    await operator.locator('[data-field="rating"]', { hasText: '😊 Happy' }).waitFor();
    await screenshot(operator, 'rating-visitor-panel-desktop');
    await operator.getByRole('link', { name: 'Transcript' }).click();
    await expectTranscript(operator);
  });

  test('a manager reads an offline message as a conversation of one message', async () => {
    const left = await (await fetch(`${suite.server.url}/api/livechat/channels/1/offline-messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Ada', email: 'ada@example.com', body: 'Please call me back tomorrow.' }) })).json();
    const manager = await suite.newPage(...DESKTOP);
    await logIn(manager, 'sofia', 'demo');
    await manager.goto('/web/livechat/sessions');
    await manager.locator(`tr[data-session-id="${left.id}"]`).click();
    await manager.locator('.lc-tr-message', { hasText: 'Please call me back tomorrow.' }).waitFor();
    await manager.locator('lc-session-panel').getByText('Offline message', { exact: true }).waitFor();
    expect(await manager.locator('lc-session-panel [data-field="rating"]').count()).toBe(0);
    expect(await manager.locator('.lc-tr-message').count()).toBe(1);
    await screenshot(manager, 'transcript-offline-desktop');
  });
});

async function expectTranscript(page: Page): Promise<void> {
  const messages = page.getByRole('region', { name: 'Transcript' });
  await messages.getByText('Is the blue sofa in stock?').waitFor();
  await messages.getByText('Yes, ready to ship.').waitFor();
  await messages.getByText(/Rated 😊 Happy/).waitFor();
  const details = page.locator('lc-session-panel');
  await details.locator('[data-field="rating"]', { hasText: 'Happy' }).waitFor();
  await details.getByText('thanks!').waitFor();
}
