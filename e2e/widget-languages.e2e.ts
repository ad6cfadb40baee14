import type { Locator, Page } from 'playwright-core';
import { browserSuite, logIn, screenshot } from './support';

const DESKTOP = [1366, 800] as const;
const PHONE = [390, 844] as const;
const DEFAULT_WELCOME = 'Hello! How can we help you today?';
const FRENCH_WELCOME = 'Bonjour ! Que pouvons-nous faire pour vous ?';

/**
 * DESIGN "Languages of the interface": the widget speaks the visitor's browser language, from the launcher to
 * the rating, with the channel's own texts in that language when the manager wrote them (the channel form's
 * language tabs); what the visitor's actions post reads in English for an English operator.
 */
describe('the widget in the visitor\'s language', () => {
  const suite = browserSuite();

  test('a manager writes the French texts; a French visitor chats and rates in French, an English one reads the defaults', async () => {
    // The manager gives the Website channel a French button text and welcome in its form; the preview speaks French.
    const manager = await suite.newPage(...DESKTOP);
    await logIn(manager, 'sofia', 'demo');
    await manager.goto('/web/livechat/channels/1');
    await expectValue(manager.getByLabel('Channel Name'), 'Website');
    await manager.getByRole('tab', { name: 'Français' }).click();
    await expectValue(manager.getByLabel('Button text', { exact: true }), '');
    await manager.getByLabel('Button text', { exact: true }).fill('Une question ?');
    await manager.getByLabel('Welcome message').fill(FRENCH_WELCOME);
    const preview = manager.locator('lc-widget-preview');
    await preview.locator('.lc-wp-launcher .lc-label', { hasText: 'Une question ?' }).waitFor();
    await preview.locator('.lc-wp-window .lc-body', { hasText: FRENCH_WELCOME }).waitFor();
    await preview.locator('.lc-wp-window textarea[placeholder="Écrivez votre message…"]').waitFor();
    await screenshot(manager, 'widget-languages-channel-form-fr');
    await manager.getByRole('tab', { name: 'English' }).click();
    await expectValue(manager.getByLabel('Button text', { exact: true }), 'Chat with us');
    await preview.locator('.lc-wp-window textarea[placeholder="Type a message…"]').waitFor();
    await manager.setViewportSize({ width: PHONE[0], height: PHONE[1] });
    await manager.getByRole('tab', { name: '中文' }).scrollIntoViewIfNeeded();
    await screenshot(manager, 'widget-languages-channel-form-phone');
    await manager.setViewportSize({ width: DESKTOP[0], height: DESKTOP[1] });
    await manager.getByRole('button', { name: 'Save' }).click();
    await manager.waitForURL('**/web/livechat/channels');

    const operator = await joinWebsite(suite.newPage.bind(suite));

    // The French visitor, on a phone: every screen in French, the channel's French texts.
    const visitor = await suite.newPage(...PHONE, { locale: 'fr-FR' });
    await visitor.goto('/');
    await visitor.getByRole('button', { name: 'Ouvrir le chat : Une question ?' }).waitFor();
    await screenshot(visitor, 'widget-languages-fr-launcher-phone');
    await visitor.getByRole('button', { name: /Ouvrir le chat/ }).click();
    const messages = visitor.getByRole('log', { name: 'Messages' });
    await messages.getByText(FRENCH_WELCOME).waitFor();
    const composer = visitor.getByRole('textbox', { name: 'Message' });
    await expectAttribute(composer, 'placeholder', 'Écrivez votre message…');
    await composer.fill('Le canapé bleu est-il disponible ?');
    await composer.press('Enter');
    await screenshot(visitor, 'widget-languages-fr-chat-phone');

    const window = operator.locator('lc-chat-window', { hasText: 'Le canapé bleu est-il disponible ?' });
    await window.locator('.lc-msg-bubble', { hasText: FRENCH_WELCOME }).waitFor(); // the welcome the visitor saw
    await window.getByRole('textbox').fill('Oui, il est en stock.');
    await window.getByRole('textbox').press('Enter');
    await messages.getByText('Oui, il est en stock.').waitFor();

    await visitor.getByRole('button', { name: 'Terminer la conversation' }).click();
    await visitor.getByText('Terminer cette conversation ?').waitFor();
    await visitor.getByRole('button', { name: 'Terminer', exact: true }).click();
    await visitor.getByText('Comment s’est passée cette conversation ?').waitFor();
    await messages.getByText('Le visiteur a mis fin à la conversation').waitFor();
    await visitor.getByRole('button', { name: 'Satisfait', exact: true }).click();
    await visitor.getByRole('textbox', { name: 'Commentaire' }).fill('Merci !');
    await screenshot(visitor, 'widget-languages-fr-rating-phone');
    await visitor.setViewportSize({ width: DESKTOP[0], height: DESKTOP[1] });
    await screenshot(visitor, 'widget-languages-fr-rating-desktop');
    await visitor.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await visitor.getByText('Merci pour votre retour !').waitFor();
    await visitor.getByText('Démarrer une nouvelle conversation').waitFor();
    await screenshot(visitor, 'widget-languages-fr-thanks-desktop');

    // What the French visitor's actions posted reads in English for the English operator.
    await window.getByText('The visitor ended the conversation').waitFor();
    await window.getByText(/Rated 😊 Happy: “.Merci !.”/).waitFor();
    expect(await window.getByText('Le visiteur a mis fin à la conversation').count()).toBe(0);
    await screenshot(operator, 'widget-languages-operator-english');

    // An English visitor reads the channel's defaults.
    const english = await suite.newPage(...DESKTOP, { locale: 'en-US' });
    await english.goto('/');
    await english.getByRole('button', { name: 'Open chat: Chat with us' }).click();
    await english.getByRole('log', { name: 'Messages' }).getByText(DEFAULT_WELCOME).waitFor();
    expect(await english.getByText(FRENCH_WELCOME).count()).toBe(0);
    await screenshot(english, 'widget-languages-en-desktop');
  });

  test('a Chinese visitor sees the widget in Chinese from the launcher to the rating, on a phone and a desktop', async () => {
    const operator = await joinWebsite(suite.newPage.bind(suite));
    const visitor = await suite.newPage(...DESKTOP, { locale: 'zh-CN' });
    await visitor.goto('/');
    await visitor.getByRole('button', { name: '打开聊天：Chat with us' }).click(); // no Chinese button text: the channel's default
    const messages = visitor.getByRole('log', { name: '消息' });
    await messages.getByText(DEFAULT_WELCOME).waitFor();
    const composer = visitor.getByRole('textbox', { name: '消息内容' });
    await expectAttribute(composer, 'placeholder', '输入消息…');
    await composer.fill('蓝色沙发有货吗？');
    await composer.press('Enter');
    await screenshot(visitor, 'widget-languages-zh-chat-desktop');

    const window = operator.locator('lc-chat-window', { hasText: '蓝色沙发有货吗？' });
    await window.getByRole('textbox').fill('有货，今天就能发货。');
    await window.getByRole('textbox').press('Enter');
    await messages.getByText('有货，今天就能发货。').waitFor();

    await visitor.getByRole('button', { name: '结束对话' }).click();
    await visitor.getByRole('button', { name: '结束', exact: true }).click();
    await visitor.getByText('您对本次对话满意吗？').waitFor();
    await messages.getByText('访客结束了对话').waitFor();
    await visitor.getByRole('button', { name: '一般', exact: true }).click();
    await visitor.getByRole('textbox', { name: '评论' }).fill('还可以');
    await screenshot(visitor, 'widget-languages-zh-rating-desktop');
    await visitor.setViewportSize({ width: PHONE[0], height: PHONE[1] });
    await screenshot(visitor, 'widget-languages-zh-rating-phone');
    await visitor.getByRole('button', { name: '发送', exact: true }).click();
    await visitor.getByText('感谢您的反馈！').waitFor();
    await expectInside(visitor.locator('lc-livechat .lc-win'), visitor.getByText('开始新的对话'));
    await screenshot(visitor, 'widget-languages-zh-thanks-phone');
    await window.getByText(/Rated 😐 Okay: “.还可以.”/).waitFor();
  });

  test('a German visitor: the leave-a-message form with its checks when nobody is inside, the queue when nobody is free', async () => {
    const admin = await suite.newPage(...DESKTOP);
    await logIn(admin, 'admin', 'admin');
    const empty = await (await admin.request.post('/api/livechat/channels', { data: { name: 'Nachts' } })).json();
    const visitor = await suite.newPage(...PHONE, { locale: 'de-DE' });
    await visitor.goto('/');
    await embedChannel(visitor, empty.id);
    await visitor.getByRole('button', { name: 'Chat öffnen: Nachricht hinterlassen' }).click();
    await visitor.getByText('Im Moment ist leider niemand erreichbar.', { exact: false }).waitFor();
    await visitor.getByRole('button', { name: 'Nachricht senden' }).click();
    await visitor.getByText('Bitte geben Sie Ihre E-Mail-Adresse ein.').waitFor();
    await visitor.getByText('Bitte schreiben Sie eine Nachricht.').waitFor();
    await screenshot(visitor, 'widget-languages-de-offline-phone');
    await visitor.getByRole('textbox', { name: 'E-Mail' }).fill('kim@example.com');
    await visitor.getByRole('textbox', { name: 'Nachricht' }).fill('Bitte rufen Sie mich zurück.');
    await visitor.getByRole('button', { name: 'Nachricht senden' }).click();
    await visitor.getByText('Vielen Dank!').waitFor();
    await screenshot(visitor, 'widget-languages-de-thanks-phone');

    // An operator is inside this one but has never connected (Marc may still count as online from the tests
    // before): the chat starts queued, and says so in German.
    const absent = await (await admin.request.post('/api/users', { data: { login: 'nachtschicht', name: 'Nacht Schicht', password: 'password1', groups: ['livechat_operator'] } })).json();
    const waiting = await (await admin.request.post('/api/livechat/channels', { data: { name: 'Beratung' } })).json();
    expect((await admin.request.patch(`/api/livechat/channels/${waiting.id}`, { data: { operatorIds: [absent.id] } })).status()).toBe(200);
    const queued = await suite.newPage(...PHONE, { locale: 'de-DE' });
    await queued.goto('/');
    await embedChannel(queued, waiting.id);
    await queued.getByRole('button', { name: /Chat öffnen/ }).click();
    await queued.getByRole('textbox', { name: 'Nachricht' }).fill('Ist jemand da?');
    await queued.getByRole('textbox', { name: 'Nachricht' }).press('Enter');
    await queued.getByText('Sie sind Nummer 1 in der Warteschlange').waitFor();
    await queued.getByText('Gleich ist jemand für Sie da').waitFor();
    await expectInside(queued.locator('lc-livechat .lc-win'), queued.getByText('Warten auf einen Mitarbeiter…'));
    await screenshot(queued, 'widget-languages-de-queue-phone');
    await queued.setViewportSize({ width: DESKTOP[0], height: DESKTOP[1] });
    await screenshot(queued, 'widget-languages-de-queue-desktop');
  });
});

