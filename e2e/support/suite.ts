import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startServer, type RunningServer, type StartOptions } from './server';

export interface BrowserSuite {
  readonly server: RunningServer;
  readonly browser: Browser;
  /**
   * A page in a fresh context (own cookies), 1280 × 800 by default, closed after the test. `context`: more
   * of the browser's settings, e.g. `{ locale: 'fr-FR' }` for a visitor whose browser speaks French.
   */
  newPage(width?: number, height?: number, context?: PageContextOptions): Promise<Page>;
}

/** The server's address and the viewport are the suite's. */
export type PageContextOptions = Omit<BrowserContextOptions, 'baseURL' | 'viewport'>;

/**
 * The set-up every browser test file shares: one built server and one Chromium for the describe block
 * that calls it (a file that needs a server started otherwise, e.g. with other `env`, has a second block).
 */
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
    async newPage(width = 1280, height = 800, options: PageContextOptions = {}) {
      const context = await browser.newContext({ ...options, baseURL: server.url, viewport: { width, height } });
      contexts.push(context);
      return context.newPage();
    },
  };
}
