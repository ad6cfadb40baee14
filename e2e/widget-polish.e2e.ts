import { browserSuite, logIn, screenshot } from './support';

const DESKTOP = [1366, 800] as const;
const PHONE = [390, 844] as const;

/**
 * The widget's look and its edges: the shell's font, "Leave a message" on the launcher while no operator is
 * online, and a close button once the chat has ended (the next open starts afresh).
 */
describe('the widget: font, offline launcher, closing an ended chat', () => {
  const suite = browserSuite();

  test('offline, the launcher says "Leave a message"; the widget uses the shell\'s font stack', async () => {
    const visitor = await suite.newPage(...DESKTOP);
    await visitor.goto('/');
    const label = visitor.locator('lc-livechat .lc-label');
    await label.waitFor();
    expect(await label.textContent()).toBe('Leave a message');
    expect(await visitor.getByRole('button', { name: 'Open chat: Leave a message' }).count()).toBe(1);
    await screenshot(visitor, 'widget-offline-launcher-desktop');
    await visitor.setViewportSize({ width: PHONE[0], height: PHONE[1] });
    await screenshot(visitor, 'widget-offline-launcher-phone');
    await visitor.getByRole('button', { name: /Open chat/ }).click();
    await visitor.getByText('None of our operators are available right now.', { exact: false }).waitFor();
    const widgetFont = await visitor.locator('lc-livechat .lc').evaluate((e) => getComputedStyle(e).fontFamily);

    const operator = await suite.newPage(...DESKTOP);
    await logIn(operator, 'marc', 'demo');
    const shellFont = await operator.locator('body').evaluate((e) => getComputedStyle(e).fontFamily);
    const norm = (f: string) => f.replace(/["']/g, '').replace(/\s*,\s*/g, ',');
    expect(norm(widgetFont)).toBe(norm(shellFont));
    expect(norm(widgetFont).startsWith('-apple-system,')).toBe(true);
  });

  test('an ended chat has a close button: the window goes, the launcher starts a new chat', async () => {
    const operator = await suite.newPage(...DESKTOP);
    await logIn(operator, 'marc', 'demo');
    await operator.goto('/web/livechat/channels');
    const card = operator.locator('.lc-channel-card', { hasText: 'Website' });
    await card.getByRole('button', { name: 'Join' }).click();
    await card.getByRole('button', { name: 'Leave' }).waitFor();

    const visitor = await suite.newPage(...PHONE);
    await visitor.goto('/');
    expect(await visitor.locator('lc-livechat .lc-label').textContent()).toBe('Chat with us');
    await visitor.getByRole('button', { name: 'Open chat: Chat with us' }).click();
    const composer = visitor.getByRole('textbox', { name: 'Message' });
    await composer.fill('Do you deliver to Lyon?');
    await composer.press('Enter');
    const messages = visitor.getByRole('log', { name: 'Messages' });
    // Before the end there is no close button, only "End conversation".
    await visitor.getByRole('button', { name: 'End conversation' }).waitFor();
    expect(await visitor.getByRole('button', { name: 'Close chat' }).isVisible()).toBe(false);
    await visitor.getByRole('button', { name: 'End conversation' }).click();
    await visitor.getByRole('button', { name: 'End', exact: true }).click();
    const close = visitor.getByRole('button', { name: 'Close chat' });
    await close.waitFor();
    await screenshot(visitor, 'widget-ended-close-phone');
    await visitor.setViewportSize({ width: DESKTOP[0], height: DESKTOP[1] });
    await screenshot(visitor, 'widget-ended-close-desktop');

    await close.click();
    await visitor.getByRole('dialog').waitFor({ state: 'hidden' });
    const openChat = visitor.getByRole('button', { name: 'Open chat: Chat with us' });
    await openChat.waitFor();
    // A reload keeps it closed, and opening starts a fresh chat: the welcome, not the old messages.
    await visitor.reload();
    await openChat.click();
    await composer.waitFor();
    await messages.getByText('Hello! How can we help you today?').waitFor();
    expect(await messages.getByText('Do you deliver to Lyon?').count()).toBe(0);
    expect(await visitor.getByText('Conversation ended').count()).toBe(0);
  });
});
