import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { browserSuite, freePort, logIn, screenshot } from './support';

/**
 * What other websites can and cannot do, in a real browser: a shop on another origin embeds the widget
 * and its visitor chats; a page of the same site (another port of the same host, where the SameSite
 * cookie still goes) cannot create an admin with a self-submitting form, cannot make a body-less write,
 * cannot frame the signed-in shell.
 */
describe('other websites', () => {
  const suite = browserSuite();
  let site: Server;
  let siteUrl = '';
  let pages: Record<string, string> = {};

  beforeAll(async () => {
    const port = await freePort();
    site = createServer((req, res) => {
      const body = pages[req.url ?? '/'];
      res.writeHead(body ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(body ?? 'not found');
    });
    await new Promise<void>((resolve) => site.listen(port, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${port}`; // same host, another port: same-site for the browser
  });
  afterAll(() => new Promise<void>((resolve) => site.close(() => resolve())));

  const adminUsers = async (page: Page) => (await page.request.get(`${suite.server.url}/api/users`)).json() as Promise<Array<{ login: string }>>;

  test("a shop on another origin embeds the widget, and its visitor's message reaches the operator", async () => {
    const shopPort = await freePort();
    const shop = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>Shop</title><h1>Shop</h1><script src="${suite.server.url}/livechat/widget.js" data-channel="1" async></script>`);
    });
    await new Promise<void>((resolve) => shop.listen(shopPort, '127.0.0.1', resolve));
    try {
      const operator = await suite.newPage();
      await logIn(operator, 'marc', 'demo');
      await operator.goto('/web/livechat/channels');
      const card = operator.locator('.lc-channel-card', { hasText: 'Website' });
      await card.getByRole('button', { name: 'Join' }).click();
      await card.getByRole('button', { name: 'Leave' }).waitFor();

      const visitor = await suite.newPage(390);
      const errors: string[] = [];
      visitor.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await visitor.goto(`http://localhost:${shopPort}/`); // another site altogether
      await visitor.getByRole('button', { name: /Open chat/ }).click();
      const composer = visitor.getByRole('textbox', { name: 'Message' });
      await composer.fill('Hello from the shop');
      await composer.press('Enter');
      await operator.locator('lc-chat-window', { hasText: 'Hello from the shop' }).waitFor();
      await screenshot(visitor, 'widget-on-another-site');
      expect(errors.filter((e) => /CORS|Cross-Origin|Content Security/i.test(e))).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => shop.close(() => resolve()));
    }
  });

  test('a self-submitting form on another port of the same host creates no admin', async () => {
    const admin = await suite.newPage();
    await logIn(admin);
    pages = {
      '/form': `<!doctype html><form method="POST" action="${suite.server.url}/api/users">
        <input name="login" value="intruder"><input name="name" value="Intruder"><input name="password" value="password1">
        <input name="groups[]" value="admin"></form><script>document.forms[0].submit()</script>`,
      '/beacon': `<!doctype html><script>
        fetch('${suite.server.url}/api/livechat/channels/1/join', { method: 'POST', credentials: 'include', mode: 'no-cors' })
          .then(() => (document.title = 'sent'), () => (document.title = 'failed'));
      </script>`,
    };
    const formResponse = admin.waitForResponse((r) => r.url() === `${suite.server.url}/api/users` && r.request().method() === 'POST');
    await admin.goto(`${siteUrl}/form`);
    // Refused for its origin first (403); its form encoding alone would be refused too (415, see security.api.spec).
    expect((await formResponse).status()).toBe(403);
    expect((await adminUsers(admin)).map((u) => u.login)).not.toContain('intruder');

    // The browser sends it with the cookie (the answer, a 403, is opaque to the page and blocked by CORP).
    const sent = new Promise<void>((resolve) => {
      const done = (request: { url(): string }) => request.url().endsWith('/api/livechat/channels/1/join') && resolve();
      admin.on('requestfinished', done);
      admin.on('requestfailed', done);
    });
    await admin.goto(`${siteUrl}/beacon`);
    await sent;
    await admin.waitForFunction(() => document.title !== '');
    const channels = (await (await admin.request.get(`${suite.server.url}/api/livechat/channels`)).json()) as Array<{ id: number; areYouInside: boolean }>;
    expect(channels.find((c) => c.id === 1)?.areYouInside).toBe(false);
  });

  test('HEAD answers where GET does; text a visitor typed cannot reorder what surrounds it', async () => {
    const page = await suite.newPage();
    for (const path of ['/', '/web/', '/livechat/widget.js', '/api/health']) expect((await page.request.head(`${suite.server.url}${path}`)).status()).toBe(200);

    // A visitor whose name holds a right-to-left override (U+202E) writes; the operator's shell isolates it.
    await logIn(page, 'marc', 'demo');
    await page.request.post(`${suite.server.url}/api/livechat/channels/1/join`, { headers: { Origin: suite.server.url } });
    const started = await page.request.post(`${suite.server.url}/api/livechat/channels/1/sessions`, { data: { visitorName: 'Eve \u202Eevil' } });
    const visitor = await started.json();
    await page.request.post(`${suite.server.url}/api/livechat/sessions/${visitor.sessionId}/messages`, { data: { body: '\u202Ereversed?' }, headers: { 'X-Visitor-Token': visitor.visitorToken } });
    await page.goto('/web/discuss');
    const name = page.locator('.lc-ds-name', { hasText: 'Eve' }).first();
    await name.click();
    const bubble = page.locator('.lc-msg-bubble', { hasText: 'reversed?' }).first();
    await bubble.waitFor();
    for (const element of [name, bubble]) expect(await element.evaluate((e) => getComputedStyle(e).unicodeBidi)).toBe('isolate');
  });

  test('another page cannot frame the signed-in shell', async () => {
    const admin = await suite.newPage();
    await logIn(admin);
    pages = { '/frame': `<!doctype html><iframe src="${suite.server.url}/web/" width="800" height="600"></iframe>` };
    await admin.goto(`${siteUrl}/frame`);
    await admin.waitForTimeout(1500);
    const frame = admin.frames().find((f) => f !== admin.mainFrame());
    // Chromium replaces a refused frame with its error page: none of the shell is in it.
    const shellInside = await frame?.locator('lc-root').count().catch(() => 0);
    expect(shellInside ?? 0).toBe(0);
  });
});
