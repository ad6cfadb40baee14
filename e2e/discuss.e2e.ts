import type { Locator, Page, Request, WebSocketRoute } from 'playwright-core';
import { browserSuite, logIn, screenshot } from './support';

/** Discuss between colleagues: channels, direct messages, typing, unread state, reconnects and the dock. */
describe('discuss', () => {
  const suite = browserSuite();

  async function signedIn(login: string, password: string, width = 1280): Promise<Page> {
    const page = await suite.newPage(width);
    await logIn(page, login, password);
    return page;
  }

  test('colleagues create a channel, invite, write, see each other typing, and start a direct chat', async () => {
    const sofia = await signedIn('sofia', 'demo');
    const marc = await signedIn('marc', 'demo');
    await marc.goto('/web/discuss');
    await marc.getByText('No conversation selected').waitFor();
    // Nothing to list yet: no empty categories (as in Odoo), only how to start.
    await marc.getByRole('button', { name: 'Browse or create channels' }).waitFor();
    expect(await marc.locator('.lc-ds-category').count()).toBe(0);
    await marc.setViewportSize({ width: 390, height: 844 });
    await screenshot(marc, 'phone-discuss-empty');
    await marc.setViewportSize({ width: 1366, height: 800 });
    await screenshot(marc, 'discuss-empty');
    await marc.setViewportSize({ width: 1280, height: 800 });

    // Sofía creates #support-team from the sidebar and invites Marc.
    await sofia.goto('/web/discuss');
    await sofia.getByRole('button', { name: 'Browse or create channels' }).click();
    await sofia.getByLabel('Create a channel').fill('support-team');
    await sofia.getByRole('button', { name: 'Create', exact: true }).click();
    await expectText(sofia.locator('.lc-discuss-header h2'), '#support-team');
    await sofia.getByRole('button', { name: 'Invite' }).click();
    await sofia.getByRole('button', { name: 'Marc Demo' }).click();
    await sofia.locator('.lc-toast-success', { hasText: 'Marc Demo was invited' }).waitFor();

    // It appears in Marc's sidebar at once; her message makes it bold with a counter.
    const channelRow = marc.locator('.lc-ds-category[data-category="channel"] .lc-ds-row', { hasText: 'support-team' });
    await channelRow.waitFor();
    await send(sofia, 'Morning! The new pricing page is live.');
    await expectText(channelRow.locator('.lc-counter'), '1');
    await expectText(marc.getByTestId('messaging-counter'), '1');
    await channelRow.click();
    await expectText(marc.locator('.lc-msg-group', { hasText: 'Sofía García' }), 'The new pricing page is live.');
    await marc.locator('.lc-ds-row.active:not(.unread)', { hasText: 'support-team' }).waitFor();
    await marc.getByTestId('messaging-counter').waitFor({ state: 'detached' });

    // Typing shows on the other side, and stops when the message is sent.
    await composer(marc).pressSequentially('Great, I will', { delay: 20 });
    await expectText(sofia.locator('lc-typing-indicator'), 'Marc Demo is typing');
    await screenshot(sofia, 'discuss-typing');
    await composer(marc).pressSequentially(' tell the visitors.');
    await composer(marc).press('Enter');
    await expectText(sofia.locator('.lc-msg-bubble'), 'Great, I will tell the visitors.');
    await sofia.locator('lc-typing-indicator .lc-typing-dots').waitFor({ state: 'detached' });

    // Shift+Enter is a new line, Enter sends; the body is shown as text, never as HTML.
    await composer(marc).pressSequentially('<b>first</b> line');
    await composer(marc).press('Shift+Enter');
    await composer(marc).pressSequentially('second line');
    await composer(marc).press('Enter');
    const twoLines = sofia.locator('.lc-msg-bubble', { hasText: 'second line' });
    expect(await twoLines.innerText()).toBe('<b>first</b> line\nsecond line');
    expect(await sofia.locator('.lc-msg-bubble b').count()).toBe(0);

    // Marc starts a direct conversation with Sofía; it shows up in her Direct messages, in bold.
    await marc.getByRole('button', { name: 'Start a conversation' }).click();
    await marc.getByRole('button', { name: 'Sofía García' }).click();
    await expectText(marc.locator('.lc-discuss-header h2'), 'Sofía García');
    await send(marc, 'Can you take the Spanish chats this afternoon?');
    const dmRow = sofia.locator('.lc-ds-category[data-category="chat"] .lc-ds-row.unread', { hasText: 'Marc Demo' });
    await dmRow.waitFor();
    await screenshot(sofia, 'discuss-channel');

    // Her messaging menu: the Chats tab lists it with its preview.
    await sofia.getByRole('button', { name: 'Messages', exact: true }).click();
    await sofia.getByRole('tab', { name: 'Chats' }).click();
    await expectText(sofia.locator('.lc-mm-row.unread'), 'Can you take the Spanish chats');
    await sofia.getByRole('tab', { name: 'Channels' }).click();
    await expectText(sofia.locator('.lc-mm-row'), 'Marc Demo: <b>first</b> line second line');
  });

  test('after a lost connection the thread catches up: nothing lost, nothing twice, order kept', async () => {
    const sofia = await signedIn('sofia', 'demo');
    const channel = await (await sofia.request.post('/api/discuss/channels', { data: { name: 'night-shift', memberIds: [2] } })).json();

    // Marc's socket goes through a proxy that can drop what the server sends, like a dying network.
    const marc = await suite.newPage();
    let dropping = false;
    let handshakes = 0;
    const open = new Set<{ page: WebSocketRoute; server: WebSocketRoute }>();
    await marc.routeWebSocket(/\/socket\.io\//, (ws) => {
      const upstream = ws.connectToServer();
      const pair = { page: ws, server: upstream };
      open.add(pair);
      upstream.onMessage((message) => {
        if (dropping) return;
        if (String(message).startsWith('40')) handshakes++; // socket.io's "connected"
        ws.send(message);
      });
      ws.onClose(() => {
        open.delete(pair);
        void upstream.close().catch(() => undefined);
      });
    });
    const reading = new Set<Request>();
    marc.on('request', (request) => request.url().includes('/api/discuss/') && reading.add(request));
    marc.on('requestfinished', (request) => reading.delete(request));
    marc.on('requestfailed', (request) => reading.delete(request));
    const quietFor = async (page: Page, ms: number): Promise<void> => {
      for (let quietSince = Date.now(); Date.now() - quietSince < ms; await page.waitForTimeout(50)) {
        if (reading.size) quietSince = Date.now();
      }
    };
    await logIn(marc, 'marc', 'demo');
    handshakes = 0;
    await marc.goto(`/web/discuss/${channel.id}`);
    await send(sofia.request, channel.id, 'message 1');
    await expectText(marc.locator('.lc-msg-bubble'), 'message 1');
    while (!handshakes) await marc.waitForTimeout(50); // the socket is up (not just the HTTP reads)
    await quietFor(marc, 300); // and its catch-up reads after connecting are done (they would fetch what the socket drops)

    // The connection silently stops delivering: three messages from Sofía are lost on the way, and
    // Marc's own message reaches the server but its acknowledgement does not come back.
    dropping = true;
    for (const body of ['message 2', 'message 3', 'message 4']) await send(sofia.request, channel.id, body);
    await send(marc, 'reply while offline');
    await marc.locator('.lc-msg.pending', { hasText: 'reply while offline' }).waitFor();
    await marc.waitForTimeout(300);
    expect(await marc.locator('.lc-msg-bubble', { hasText: 'message 3' }).count()).toBe(0);

    // The connection drops; socket.io reconnects, the store gap-fills with ?after= and re-sends the pending message.
    dropping = false;
    for (const pair of [...open]) {
      open.delete(pair);
      void pair.page.close().catch(() => undefined);
      void pair.server.close().catch(() => undefined);
    }
    await marc.locator('.lc-msg:not(.pending)', { hasText: 'reply while offline' }).waitFor();
    await expectText(marc.locator('.lc-msg-bubble'), 'message 4');
    const shown = await marc.locator('.lc-discuss-main .lc-msg-bubble').allInnerTexts();
    expect(shown).toEqual(['message 1', 'message 2', 'message 3', 'message 4', 'reply while offline']);

    // The server stored the re-sent message once.
    const stored: Array<{ body: string }> = await (await marc.request.get(`/api/discuss/conversations/${channel.id}/messages`)).json();
    expect(stored.filter((m) => m.body === 'reply while offline')).toHaveLength(1);

    // Live again.
    await send(sofia.request, channel.id, 'message 5');
    await expectText(marc.locator('.lc-msg-bubble'), 'message 5');
  });

  test('chat windows that do not fit go behind a "+N" button; Discuss shows them as headers only', async () => {
    const sofia = await signedIn('sofia', 'demo');
    for (const name of ['design', 'sales']) await sofia.request.post('/api/discuss/channels', { data: { name, memberIds: [2] } });
    const chat = await (await sofia.request.post('/api/discuss/chats', { data: { userId: 2 } })).json();
    await send(sofia.request, chat.id, 'Ping');

    const marc = await signedIn('marc', 'demo', 900); // room for two 360 px windows
    await marc.goto('/web/profile');
    for (const name of ['design', 'sales', 'Sofía García']) {
      await marc.getByRole('button', { name: 'Messages', exact: true }).click();
      await marc.locator('.lc-mm-row').filter({ has: marc.locator('.lc-mm-name', { hasText: name }) }).click();
      await marc.locator('lc-chat-window').filter({ has: marc.locator('.lc-cw-name', { hasText: name }) }).waitFor();
    }
    // The last one opened is on the right, focused (so read); one of the others waits behind "+1".
    expect(await marc.locator('lc-chat-window').count()).toBe(2);
    const more = marc.getByRole('button', { name: '1 more chat windows' });
    expect(await more.innerText()).toContain('+1');
    await more.click();
    await expectText(marc.locator('.lc-dock-more-menu'), 'design');
    await screenshot(marc, 'dock-overflow');
    await marc.locator('.lc-dock-more-menu').getByRole('button', { name: 'design' }).click();
    await marc.locator('lc-chat-window', { hasText: 'design' }).waitFor();
    expect(await marc.locator('lc-chat-window').count()).toBe(2);

    // The composer of a window opened by hand has the focus: typing goes there.
    await marc.keyboard.type('Sure');
    await marc.keyboard.press('Enter');
    await expectText(marc.locator('lc-chat-window', { hasText: 'design' }).locator('.lc-msg-bubble'), 'Sure');

    // In Discuss the windows fold to their headers; a header opens its conversation in the main view.
    await marc.goto('/web/discuss');
    const header = marc.locator('lc-chat-window', { hasText: 'design' });
    await header.locator('lc-thread').waitFor({ state: 'detached' });
    expect(Math.round((await header.boundingBox())!.height)).toBe(48);
    await header.locator('.lc-cw-header').click();
    await expectText(marc.locator('.lc-discuss-header h2'), '#design');
  });

  test('a draft belongs to its conversation: kept when folded, in Discuss and after a reload; gone once sent', async () => {
    const sofia = await signedIn('sofia', 'demo');
    const channel = await (await sofia.request.post('/api/discuss/channels', { data: { name: 'drafts', memberIds: [2] } })).json();
    const marc = await signedIn('marc', 'demo');
    await marc.goto('/web/profile');
    await marc.getByRole('button', { name: 'Messages', exact: true }).click();
    await marc.locator('.lc-mm-row').filter({ has: marc.locator('.lc-mm-name', { hasText: 'drafts' }) }).click();
    const chatWindow = marc.locator('lc-chat-window', { hasText: 'drafts' });
    const windowBox = chatWindow.locator('lc-composer textarea');
    await windowBox.pressSequentially('Half-written reply', { delay: 10 });

    await chatWindow.getByRole('button', { name: 'Fold' }).click();
    await windowBox.waitFor({ state: 'detached' });
    await chatWindow.getByRole('button', { name: 'Open', exact: true }).click();
    expect(await windowBox.inputValue()).toBe('Half-written reply');

    await chatWindow.getByRole('button', { name: 'Open in Discuss' }).click();
    await expectText(marc.locator('.lc-discuss-header h2'), '#drafts');
    expect(await composer(marc).inputValue()).toBe('Half-written reply');
    await marc.goto('/web/profile');
    await marc.goto(`/web/discuss/${channel.id}`);
    expect(await composer(marc).inputValue()).toBe('Half-written reply');
    await marc.reload();
    await composer(marc).waitFor();
    expect(await composer(marc).inputValue()).toBe('Half-written reply');
    await screenshot(marc, 'discuss-draft');

    await composer(marc).press('Enter');
    await expectText(marc.locator('.lc-msg-bubble'), 'Half-written reply');
    expect(await composer(marc).inputValue()).toBe('');
    await marc.reload();
    await expectText(marc.locator('.lc-msg-bubble'), 'Half-written reply');
    expect(await composer(marc).inputValue()).toBe('');
    expect(await marc.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('lc.discuss.draft')))).toEqual([]);
  });

  test('on a phone an open chat window fills the screen under the navbar; folded, it is a bar', async () => {
    const sofia = await signedIn('sofia', 'demo');
    const chat = await (await sofia.request.post('/api/discuss/chats', { data: { userId: 2 } })).json();
    await send(sofia.request, chat.id, 'Are you on your phone?');
    const marc = await suite.newPage(390, 844);
    await logIn(marc, 'marc', 'demo');
    await marc.goto('/web/profile');
    await marc.getByRole('button', { name: 'Messages', exact: true }).click();
    await marc.locator('.lc-mm-row').filter({ has: marc.locator('.lc-mm-name', { hasText: 'Sofía García' }) }).click();
    const chatWindow = marc.locator('lc-chat-window', { hasText: 'Sofía García' });
    await expectText(chatWindow.locator('.lc-msg-bubble'), 'Are you on your phone?');
    const navbar = (await marc.locator('lc-navbar').boundingBox())!;
    const open = (await chatWindow.boundingBox())!;
    expect([open.x, open.y, open.width, open.height].map(Math.round)).toEqual([0, Math.round(navbar.height), 390, Math.round(844 - navbar.height)]);
    await screenshot(marc, 'phone-chat-window');

    await chatWindow.getByRole('button', { name: 'Fold' }).click();
    // Angular re-renders after the click resolves: wait for the layout, then measure it.
    await marc.waitForFunction((el) => Math.round(el.getBoundingClientRect().height) === 48, await chatWindow.elementHandle());
    const folded = (await chatWindow.boundingBox())!;
    expect(Math.round(folded.height)).toBe(48);
    expect(Math.round(folded.y + folded.height)).toBe(844);
    await screenshot(marc, 'phone-chat-window-folded');
    await chatWindow.getByRole('button', { name: 'Open', exact: true }).click();
    await marc.waitForFunction((el) => Math.round(el.getBoundingClientRect().width) === 390, await chatWindow.elementHandle());
    await chatWindow.getByRole('button', { name: 'Close chat window' }).click();
    await chatWindow.waitFor({ state: 'detached' });
  });

  test('in Discuss the windows of other conversations stay headers clear of the composer; a phone shows none', async () => {
    const sofia = await signedIn('sofia', 'demo');
    const channels = [];
    for (const name of ['billing', 'onboarding']) channels.push(await (await sofia.request.post('/api/discuss/channels', { data: { name, memberIds: [2] } })).json());
    const marc = await signedIn('marc', 'demo', 1366);
    await marc.goto('/web/profile');
    for (const name of ['billing', 'onboarding']) {
      await marc.getByRole('button', { name: 'Messages', exact: true }).click();
      await marc.locator('.lc-mm-row').filter({ has: marc.locator('.lc-mm-name', { hasText: name }) }).click();
      await marc.locator('lc-chat-window', { hasText: name }).waitFor();
    }

    // Discuss shows #billing in full: its window is not repeated, #onboarding's is a header under the composer.
    await marc.goto('/web/discuss');
    await marc.locator('.lc-ds-row', { hasText: 'billing' }).click();
    await expectText(marc.locator('.lc-discuss-header h2'), '#billing');
    const onboarding = marc.locator('lc-chat-window', { hasText: 'onboarding' });
    await onboarding.locator('lc-thread').waitFor({ state: 'detached' });
    expect(await marc.locator('lc-chat-window', { hasText: 'billing' }).count()).toBe(0);
    const header = (await onboarding.boundingBox())!;
    const box = (await composer(marc).boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(header.y);
    await screenshot(marc, 'discuss-dock');

    await marc.setViewportSize({ width: 390, height: 844 });
    await onboarding.waitFor({ state: 'hidden' });
    const phoneBox = (await composer(marc).boundingBox())!;
    expect(Math.round(phoneBox.y + phoneBox.height)).toBeGreaterThan(844 - 60); // at the bottom, nothing under it
    await screenshot(marc, 'phone-discuss-dock');

    // Out of Discuss the windows are back, as Marc left them.
    await marc.goto('/web/profile');
    await expectText(marc.locator('lc-chat-window .lc-cw-name'), 'onboarding');
  });

  test('older messages load when scrolling up', async () => {
    const sofia = await signedIn('sofia', 'demo');
    const channel = await (await sofia.request.post('/api/discuss/channels', { data: { name: 'history', memberIds: [2] } })).json();
    for (let i = 1; i <= 45; i++) await send(sofia.request, channel.id, `history ${i}`);

    const marc = await signedIn('marc', 'demo');
    await marc.goto(`/web/discuss/${channel.id}`);
    await expectText(marc.locator('.lc-msg-bubble'), 'history 45');
    expect(await marc.locator('.lc-msg-bubble', { hasText: /^history 1$/ }).count()).toBe(0); // one page of 30
    await marc.locator('.lc-discuss-main lc-message-list').evaluate((el) => el.scrollTo(0, 0));
    await marc.locator('.lc-msg-bubble', { hasText: /^history 1$/ }).waitFor();
    await marc.getByText('This is the beginning of the conversation.').waitFor();
    const bodies = await marc.locator('.lc-discuss-main .lc-msg-bubble').allInnerTexts();
    expect(bodies).toEqual(Array.from({ length: 45 }, (_, i) => `history ${i + 1}`));
  });

  test('messages that arrive while the tab is in the background count in its title', async () => {
    const sofia = await signedIn('sofia', 'demo');
    const chat = await (await sofia.request.post('/api/discuss/chats', { data: { userId: 2 } })).json();

    const marc = await suite.newPage();
    // Headless pages always have the focus: let the test move it away.
    await marc.addInitScript(() => {
      let focused = true;
      Document.prototype.hasFocus = () => focused;
      (window as unknown as { setTabFocus: (f: boolean) => void }).setTabFocus = (f: boolean) => {
        focused = f;
        window.dispatchEvent(new Event(f ? 'focus' : 'blur'));
      };
    });
    await logIn(marc, 'marc', 'demo');
    await marc.goto('/web/profile');
    await marc.waitForFunction(() => document.title === 'My Profile - Live Chat');
    // A first message, in the foreground: it reaches the systray counter (so the socket is up) but not the title.
    await send(sofia.request, chat.id, 'Hello Marc');
    await marc.getByTestId('messaging-counter').waitFor();
    expect(await marc.title()).toBe('My Profile - Live Chat');
    await marc.evaluate(() => (window as unknown as { setTabFocus: (f: boolean) => void }).setTabFocus(false));
    await send(sofia.request, chat.id, 'Are you there?');
    await send(sofia.request, chat.id, 'Ping');
    await marc.waitForFunction(() => document.title === '(2) My Profile - Live Chat');
    await marc.evaluate(() => (window as unknown as { setTabFocus: (f: boolean) => void }).setTabFocus(true));
    await marc.waitForFunction(() => document.title === 'My Profile - Live Chat');
  });
});

function composer(page: Page): Locator {
  return page.locator('.lc-discuss-main lc-composer textarea');
}

/** Sends a message from the Discuss composer, or (with a request context) by HTTP as that user. */
async function send(from: Page | Page['request'], bodyOrId: string | number, body?: string): Promise<void> {
  if ('goto' in from) {
    await composer(from).fill(String(bodyOrId));
    await composer(from).press('Enter');
    return;
  }
  const response = await from.post(`/api/discuss/conversations/${bodyOrId}/messages`, { data: { body } });
  expect(response.status()).toBe(201);
}

async function expectText(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor();
}
