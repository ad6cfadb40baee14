import type { Locator, Page } from 'playwright-core';
import { browserSuite, logIn, screenshot } from './support';

/**
 * Teamwork with the real widget: Marc transfers a visitor from his chat window to Sofia (the visitor reads
 * her Online Chat Name), Marc asks for help and Sofia joins from the messaging menu or from Discuss on her
 * phone, Marc blocks an abusive visitor (whose widget then says "Chat is not available") and a manager
 * lifts the block. Desktop 1366 × 800 and phone 390 × 844.
 */
describe('live chat: operators working together', () => {
  const suite = browserSuite();
  const DESKTOP = [1366, 800] as const;
  const PHONE = [390, 844] as const;

  /** Signed in, inside the Website channel (through the API: the kanban's Join is another test's). */
  async function operator(login: 'marc' | 'sofia', [width, height]: readonly [number, number] = DESKTOP): Promise<Page> {
    const page = await suite.newPage(width, height);
    await logIn(page, login, 'demo');
    if (login === 'sofia') expect((await page.request.patch('/api/me/preferences', { data: { livechatUsername: 'Sofia' } })).status()).toBe(200);
    expect((await page.request.post('/api/livechat/channels/1/join')).status()).toBe(200);
    return page;
  }

  /** A visitor on the demo website who writes a first message through the widget. */
  async function visitorWrites(text: string, [width, height]: readonly [number, number] = DESKTOP): Promise<{ page: Page; messages: Locator }> {
    const page = await suite.newPage(width, height);
    await page.goto('/');
    await page.getByRole('button', { name: /Open chat/ }).click();
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill(text);
    await composer.press('Enter');
    const messages = page.getByRole('log', { name: 'Messages' });
    await messages.getByText(text).waitFor();
    return { page, messages };
  }

  const windowWith = (page: Page, text: string) => page.locator('lc-chat-window', { hasText: text });
  /** Names inside system messages are isolated (U+2068 … U+2069): a right-to-left name cannot turn the sentence. */
  const isolated = (name: string) => `\u2068${name}\u2069`;

  /** As the admin, through the API. */
  async function asAdmin(method: string, path: string, body: object): Promise<Response> {
    const login = await fetch(`${suite.server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin', password: 'admin' }) });
    const { token } = await login.json();
    return fetch(`${suite.server.url}${path}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  }

  /** Each test starts with nobody inside the channel (the previous test's operators stay online a while). */
  beforeEach(async () => {
    expect((await asAdmin('PATCH', '/api/livechat/channels/1', { operatorIds: [] })).status).toBe(200);
  });

  async function action(window: Locator, name: string): Promise<void> {
    await window.getByRole('button', { name: 'Actions' }).click();
    await window.getByRole('button', { name }).click();
  }

  test('Marc transfers a chat from his window to Sofia: she has it with its history, the visitor reads her name', async () => {
    const marc = await operator('marc');
    const visitor = await visitorWrites('Hello, my invoice is wrong');
    const marcWindow = windowWith(marc, 'my invoice is wrong');
    await marcWindow.waitFor();
    const sofia = await operator('sofia'); // joins after the visitor went to Marc
    expect((await asAdmin('POST', '/api/livechat/channels', { name: 'Billing' })).status).toBe(201);

    await action(marcWindow, 'Transfer to…');
    const dialog = marc.getByRole('dialog', { name: /^Transfer/ });
    await dialog.locator('.lc-tr-row', { hasText: 'Billing' }).getByText('Nobody available: the visitor waits in its queue').waitFor();
    const sofiaRow = dialog.locator('.lc-tr-row', { hasText: 'Sofía García' });
    await sofiaRow.getByText('No chat · English (United States)').waitFor(); // logIn switched Sofía (Spanish) to en-US
    await screenshot(marc, 'teamwork-transfer-dialog');
    await sofiaRow.getByRole('button', { name: 'Transfer' }).click();
    await dialog.waitFor({ state: 'detached' });
    await marcWindow.waitFor({ state: 'detached' }); // he left the conversation
    await marc.getByText('The conversation is now with Sofía García.').waitFor();

    // Sofia's window opens by itself with the whole history.
    const sofiaWindow = windowWith(sofia, 'my invoice is wrong');
    await sofiaWindow.locator('.lc-msg-system', { hasText: `You are now talking with ${isolated('Sofia')}` }).waitFor();
    await screenshot(sofia, 'teamwork-transfer-sofia-window');

    // The visitor reads her Online Chat Name, in the header and in the conversation.
    await visitor.messages.getByText(`You are now talking with ${isolated('Sofia')}`).waitFor();
    await visitor.page.locator('.lc-name', { hasText: /^Sofia$/ }).waitFor();
    await screenshot(visitor.page, 'teamwork-transfer-visitor');
    const reply = visitor.messages.getByText('Let me check your invoice.');
    await sofiaWindow.getByRole('textbox').fill('Let me check your invoice.');
    await sofiaWindow.getByRole('textbox').press('Enter');
    await reply.waitFor();

    // In Discuss, the visitor's details: who transferred it, the pages seen, the language.
    await sofiaWindow.getByRole('button', { name: 'Open in Discuss' }).click();
    await sofia.waitForURL('**/web/discuss/*');
    const panel = sofia.locator('lc-visitor-panel');
    await panel.locator('[data-field="reason"]', { hasText: `Transferred by ${isolated('Marc Demo')}` }).waitFor();
    await panel.locator('[data-field="page"] li').first().waitFor();
    expect(await panel.locator('[data-field="browser"]').innerText()).toMatch(/Chrome/);
    await panel.locator('[data-field="previous-sessions"]', { hasText: 'First chat' }).waitFor();
    await screenshot(sofia, 'teamwork-transfer-discuss-panel');

    // On her phone: the actions in one menu, the visitor's details instead of the thread when asked for.
    const phone = await suite.newPage(...PHONE);
    await logIn(phone, 'sofia', 'demo');
    await phone.goto(new URL(sofia.url()).pathname);
    await phone.locator('.lc-discuss-main').getByText('Let me check your invoice.').waitFor();
    expect(await phone.locator('lc-visitor-panel').count()).toBe(0);
    await phone.getByRole('button', { name: 'Visitor details' }).click();
    await phone.locator('lc-visitor-panel [data-field="reason"]', { hasText: 'Transferred by' }).waitFor();
    await screenshot(phone, 'teamwork-visitor-panel-phone');
    await phone.getByRole('button', { name: 'Visitor details' }).click();
    await phone.locator('.lc-discuss-header').getByRole('button', { name: 'Actions' }).click();
    await screenshot(phone, 'teamwork-actions-phone');
    await phone.locator('.lc-discuss-header').getByRole('button', { name: 'Transfer to…' }).click();
    await phone.getByRole('dialog', { name: /^Transfer/ }).getByText(/Marc Demo/).waitFor();
    await screenshot(phone, 'teamwork-transfer-dialog-phone');
  }, 120_000);

  test('Marc asks for help; Sofia sees it at once and joins from Discuss on her phone; the visitor sees her arrive', async () => {
    const marc = await operator('marc');
    const visitor = await visitorWrites('Can you explain the enterprise plan?');
    const marcWindow = windowWith(marc, 'enterprise plan');
    await marcWindow.waitFor();
    const sofiaDesk = await operator('sofia');
    const sofiaPhone = await suite.newPage(...PHONE);
    await logIn(sofiaPhone, 'sofia', 'demo');
    await sofiaPhone.goto('/web/discuss');
    await sofiaPhone.locator('lc-discuss-sidebar').waitFor();

    await action(marcWindow, 'Ask for help');
    await marcWindow.locator('[data-field="needs-help"]').waitFor();
    await marc.getByText(/are asked to help/).waitFor();
    await screenshot(marc, 'teamwork-help-asked');

    // Sofia's desktop: a notification at once, and the request at the top of the messaging menu.
    await sofiaDesk.getByText(/Marc needs help with Visitor #\d+ \(Website\)/).waitFor();
    // Live Chat → Sessions, filtered: Marc's conversations that need help.
    await sofiaDesk.goto('/web/livechat/sessions');
    await sofiaDesk.getByLabel('Operator').selectOption({ label: 'Marc Demo' });
    await sofiaDesk.getByRole('button', { name: 'Needs help' }).click();
    await sofiaDesk.waitForURL(/operator=\d+.*help=1|help=1.*operator=\d+/);
    await sofiaDesk.locator('tbody tr').filter({ hasText: 'Needs help' }).first().waitFor();
    expect(await sofiaDesk.locator('tbody tr').count()).toBe(1);
    await screenshot(sofiaDesk, 'teamwork-sessions-needs-help');
    await sofiaDesk.getByRole('button', { name: 'Messages', exact: true }).click();
    const menuRequest = sofiaDesk.locator('.lc-messaging-menu lc-help-requests .lc-help-row');
    await menuRequest.getByRole('button', { name: 'Join' }).waitFor();
    await screenshot(sofiaDesk, 'teamwork-help-messaging-menu');
    await sofiaDesk.keyboard.press('Escape');

    // Sofia's phone: the request at the top of Discuss; she joins there and lands in the conversation.
    const phoneRequest = sofiaPhone.locator('.lc-discuss-side lc-help-requests .lc-help-row');
    await phoneRequest.waitFor();
    await sofiaPhone.locator('.lc-toast-close').click(); // the notification, read
    await screenshot(sofiaPhone, 'teamwork-help-discuss-phone');
    await phoneRequest.getByRole('button', { name: 'Join' }).click();
    await sofiaPhone.waitForURL('**/web/discuss/*');
    const joined = sofiaPhone.url();
    await sofiaPhone.locator('.lc-discuss-main').getByText('Can you explain the enterprise plan?').waitFor();
    await screenshot(sofiaPhone, 'teamwork-help-joined-phone');
    await sofiaPhone.goto('/web/livechat/sessions?help=1');
    await sofiaPhone.locator('.lc-list-empty', { hasText: 'No session matches these filters' }).waitFor(); // she joined: nobody needs help now
    await sofiaPhone.getByRole('button', { name: 'Close chat window' }).click(); // the joined chat's window, full screen on a phone
    await screenshot(sofiaPhone, 'teamwork-sessions-filters-phone');

    // The visitor sees her arrive; Marc's call for help is over, he stays the operator.
    await visitor.messages.getByText(`${isolated('Sofia')} joined the conversation`).waitFor();
    await marcWindow.locator('[data-field="needs-help"]').waitFor({ state: 'detached' });
    await marcWindow.locator('.lc-msg-system', { hasText: `${isolated('Sofia')} joined the conversation` }).waitFor();
    await sofiaDesk.getByRole('button', { name: 'Messages', exact: true }).click();
    expect(await sofiaDesk.locator('.lc-messaging-menu lc-help-requests .lc-help-row').count()).toBe(0);
    await visitor.page.locator('.lc-name', { hasText: /^Marc$/ }).waitFor();
    await screenshot(visitor.page, 'teamwork-help-visitor');

    // Done helping, Sofia leaves the chat from Discuss; Marc, its operator, is offered no Leave (he ends it).
    await sofiaDesk.goto(joined);
    sofiaDesk.once('dialog', (dialog) => void dialog.accept());
    await sofiaDesk.locator('.lc-discuss-actions > button', { hasText: 'Leave' }).click();
    await sofiaDesk.waitForURL(/\/web\/discuss$/);
    const sofiasChats: Array<{ id: number }> = await (await sofiaDesk.request.get('/api/discuss/conversations')).json();
    expect(sofiasChats.map((c) => c.id)).not.toContain(Number(joined.split('/').pop()));
    await marc.goto(joined);
    await marc.locator('.lc-discuss-main').getByText('Can you explain the enterprise plan?').waitFor();
    expect(await marc.locator('.lc-discuss-actions > button', { hasText: 'Leave' }).count()).toBe(0);
  }, 120_000);

  test("Marc blocks an abusive visitor: their widget says Chat is not available, on every page, until a manager lifts the block", async () => {
    const marc = await operator('marc');
    const visitor = await visitorWrites('You are all useless idiots', PHONE);
    const marcWindow = windowWith(marc, 'useless idiots');
    await marcWindow.waitFor();

    await action(marcWindow, 'Block visitor');
    const dialog = marc.getByRole('dialog', { name: /^Block/ });
    expect(await dialog.getByLabel('Block for').inputValue()).toBe('30');
    await dialog.getByLabel(/Reason/).fill('Insults');
    await screenshot(marc, 'teamwork-block-dialog');
    await dialog.getByRole('button', { name: 'Block', exact: true }).click();
    await marc.getByText(/is blocked until/).waitFor();
    await marcWindow.locator('.lc-thread-ended').waitFor();

    // The visitor's chat ends on "Chat is not available": no rating, no new conversation.
    await visitor.page.getByRole('dialog').getByText('Chat is not available').waitFor();
    expect(await visitor.page.getByText('How was this conversation?').isVisible()).toBe(false);
    await screenshot(visitor.page, 'teamwork-blocked-widget-ended');
    // Another page of the site: the launcher says it, and so does the window.
    await visitor.page.getByRole('button', { name: 'Close chat' }).click();
    await visitor.page.reload();
    const launcher = visitor.page.getByRole('button', { name: 'Open chat: Chat is not available' });
    await launcher.click();
    await visitor.page.getByRole('dialog').getByText('Chat is not available').waitFor();
    expect(await visitor.page.getByRole('textbox', { name: 'Message' }).count()).toBe(0);
    await screenshot(visitor.page, 'teamwork-blocked-widget');

    // Nobody else is blocked: another visitor chats.
    const other = await visitorWrites('Hello, do you ship to Canada?');
    await windowWith(marc, 'ship to Canada').waitFor();
    await other.page.close();

    // Sofia, a manager: Live Chat → Configuration → Blocked visitors, and Lift.
    const sofia = await suite.newPage(...DESKTOP);
    await logIn(sofia, 'sofia', 'demo');
    await sofia.goto('/web/livechat/channels');
    await sofia.getByRole('button', { name: 'Configuration' }).click();
    await sofia.getByRole('link', { name: 'Blocked visitors' }).click();
    const row = sofia.locator('tr', { hasText: 'Insults' });
    await row.getByText('Marc Demo').waitFor();
    expect(await row.getByText('Token only').count()).toBe(1); // this machine's own address is never blocked
    await screenshot(sofia, 'teamwork-blocked-visitors');
    const sofiaPhone = await suite.newPage(...PHONE);
    await logIn(sofiaPhone, 'sofia', 'demo');
    await sofiaPhone.goto('/web/livechat/blocks');
    await sofiaPhone.locator('tr', { hasText: 'Insults' }).waitFor();
    await screenshot(sofiaPhone, 'teamwork-blocked-visitors-phone');
    sofia.once('dialog', (confirm) => void confirm.accept());
    await row.getByRole('button', { name: 'Lift' }).click();
    await sofia.getByText('can chat again').waitFor();
    await row.waitFor({ state: 'detached' });

    // The visitor chats again.
    await visitor.page.reload();
    await visitor.page.getByRole('button', { name: 'Open chat: Chat with us' }).click();
    await visitor.page.getByRole('textbox', { name: 'Message' }).waitFor();
  }, 120_000);
});
