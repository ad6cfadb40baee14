import type { Browser, Page } from 'playwright-core';
import { launchBrowser, logIn, screenshot, startServer, type RunningServer } from './support';

/**
 * The whole story with the real widget: an operator joins the channel from the kanban; a visitor on the
 * demo website opens the widget and writes; the operator answers from the chat window; the visitor sees
 * the Online Chat Name and the answer.
 */
describe('live chat: a visitor on the website and an operator in the shell', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('visitor writes through the widget, operator answers, visitor sees the Online Chat Name and the answer', async () => {
    const operatorContext = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } });
    const operator = await operatorContext.newPage();
    await logIn(operator, 'marc', 'demo');
    await operator.goto('/web/livechat/channels');
    const card = operator.locator('.lc-channel-card', { hasText: 'Website' });
    await card.getByRole('button', { name: 'Join' }).click();
    await card.getByRole('button', { name: 'Leave' }).waitFor();

    // The visitor speaks French; the site root is the demo website with the widget embedded.
    const visitorContext = await browser.newContext({ baseURL: server.url, locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    const visitor = await visitorContext.newPage();
    await visitor.goto('/');
    const openChat = visitor.getByRole('button', { name: /Open chat/ });
    await openChat.click();
    const composer = visitor.getByRole('textbox', { name: 'Message' });
    await composer.fill('<b>Bonjour</b>, avez-vous ce canapé en bleu ?');
    await composer.press('Enter');

    // The operator, in another app, gets the chat window and answers there.
    await operator.goto('/web/profile');
    const window = operator.locator('lc-chat-window', { hasText: 'avez-vous ce canapé en bleu' });
    await window.waitFor();
    await window.getByRole('textbox').fill('Oui, en bleu nuit et en bleu ciel.');
    await window.getByRole('textbox').press('Enter');

    const messages = visitor.getByRole('log', { name: 'Messages' });
    await messages.getByText('Oui, en bleu nuit et en bleu ciel.').waitFor();
    await visitor.getByText('Marc', { exact: true }).first().waitFor(); // the Online Chat Name, not "Marc Demo"
    expect(await visitor.getByText('Marc Demo').count()).toBe(0);
    // HTML typed by the visitor stays text on both sides.
    await messages.getByText('<b>Bonjour</b>, avez-vous ce canapé en bleu ?').waitFor();
    await window.getByText('<b>Bonjour</b>, avez-vous ce canapé en bleu ?').waitFor();
    await screenshot(visitor, 'widget-story-visitor');
    await screenshot(operator, 'widget-story-operator');

    // The conversation survives a reload of the website.
    await visitor.reload();
    await visitor.getByRole('log', { name: 'Messages' }).getByText('Oui, en bleu nuit et en bleu ciel.').waitFor();
    await shutdown(visitor, operator);
  });
});

async function shutdown(...pages: Page[]): Promise<void> {
  for (const page of pages) await page.context().close();
}
