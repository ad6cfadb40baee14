import type { ReportGroupBy } from '@lc/protocol';

/** The Reporting page's periods, Odoo's date filters: today, the last 7 or 30 days (today included), this month, or any range. */
export type RangePreset = 'today' | '7d' | '30d' | 'month' | 'custom';
export const RANGE_PRESETS: readonly RangePreset[] = ['today', '7d', '30d', 'month', 'custom'];
export const GROUP_BYS: readonly ReportGroupBy[] = ['day', 'week', 'month', 'operator', 'channel', 'language'];
/** As the server allows (DESIGN "Reports"). */
export const MAX_DAYS = 366;

/** What a custom range can get wrong; the page says it in words. */
export type RangeProblem = 'incomplete' | 'order' | 'length';

/** A period as the API takes it: dates of the browser's zone, `to` the day after the last one. */
export interface DateRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const dayOf = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** `2026-12-06` of a moment, in the browser's zone. */
export function localDate(moment: Date): string {
  return `${moment.getFullYear()}-${String(moment.getMonth() + 1).padStart(2, '0')}-${String(moment.getDate()).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  return dateOf(dayOf(date) + days);
}

export const daysBetween = (from: string, to: string): number => dayOf(to) - dayOf(from);

/** The range of a preset, `today` being the browser's date. "This month" is the whole month, as Odoo's filter. */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, today: string): DateRange {
  switch (preset) {
    case 'today':
      return { from: today, to: addDays(today, 1) };
    case '7d':
      return { from: addDays(today, -6), to: addDays(today, 1) };
    case '30d':
      return { from: addDays(today, -29), to: addDays(today, 1) };
    case 'month': {
      const first = `${today.slice(0, 7)}-01`;
      const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
      return { from: first, to: month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01` };
    }
  }
}

/** A range typed as its first and last days (both included, as people say them), or what is wrong with it. */
export function customRange(first: string, last: string): DateRange | RangeProblem {
  if (!isDate(first) || !isDate(last)) return 'incomplete';
  if (last < first) return 'order';
  const to = addDays(last, 1);
  return daysBetween(first, to) > MAX_DAYS ? 'length' : { from: first, to };
}

export const isDate = (value: string | null | undefined): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && dateOf(dayOf(value)) === value;
