import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startServer, type RunningServer, type StartOptions } from './server';

export interface BrowserSuite {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A page in a fresh context (own cookies), 1280 px wide by default, closed after the test. */
  newPage(width?: number): Promise<Page>;
}

/** The set-up every browser test file shares: one built server and one Chromium per file. */
export function browserSuite(options: StartOptions = {}): BrowserSuite {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startServer(options);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  return {
    get server() {
      return server;
    },
    get browser() {
      return browser;
    },
    async newPage(width = 1280) {
      const context = await browser.newContext({ baseURL: server.url, viewport: { width, height: 800 } });
      contexts.push(context);
      return context.newPage();
    },
  };
}
