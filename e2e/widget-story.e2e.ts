import { browserSuite, logIn, screenshot } from './support';

/**
 * The whole story with the real widget: an operator joins the channel from the kanban; a visitor on the
 * demo website opens the widget (no session yet: nothing pops up for the operator, the kanban counts
 * none) and writes; the operator's chat window opens with the welcome the visitor saw and the message;
 * the operator answers from it; the visitor sees the Online Chat Name and the answer.
 */
/** The demo channel's welcome message (demo-data.ts). */
const WELCOME = 'Hello! How can we help you today?';

describe('live chat: a visitor on the website and an operator in the shell', () => {
  const suite = browserSuite();

  test('visitor writes through the widget, operator answers, visitor sees the Online Chat Name and the answer', async () => {
    const operator = await suite.newPage();
    await logIn(operator, 'marc', 'demo');
    await operator.goto('/web/livechat/channels');
    const card = operator.locator('.lc-channel-card', { hasText: 'Website' });
    await card.getByRole('button', { name: 'Join' }).click();
    await card.getByRole('button', { name: 'Leave' }).waitFor();

    // The visitor speaks French; the site root is the demo website with the widget embedded.
    const visitor = await suite.newPage(1280, 800, { locale: 'fr-FR' });
    await visitor.goto('/');
    const openChat = visitor.getByRole('button', { name: /Ouvrir le chat/ }); // the widget speaks the visitor's French
    await openChat.click();
    const composer = visitor.getByRole('textbox', { name: 'Message' });
    await composer.waitFor();
    const messages = visitor.getByRole('log', { name: 'Messages' });
    await messages.getByText(WELCOME).waitFor();

    // Opening the widget is no session: the operator gets no window and the kanban counts none.
    await operator.waitForTimeout(1500); // what a session start would have pushed has had time to arrive
    expect(await operator.locator('lc-chat-window').count()).toBe(0);
    await operator.reload();
    await card.locator('.lc-cc-sessions', { hasText: '0 Sessions' }).waitFor();

    await composer.fill('<b>Bonjour</b>, avez-vous ce canapé en bleu ?');
    await composer.press('Enter');

    // The first message starts it: the window opens by itself, the welcome the visitor saw first, then the message.
    const window = operator.locator('lc-chat-window', { hasText: 'avez-vous ce canapé en bleu' });
    await window.waitFor();
    const bubbles = window.locator('.lc-msg-bubble');
    await bubbles.filter({ hasText: WELCOME }).waitFor();
    expect(await bubbles.first().textContent()).toContain(WELCOME);
    await operator.reload();
    await card.locator('.lc-cc-sessions', { hasText: '1 Session' }).waitFor();
    // In another app, the operator answers from the window.
    await operator.goto('/web/profile');
    await window.waitFor();
    await window.getByRole('textbox').fill('Oui, en bleu nuit et en bleu ciel.');
    await window.getByRole('textbox').press('Enter');

    await messages.getByText('Oui, en bleu nuit et en bleu ciel.').waitFor();
    expect(await messages.getByText(WELCOME).count()).toBe(1); // the stored welcome replaced the local copy
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
  });
});
