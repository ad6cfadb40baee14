import type { Sql } from '@lc/platform/server';
import type { ReportGroupBy } from '@lc/protocol';
import { DAY_MS, type OffsetSpan } from './report-calendar';

export type Dialect = 'sqlite' | 'postgres';

export interface ReportFilters {
  fromMs: number;
  toMs: number;
  channelId?: number;
  operatorId?: number;
  language?: string;
}

/** How the time groupings find their bucket: the zone's offsets, and for months the instants each one after the first begins. */
export interface TimeBuckets {
  spans: OffsetSpan[];
  monthStartsMs: number[];
}

/** Seconds from the visitor's first message to an operator's first; none when the operator wrote first, or never. */
const FIRST_RESPONSE_MS = `CASE WHEN s."firstAnswerAt" >= s."firstVisitorMessageAt" THEN s."firstAnswerAt" - s."firstVisitorMessageAt" END`;
/** Sessions that ended; an offline message (no conversation) has no duration. */
const DURATION_MS = `CASE WHEN s."endedAt" IS NOT NULL AND s."offline" = false THEN s."endedAt" - s."startedAt" END`;

/**
 * The report's statements, run by the database: one row per group (GROUP BY on the start time's bucket or
 * an indexed column), one for the whole range, and the messages of the sessions still running (counted
 * live from their conversations, per group; the ended ones carry their count). Percentiles are the
 * databases' own `percentile_cont` (PostgreSQL's ordered-set aggregate; SQLite's built-in percentile
 * functions, which better-sqlite3 compiles in), both interpolating linearly, so both answer the same.
 *
 * The running sessions' count is a statement of its own, on their small partial index: inside the big
 * one, PostgreSQL would cost the subquery for every row it might run for, and compile the whole statement
 * (JIT) for a third of a second.
 */
export function reportStatements(dialect: Dialect, groupBy: ReportGroupBy, filters: ReportFilters, buckets: TimeBuckets, liveMessageCount: string): { grouped: Sql; totals: Sql; running: Sql } {
  const percentile = (fraction: number, expression: string) =>
    dialect === 'postgres' ? `percentile_cont(${fraction}) WITHIN GROUP (ORDER BY ${expression})` : `percentile_cont(${expression}, ${fraction})`;
  const measures = `COUNT(*) AS "sessions",
    COUNT(s."firstAnswerAt") AS "answered",
    COALESCE(SUM(s."messageCount"), 0) AS "messages",
    ${percentile(0.5, FIRST_RESPONSE_MS)} AS "medianFirstResponseMs",
    ${percentile(0.9, FIRST_RESPONSE_MS)} AS "p90FirstResponseMs",
    ${percentile(0.5, DURATION_MS)} AS "medianDurationMs",
    COALESCE(SUM(CASE WHEN s."ratingValue" = 5 THEN 1 ELSE 0 END), 0) AS "happy",
    COALESCE(SUM(CASE WHEN s."ratingValue" = 3 THEN 1 ELSE 0 END), 0) AS "okay",
    COALESCE(SUM(CASE WHEN s."ratingValue" = 1 THEN 1 ELSE 0 END), 0) AS "unhappy"`;

  const where = new Parameters();
  const conditions = [`s."startedAt" >= ${where.int(filters.fromMs)}`, `s."startedAt" < ${where.int(filters.toMs)}`];
  if (filters.channelId !== undefined) conditions.push(`s."channelId" = ${where.int(filters.channelId)}`);
  if (filters.operatorId !== undefined) conditions.push(`s."operatorId" = ${where.int(filters.operatorId)}`);
  if (filters.language !== undefined) conditions.push(`s."visitorLanguage" = ${where.text(filters.language)}`);
  const from = `FROM "livechat_session" s WHERE ${conditions.join(' AND ')}`;

  const key = new Parameters();
  const keyExpression = groupKey(groupBy, buckets, key);
  return {
    grouped: { text: `SELECT ${keyExpression} AS "key", ${measures} ${from} GROUP BY 1`, params: [...key.values, ...where.values] },
    totals: { text: `SELECT ${measures} ${from}`, params: where.values },
    running: { text: `SELECT ${keyExpression} AS "key", SUM(${liveMessageCount}) AS "messages" ${from} AND s."endedAt" IS NULL GROUP BY 1`, params: [...key.values, ...where.values] },
  };
}

/** The bucket of a session: a day or week number, a month's index in the range, or the grouped column. */
function groupKey(groupBy: ReportGroupBy, { spans, monthStartsMs }: TimeBuckets, p: Parameters): string {
  switch (groupBy) {
    case 'operator':
      return 's."operatorId"';
    case 'channel':
      return 's."channelId"';
    case 'language':
      return 's."visitorLanguage"';
    case 'month':
      if (!monthStartsMs.length) return '0';
      return `CASE ${monthStartsMs.map((ms, i) => `WHEN s."startedAt" < ${p.int(ms)} THEN ${i}`).join(' ')} ELSE ${monthStartsMs.length} END`;
    case 'day':
    case 'week': {
      // The local wall time: the start plus the zone's offset of its span. Integer division on both databases.
      const offset = spans.length === 1 ? p.int(spans[0].offsetMs) : `CASE ${spans.slice(0, -1).map((span) => `WHEN s."startedAt" < ${p.int(span.untilMs!)} THEN ${p.int(span.offsetMs)}`).join(' ')} ELSE ${p.int(spans.at(-1)!.offsetMs)} END`;
      const day = `((s."startedAt" + ${offset}) / ${DAY_MS})`;
      return groupBy === 'day' ? day : `((${day} + 3) / 7)`;
    }
  }
}

/** Values in the order their `?` appear. Integers are cast, so that neither database guesses their type. */
class Parameters {
  readonly values: Array<number | string> = [];

  int(value: number): string {
    if (!Number.isSafeInteger(value)) throw new Error(`Not an integer: ${value}`);
    this.values.push(value);
    return 'CAST(? AS BIGINT)';
  }

  text(value: string): string {
    this.values.push(value);
    return '?';
  }
}
