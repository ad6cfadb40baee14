import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { browserSuite, logIn, REPO_ROOT, screenshot } from './support';

const DESKTOP = [1366, 800] as const;
const PHONE = [390, 844] as const;
/** A zone with summer time, whose days the page asks for (the browser's own zone). */
const TZ = 'Europe/Brussels';

interface Report {
  from: string;
  to: string;
  groupBy: string;
  rows: Array<{ key: string | number | null; label: string; sessions: number; answered: number; missed: number }>;
  totals: { sessions: number; answered: number; missed: number; satisfaction: number | null };
}

/**
 * Live Chat → Reporting as a manager uses it each morning, on three months of history (written straight
 * into the server's database by bench/seed-report-history.mjs) and today's chats: the Sessions view's
 * measures and chart, another period, another grouping, the table, the CSV compared with the API, a
 * custom range, an empty period; the Operators view; both views on a desktop and on a phone. What the page
 * shows is checked against the report it received, and that report against the API's time zone and CSV.
 */
describe('live chat: reporting', () => {
  const suite = browserSuite();
  const manager = async () => recordReports(await suite.newPage(...DESKTOP, { timezoneId: TZ, locale: 'en-US', acceptDownloads: true }));

  beforeAll(() => {
    const seed = ['--url', suite.server.url, '--database', suite.server.databaseUrl, '--sessions', '900', '--messages', '9000', '--days', '90', '--operators', '6'];
    try {
      execFileSync(process.execPath, [join(REPO_ROOT, 'bench/seed-report-history.mjs'), ...seed], { stdio: 'pipe', timeout: 60_000 });
    } catch (error) {
      const { stderr, stdout } = error as { stderr?: Buffer; stdout?: Buffer };
      throw new Error(`seed-report-history.mjs failed: ${String(stderr ?? '')}${String(stdout ?? '')}\nserver: ${suite.server.output().slice(-2000)}`);
    }
  }, 90_000);

  /** Every report the page received, in order (the page's own requests to GET /api/livechat/reports/sessions). */
  const received = new WeakMap<Page, Array<{ query: string; body: Report }>>();
  function recordReports(page: Page): Page {
    const list: Array<{ query: string; body: Report }> = [];
    received.set(page, list);
    page.on('response', async (response) => {
      const url = new URL(response.url());
      if (url.pathname !== '/api/livechat/reports/sessions' || response.request().headers()['accept']?.includes('text/csv') || !response.ok()) return;
      // The language filter's list (a year by language) is not a report the page shows.
      if (url.searchParams.get('groupBy') === 'language' && !page.url().includes('groupBy=language')) return;
      // A report still on its way when the page reloads never reaches the page: its body is gone, and it is not shown.
      const body = (await response.json().catch(() => null)) as Report | null;
      if (body) list.push({ query: url.search.slice(1), body });
    });
    return page;
  }

  /** The last report the page received (what it shows once settled), and the parameters it asked it with. */
  function shown(page: Page): { query: string; body: Report } {
    const last = received.get(page)?.at(-1);
    if (!last) throw new Error('The page received no report');
    return last;
  }
  const apiQuery = async (page: Page): Promise<string> => shown(page).query;

  /** Does `action`, waits for the report it makes the page ask for, then until the page shows it. */
  async function afterReport(page: Page, action: () => Promise<unknown>): Promise<Report> {
    const count = received.get(page)!.length;
    await action();
    for (let i = 0; i < 100 && received.get(page)!.length === count; i++) await page.waitForTimeout(50);
    if (received.get(page)!.length === count) throw new Error('The page asked for no new report');
    await settled(page);
    return shown(page).body;
  }

  /**
   * Waits until the page is not loading and shows its chart drawn (or its table, as asked), or the empty state.
   * `view`: the Chart or Table button just clicked, which Angular may not have re-rendered as pressed yet.
   */
  async function settled(page: Page, view?: 'Chart' | 'Table'): Promise<void> {
    if (view) await page.getByRole('button', { name: view, pressed: true }).waitFor();
    await page.locator('.lc-rp-body:not(.lc-rp-loading)').waitFor();
    const asChart = (await page.getByRole('button', { name: 'Chart' }).getAttribute('aria-pressed')) === 'true';
    await page.locator(`${asChart ? 'lc-report-chart[data-drawn]' : '.lc-rp-table'}, .lc-rp-empty`).first().waitFor();
  }

  test('Session Statistics: measures, chart, another period and grouping, the table, the CSV', async () => {
    const page = await manager();
    await logIn(page, 'sofia', 'demo');
    // Through the menu: Live Chat → Reporting → Sessions.
    await page.goto('/web/livechat/channels');
    await page.locator('.lc-navbar-sections').getByRole('button', { name: 'Reporting' }).click();
    let report = await afterReport(page, () => page.locator('.lc-dropdown-menu').getByRole('link', { name: 'Sessions' }).click());
    await page.waitForURL('**/web/livechat/reporting/sessions?**');
    expect(new URL(page.url()).searchParams.get('period')).toBe('30d');

    // The last 30 days of the browser's zone, today included; the measures are the report's.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(new Date());
    expect(Object.fromEntries(new URLSearchParams(await apiQuery(page)))).toMatchObject({ tz: TZ, groupBy: 'day', to: addDays(today, 1), from: addDays(today, -29) });
    expect(report.rows).toHaveLength(30);
    expect(report.totals.sessions).toBeGreaterThan(100);
    // Numbers in the manager's language.
    const { lang } = await (await page.request.get('/api/me')).json();
    const count = (n: number) => n.toLocaleString(lang);
    const percent = (ratio: number) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
    await expectText(page.locator('[data-measure="sessions"] .lc-rp-measure-value'), count(report.totals.sessions));
    await expectText(page.locator('[data-measure="answered"] .lc-rp-measure-value'), percent(report.totals.answered / report.totals.sessions));
    await expectText(page.locator('[data-measure="satisfaction"] .lc-rp-measure-value'), percent(report.totals.satisfaction!));
    const chart = page.locator('lc-report-chart canvas');
    expect(await chart.getAttribute('aria-label')).toBe('Answered and missed sessions per day');
    await screenshot(page, 'reports-sessions-desktop');

    // The tooltip of a bar gives its exact values.
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width - 30, box.y + box.height / 2);
    await page.waitForTimeout(100); // the tooltip is drawn on the canvas, with no DOM to wait for
    await screenshot(page, 'reports-sessions-tooltip');

    // Another period: the last 7 days.
    report = await afterReport(page, () => page.getByLabel('Period', { exact: true }).selectOption('7d'));
    await page.waitForURL(/period=7d/);
    expect(report.rows).toHaveLength(7);
    await expectText(page.locator('[data-measure="sessions"] .lc-rp-measure-value'), count(report.totals.sessions));

    // Another grouping, as a table: the weeks of the last 30 days.
    await afterReport(page, () => page.getByLabel('Period', { exact: true }).selectOption('30d'));
    report = await afterReport(page, () => page.getByLabel('Group by', { exact: true }).selectOption('week'));
    await page.getByRole('button', { name: 'Table' }).click();
    await page.waitForURL(/display=table/);
    await settled(page, 'Table');
    expect(report.groupBy).toBe('week');
    const rows = page.locator('.lc-rp-table tbody tr');
    await expectCount(rows, report.rows.length);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.querySelector('td')!.textContent!.replace(/\D/g, ''))))).toEqual(report.rows.map((r) => r.sessions));
    await expectText(page.locator('.lc-rp-table tfoot td').first(), count(report.totals.sessions));
    await screenshot(page, 'reports-sessions-table-desktop');

    // Download CSV: the same file as the API's, whose rows are the table's.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`livechat-sessions-${report.from}-${report.to}-by-week.csv`);
    const csv = readFileSync((await file.path())!, 'utf8');
    const fromApi = await (await page.request.get(`/api/livechat/reports/sessions?${await apiQuery(page)}`, { headers: { Accept: 'text/csv' } })).text();
    expect(csv).toBe(fromApi);
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('key,label,sessions,answered,missed,messages,medianFirstResponseS,p90FirstResponseS,medianDurationS,happy,okay,unhappy,satisfaction');
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 5))).toEqual(report.rows.map((r) => [String(r.key), r.label, String(r.sessions), String(r.answered), String(r.missed)]));

    // A custom range of two days, then one where nothing happened: the empty state.
    await page.getByLabel('Period', { exact: true }).selectOption('custom');
    await page.getByLabel('First day').fill('2026-01-10');
    await page.getByLabel('Last day').fill('2026-01-08');
    await expectText(page.locator('.lc-rp-alert'), 'The last day comes before the first.');
    await page.getByLabel('Last day').fill('2020-01-31');
    report = await afterReport(page, () => page.getByLabel('First day').fill('2020-01-01'));
    await page.waitForURL(/from=2020-01-01.*last=2020-01-31/);
    expect(report).toMatchObject({ from: '2020-01-01', to: '2020-02-01', totals: { sessions: 0 } });
    await expectText(page.locator('.lc-rp-empty strong'), 'No session in this period');
    await screenshot(page, 'reports-empty-desktop');

    // The filters come back with the page (they are in the URL).
    await afterReport(page, () => page.reload());
    expect(await page.getByLabel('First day').inputValue()).toBe('2020-01-01');
    expect(await page.getByRole('button', { name: 'Table' }).getAttribute('aria-pressed')).toBe('true');
  });

  test('Operator Analysis: one row and one bar per operator, filtered by channel', async () => {
    const page = await manager();
    await logIn(page, 'sofia', 'demo');
    let report = await afterReport(page, () => page.goto('/web/livechat/reporting/operators'));
    expect(report.groupBy).toBe('operator');
    expect(report.rows.map((r) => r.label)).toContain('Amélie Laurent');
    expect(await page.locator('lc-report-chart canvas').getAttribute('aria-label')).toBe('Answered and missed sessions per operator');
    // Under the bars, every operator's figures.
    await expectCount(page.locator('.lc-rp-table tbody tr'), report.rows.length);
    await screenshot(page, 'reports-operators-desktop');

    report = await afterReport(page, () => page.getByLabel('Channel', { exact: true }).selectOption({ label: 'Shop' }));
    await page.getByRole('button', { name: 'Table' }).click();
    await settled(page, 'Table');
    expect(new URLSearchParams(await apiQuery(page)).get('channelId')).toBeTruthy();
    await expectCount(page.locator('.lc-rp-table tbody tr'), report.rows.length);
    expect(await page.locator('.lc-rp-table tbody th').allTextContents()).toEqual(report.rows.map((r) => (r.key === null ? 'No operator' : r.label)));
    await screenshot(page, 'reports-operators-table-desktop');

    // On a phone: the filters two by two, the chart as wide as the screen, nothing wider than it.
    await page.setViewportSize({ width: PHONE[0], height: PHONE[1] });
    await page.getByRole('button', { name: 'Chart' }).click();
    await settled(page, 'Chart');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE[0]);
    await screenshot(page, 'reports-operators-phone');
    // The table scrolls sideways inside its box, the names staying in view.
    await page.getByRole('button', { name: 'Table' }).click();
    await settled(page, 'Table');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE[0]);
    await page.locator('.lc-rp-table-wrap').evaluate((box) => box.scrollBy(200, 0));
    await screenshot(page, 'reports-operators-table-phone');
    await page.getByRole('button', { name: 'Chart' }).click();
    await afterReport(page, () => page.goto('/web/livechat/reporting/sessions'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE[0]);
    await screenshot(page, 'reports-sessions-phone');
    await page.locator('lc-report-chart').scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-sessions-phone-chart');
  });

  test('operators see no Reporting, and its pages say so', async () => {
    const page = await suite.newPage(...DESKTOP);
    await logIn(page, 'marc', 'demo');
    await page.goto('/web/livechat/channels');
    await page.locator('.lc-navbar-sections').waitFor();
    expect(await page.locator('.lc-navbar-sections').getByRole('button', { name: 'Reporting' }).count()).toBe(0);
    await page.goto('/web/livechat/reporting/sessions');
    await page.getByText('Access denied').waitFor();
  });
});

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

async function expectText(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: 5000 }).catch(async () => {
    throw new Error(`expected "${text}", found "${(await locator.allTextContents()).join(' | ')}"`);
  });
}

async function expectCount(locator: Locator, count: number): Promise<void> {
  for (let i = 0; i < 50 && (await locator.count()) !== count; i++) await new Promise((r) => setTimeout(r, 100));
  expect(await locator.count()).toBe(count);
}
