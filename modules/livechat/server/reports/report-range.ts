import { translatableErrors } from '@lc/platform/server';
import { REPORT_DEFAULT_DAYS, REPORT_MAX_DAYS, type SessionsReportQuery } from '@lc/protocol';
import { DAY_MS, dayNumber, isCalendarDate, isoDate, offsetAt, startOfDay } from './report-calendar';

/** The days a report covers, in its time zone: [fromDay, toDay) as day numbers and as instants. */
export interface ReportRange {
  tz: string;
  fromDay: number;
  toDay: number;
  fromMs: number;
  toMs: number;
}

/**
 * `from`/`to` as the query gives them, or the defaults: `to` tomorrow (today included), `from` 30 days
 * before `to`. Refuses (400, naming the parameter) a date that does not exist, an empty or reversed range,
 * and more than 366 days.
 */
export function reportRange(query: SessionsReportQuery, nowMs = Date.now()): ReportRange {
  const tz = query.tz ?? 'UTC';
  const problems = (['from', 'to'] as const).filter((field) => query[field] !== undefined && !isCalendarDate(query[field]!));
  if (problems.length) throw translatableErrors(400, problems.map((field) => ({ key: 'livechat.reportDateMissing', params: { field } })));
  const today = Math.floor((nowMs + offsetAt(tz, nowMs)) / DAY_MS);
  const toDay = query.to !== undefined ? dayNumber(query.to) : query.from !== undefined ? Math.max(today + 1, dayNumber(query.from) + 1) : today + 1;
  const fromDay = query.from !== undefined ? dayNumber(query.from) : toDay - REPORT_DEFAULT_DAYS;
  if (toDay <= fromDay) throw translatableErrors(400, [{ key: 'livechat.reportRangeReversed', params: { to: isoDate(toDay), from: isoDate(fromDay) } }]);
  if (toDay - fromDay > REPORT_MAX_DAYS) throw translatableErrors(400, [{ key: 'livechat.reportRangeTooLong', params: { max: REPORT_MAX_DAYS } }]);
  return { tz, fromDay, toDay, fromMs: startOfDay(tz, fromDay), toMs: startOfDay(tz, toDay) };
}
