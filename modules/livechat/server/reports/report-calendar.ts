/**
 * Days, weeks and months of a time zone, for grouping sessions in SQL that both SQLite and PostgreSQL run
 * (SQLite knows no time zone). Everything is epoch milliseconds. A "day number" counts calendar days since
 * 1970-01-01 in the zone: the local wall time in milliseconds, divided by a day.
 */

export const DAY_MS = 86_400_000;

/** The zone's offset from UTC over part of the range: `untilMs` exclusive (the last one has none). */
export interface OffsetSpan {
  untilMs: number | null;
  offsetMs: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let format = formatters.get(tz);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(tz, format);
  }
  return format;
}

/** Local wall time minus UTC at an instant, to the second (no zone has had sub-second offsets since 1972). */
export function offsetAt(tz: string, ms: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(tz).formatToParts(new Date(ms))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const local = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return local - Math.floor(ms / 1000) * 1000;
}

/** `2026-12-06` → its day number. */
export function dayNumber(isoDate: string): number {
  const [year, month, day] = isoDate.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** Day number → `2026-12-06`. */
export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A real calendar date (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && isoDate(dayNumber(value)) === value;
}

/**
 * The first instant of a local day. Usually its midnight; where the clocks jump over midnight (a
 * daylight-saving start at 00:00, as in Santiago), the first instant that exists, 01:00.
 */
export function startOfDay(tz: string, day: number): number {
  const wall = day * DAY_MS;
  const candidates = [offsetAt(tz, wall - DAY_MS), offsetAt(tz, wall + DAY_MS)].map((offset) => wall - offset);
  const inDay = candidates.filter((ms) => Math.floor((ms + offsetAt(tz, ms)) / DAY_MS) === day);
  if (inDay.length) return Math.min(...inDay);
  return transitionBetween(tz, Math.min(...candidates), Math.max(...candidates)); // the day begins at the jump
}

/** The instant the offset changes between `lowMs` (old offset) and `highMs` (new one), to the millisecond. */
function transitionBetween(tz: string, lowMs: number, highMs: number): number {
  const before = offsetAt(tz, lowMs);
  let low = lowMs;
  let high = highMs;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(tz, middle) === before) low = middle;
    else high = middle;
  }
  return high;
}

/**
 * The zone's offsets over [fromMs, toMs): one span per daylight-saving period (UTC: one span). Sampled every
 * 12 hours (no zone changes its offset twice within that), each change found to the millisecond.
 */
export function offsetSpans(tz: string, fromMs: number, toMs: number): OffsetSpan[] {
  const spans: OffsetSpan[] = [];
  let current = offsetAt(tz, fromMs);
  let previousMs = fromMs;
  for (let ms = fromMs + DAY_MS / 2; ; ms = Math.min(ms + DAY_MS / 2, toMs)) {
    const offset = offsetAt(tz, ms);
    if (offset !== current) {
      spans.push({ untilMs: transitionBetween(tz, previousMs, ms), offsetMs: current });
      current = offset;
    }
    previousMs = ms;
    if (ms >= toMs) break;
  }
  spans.push({ untilMs: null, offsetMs: current });
  return spans;
}

/** The Monday (day number) of the ISO week holding a day: day 0, 1970-01-01, was a Thursday. */
export function mondayOf(day: number): number {
  return Math.floor((day + 3) / 7) * 7 - 3;
}

/** `2026-12` → the day number of its first day, and back. */
export function monthStart(yearMonth: string): number {
  return dayNumber(`${yearMonth}-01`);
}

export function nextMonth(yearMonth: string): string {
  const [year, month] = yearMonth.split('-').map(Number);
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/** ISO 8601 week label of a Monday: `2026-W49` (the week belongs to the year of its Thursday). */
export function isoWeekLabel(monday: number): string {
  const thursday = monday + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const week = Math.floor((thursday - dayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