/** The demo page embeds channel 1; this replaces its widget with another channel's, as another website would embed it. */
async function embedChannel(page: Page, channelId: number): Promise<void> {
  await page.locator('lc-livechat').first().waitFor({ state: 'attached' });
  await page.evaluate((id) => {
    document.querySelectorAll('lc-livechat').forEach((el) => el.remove());
    delete (window as { __livechatWidget?: unknown }).__livechatWidget;
    const script = document.createElement('script');
    script.src = '/livechat/widget.js';
    script.dataset.channel = String(id);
    document.body.append(script);
  }, channelId);
}

/** Marc (an English operator) inside the Website channel, with the shell open where chat windows pop up. */
async function joinWebsite(newPage: (w?: number, h?: number) => Promise<Page>): Promise<Page> {
  const operator = await newPage(...DESKTOP);
  await logIn(operator, 'marc', 'demo');
  await operator.goto('/web/livechat/channels');
  const card = operator.locator('.lc-channel-card', { hasText: 'Website' });
  await card.getByRole('button', { name: /^(Join|Leave)$/ }).waitFor();
  if (await card.getByRole('button', { name: 'Join' }).count()) await card.getByRole('button', { name: 'Join' }).click();
  await card.getByRole('button', { name: 'Leave' }).waitFor();
  await operator.goto('/web/profile');
  return operator;
}

/** Layout holds: the element is drawn inside the widget's window, not clipped or pushed out of it. */
async function expectInside(container: Locator, element: Locator): Promise<void> {
  await element.waitFor();
  const [outer, inner] = [await container.boundingBox(), await element.boundingBox()];
  expect(outer && inner).toBeTruthy();
  expect(inner!.x).toBeGreaterThanOrEqual(outer!.x);
  expect(inner!.x + inner!.width).toBeLessThanOrEqual(outer!.x + outer!.width + 0.5);
}

/** Waits until the field holds `value` (Playwright's web-first assertions are not loaded here). */
async function expectValue(field: Locator, value: string): Promise<void> {
  await poll(async () => (await field.inputValue()) === value, `value "${value}"`);
}

async function expectAttribute(element: Locator, name: string, value: string): Promise<void> {
  await poll(async () => (await element.getAttribute(name)) === value, `${name}="${value}"`);
}

async function poll(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}`);
}
