// Delivery to browsers: the bytes a real browser (Debian's Chromium through playwright-core, which sends
// Accept-Encoding: gzip, deflate, br and keeps an HTTP cache) receives for the signed-in home and for a website
// embedding the widget, on a cold load (empty cache) and a warm one (the same browser opening it again).
// Bytes are CDP's Network.loadingFinished.encodedDataLength: what came over the wire, headers included.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { adminAndChannel } from '../lib/product-setup.mjs';
import { startSqliteProduct, withServers } from '../lib/servers.mjs';
import { row } from '../lib/stats.mjs';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Opens url in a new page of context and sums what was transferred, in total and for scripts, until `ready` resolves and the network is quiet. */
async function transferred(context, url, ready) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const requests = new Map();
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, type: e.type, bytes: 0 }));
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.bytes = e.encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'load' });
  await ready(page);
  await page.waitForLoadState('networkidle');
  await page.close();
  const list = [...requests.values()];
  const sum = (filter) => list.filter(filter).reduce((n, r) => n + r.bytes, 0);
  return { total: sum(() => true), scripts: sum((r) => r.type === 'Script'), requests: list.map((r) => ({ url: r.url.replace(/^https?:\/\/[^/]+/, ''), type: r.type, bytes: r.bytes })) };
}

/** A page on another origin that embeds the widget, as a shop would. */
function shopSite(server, channelId) {
  const site = createServer((req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><title>Shop</title><h1>Shop</h1><script src="${server.url}/livechat/widget.js" data-channel="${channelId}" async></script>`);
  });
  return new Promise((resolve) => site.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${site.address().port}/`, close: () => site.close() })));
}

export async function delivery({ dir, log }) {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium is not at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`);
  return withServers([() => startSqliteProduct('product', dir)], async (server) => {
    const { channelId } = await adminAndChannel(server.url);
    const site = await shopSite(server, channelId);
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    try {
      const shell = await browser.newContext();
      await shell.request.post(`${server.url}/api/auth/login`, { data: { login: 'admin', password: 'admin' } }); // the session cookie
      const homeReady = (page) => page.locator('lc-navbar').waitFor();
      const homeCold = await transferred(shell, `${server.url}/web/`, homeReady);
      const homeWarm = await transferred(shell, `${server.url}/web/`, homeReady);

      const shop = await browser.newContext();
      const widgetReady = (page) => page.getByRole('button', { name: /Open chat/ }).waitFor();
      const widgetCold = await transferred(shop, site.url, widgetReady);
      const widgetWarm = await transferred(shop, site.url, widgetReady);
      site.close();

      const kb = (n) => n / 1024;
      const script = (load) => load.requests.filter((r) => r.url.startsWith('/livechat/widget.js')).reduce((n, r) => n + r.bytes, 0);
      log(`home: cold ${kb(homeCold.total).toFixed(1)} kB (scripts ${kb(homeCold.scripts).toFixed(1)}), warm ${kb(homeWarm.total).toFixed(1)} kB (scripts ${kb(homeWarm.scripts).toFixed(1)})`);
      log(`widget.js: cold ${kb(script(widgetCold)).toFixed(1)} kB, warm ${kb(script(widgetWarm)).toFixed(1)} kB`);
      return {
        rows: [
          row('delivery signed-in home, cold: all transferred', kb(homeCold.total), null, 'kB', 1),
          row('delivery signed-in home, cold: scripts', kb(homeCold.scripts), null, 'kB', 1),
          row('delivery signed-in home, warm: all transferred', kb(homeWarm.total), null, 'kB', 1),
          row('delivery signed-in home, warm: scripts', kb(homeWarm.scripts), null, 'kB', 1),
          row('delivery widget.js, cold', kb(script(widgetCold)), null, 'kB', 1),
          row('delivery widget.js, warm', kb(script(widgetWarm)), null, 'kB', 1),
          row('delivery website with the widget, cold: all transferred', kb(widgetCold.total), null, 'kB', 1),
        ],
        notes: [`delivery goals: home ≤ 150 kB cold, widget.js ≤ 25 kB, ≈ 0 kB of scripts warm`],
        details: { homeCold, homeWarm, widgetCold, widgetWarm },
      };
    } finally {
      await browser.close();
    }
  });
}
