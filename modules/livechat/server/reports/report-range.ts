import { BadRequestException } from '@nestjs/common';
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
  const problems: string[] = [];
  for (const field of ['from', 'to'] as const) if (query[field] !== undefined && !isCalendarDate(query[field]!)) problems.push(`${field} must be a date that exists, like 2026-12-01`);
  if (problems.length) throw new BadRequestException(problems);
  const today = Math.floor((nowMs + offsetAt(tz, nowMs)) / DAY_MS);
  const toDay = query.to !== undefined ? dayNumber(query.to) : query.from !== undefined ? Math.max(today + 1, dayNumber(query.from) + 1) : today + 1;
  const fromDay = query.from !== undefined ? dayNumber(query.from) : toDay - REPORT_DEFAULT_DAYS;
  if (toDay <= fromDay) throw new BadRequestException([`to (${isoDate(toDay)}) must be after from (${isoDate(fromDay)}): to is the day after the last one reported`]);
  if (toDay - fromDay > REPORT_MAX_DAYS) throw new BadRequestException([`from and to must be at most ${REPORT_MAX_DAYS} days apart`]);
  return { tz, fromDay, toDay, fromMs: startOfDay(tz, fromDay), toMs: startOfDay(tz, toDay) };
}
