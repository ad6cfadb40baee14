import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsPositive, IsString, IsTimeZone, Length, Matches, MaxLength } from 'class-validator';

/** GET /api/livechat/reports/sessions (DESIGN "Reports"): how sessions are grouped. */
export const REPORT_GROUP_BYS = ['day', 'week', 'month', 'operator', 'channel', 'language'] as const;
export type ReportGroupBy = (typeof REPORT_GROUP_BYS)[number];
/** At most this many days from `from` to `to`. */
export const REPORT_MAX_DAYS = 366;
/** Without `from` and `to`: the last 30 days, today included. */
export const REPORT_DEFAULT_DAYS = 30;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `?channelId=` as a URL template leaves it: no filter, as if absent. */
const EmptyAsAbsent = () => Transform(({ value }) => (value === '' ? undefined : value));
/** An id from the query string: digits only (`1e3`, `0x10` and ` 1` are no ids). */
const QueryId = () => Transform(({ value }) => (value === '' ? undefined : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value));

export class SessionsReportQuery {
  /** The first day, inclusive (a date in `tz`). */
  @EmptyAsAbsent() @IsOptional() @IsString() @Matches(ISO_DATE, { message: 'from must be a date like 2026-12-01' }) from?: string;
  /** The day after the last, exclusive. */
  @EmptyAsAbsent() @IsOptional() @IsString() @Matches(ISO_DATE, { message: 'to must be a date like 2026-12-31' }) to?: string;
  @EmptyAsAbsent() @IsOptional() @IsIn(REPORT_GROUP_BYS, { message: `groupBy must be one of ${REPORT_GROUP_BYS.join(', ')}` }) groupBy?: ReportGroupBy;
  @QueryId() @IsOptional() @IsInt({ message: 'channelId must be a channel id (a positive integer)' }) @IsPositive({ message: 'channelId must be a channel id (a positive integer)' }) channelId?: number;
  @QueryId() @IsOptional() @IsInt({ message: 'operatorId must be a user id (a positive integer)' }) @IsPositive({ message: 'operatorId must be a user id (a positive integer)' }) operatorId?: number;
  /** Extension: the visitors' language (a tag such as fr-FR, as the sessions list shows it). */
  @EmptyAsAbsent() @IsOptional() @IsString() @MaxLength(35) language?: string;
  /** Extension: the IANA time zone whose days, weeks and months group the sessions (and frame from/to); default UTC. */
  @EmptyAsAbsent() @IsOptional() @IsString() @MaxLength(64) @IsTimeZone({ message: 'tz must be an IANA time zone such as Europe/Brussels' }) tz?: string;
}

export interface ReportRatings {
  happy: number;
  okay: number;
  unhappy: number;
}

/** The measures of a group of sessions, and of the whole range (`totals`). */
export interface ReportMeasures {
  /** Sessions started in the group, offline messages included. */
  sessions: number;
  /** Those in which an operator wrote at least once (the welcome stored at the start does not count). */
  answered: number;
  missed: number;
  /** Messages the visitors and operators wrote (no system message, not the welcome). */
  messages: number;
  /** From the visitor's first message to an operator's first, in seconds (sessions answered after the visitor wrote). */
  medianFirstResponseS: number | null;
  p90FirstResponseS: number | null;
  /** From start to end, in seconds, of the sessions that ended (offline messages left out). */
  medianDurationS: number | null;
  ratings: ReportRatings;
  /** happy ÷ rated, from 0 to 1; null when nothing was rated. */
  satisfaction: number | null;
}

export interface SessionsReportRow extends ReportMeasures {
  /**
   * day: `2026-12-06`; week: its Monday, `2026-11-30`; month: `2026-12` (dates in `tz`); operator and
   * channel: the id (null: no operator); language: the tag (null: unknown).
   */
  key: string | number | null;
  label: string;
}

export interface SessionsReport {
  /** What was reported on, defaults applied. */
  from: string;
  to: string;
  tz: string;
  groupBy: ReportGroupBy;
  /** Time groupings list every day, week or month of the range, empty ones included, oldest first; the others by sessions, most first. */
  rows: SessionsReportRow[];
  totals: ReportMeasures;
}
