import type { ReportGroupBy, ReportMeasures } from '@lc/protocol';

type TimeGroup = Extract<ReportGroupBy, 'day' | 'week' | 'month'>;

export const isTimeGroup = (groupBy: ReportGroupBy): groupBy is TimeGroup => groupBy === 'day' || groupBy === 'week' || groupBy === 'month';

/** `2026-12-06` (or `2026-12`) as the instant Intl formats in UTC: a calendar date, whatever the zone. */
const calendarDate = (key: string) => new Date(`${key.length === 7 ? `${key}-01` : key}T00:00:00Z`);

/**
 * Numbers, durations and dates of the reports in the user's language (Intl: "1,234", "45 sec",
 * "12.5 min", "Dec 6", "December 2026"; "1 234", "45 s", "12,5 min", "6 déc." in French).
 */
export class ReportFormat {
  private readonly integer: Intl.NumberFormat;
  private readonly oneDecimal: Intl.NumberFormat;
  private readonly percentage: Intl.NumberFormat;
  private readonly units: Record<'second' | 'minute' | 'hour' | 'exactSecond', Intl.NumberFormat>;
  private readonly dates: Record<'day' | 'dayLong' | 'week' | 'month', Intl.DateTimeFormat>;

  constructor(readonly locale: string) {
    this.integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    this.oneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    this.percentage = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    const unit = (name: string, digits: number) => new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: digits });
    this.units = { second: unit('second', 0), minute: unit('minute', 1), hour: unit('hour', 1), exactSecond: unit('second', 3) };
    const date = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    this.dates = {
      day: date({ day: 'numeric', month: 'short' }),
      dayLong: date({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }),
      week: date({ day: 'numeric', month: 'short', year: 'numeric' }),
      month: date({ month: 'long', year: 'numeric' }),
    };
  }

  count(value: number): string {
    return this.integer.format(value);
  }

  decimal(value: number | null): string | null {
    return value === null ? null : this.oneDecimal.format(value);
  }

  /** 0.825 → "83%"; null stays null (nothing to say). */
  percent(ratio: number | null): string | null {
    return ratio === null ? null : this.percentage.format(ratio);
  }

  /** Messages per session, one decimal ("7.6"); nothing without sessions. */
  messagesPerSession(measures: ReportMeasures): string | null {
    return measures.sessions ? this.decimal(measures.messages / measures.sessions) : null;
  }

  /** The answered sessions' share ("87%"); nothing without sessions. */
  answeredShare(measures: ReportMeasures): string | null {
    return measures.sessions ? this.percent(measures.answered / measures.sessions) : null;
  }

  /** Seconds as a reader wants them: "45 sec" under a minute, "12.5 min" under an hour, "1.2 hr" beyond. */
  duration(seconds: number | null): string | null {
    if (seconds === null) return null;
    if (seconds < 59.5) return this.units.second.format(seconds);
    if (seconds < 3570) return this.units.minute.format(seconds / 60);
    return this.units.hour.format(seconds / 3600);
  }

  /** Seconds to the millisecond, as the API gives them (a tooltip's exact value). */
  exactSeconds(seconds: number | null): string | null {
    return seconds === null ? null : this.units.exactSecond.format(seconds);
  }

  /** A day, week or month key, short for an axis: "Dec 6", "Nov 30 – Dec 6", "December 2026". */
  timeLabel(key: string, groupBy: TimeGroup): string {
    const date = calendarDate(key);
    if (groupBy === 'month') return this.dates.month.format(date);
    if (groupBy === 'week') return this.dates.day.formatRange(date, new Date(date.getTime() + 6 * 86_400_000));
    return this.dates.day.format(date);
  }

  /** The same, whole, for a table or a tooltip: "Sun, Dec 6, 2026", "Nov 30 – Dec 6, 2026", "December 2026". */
  timeTitle(key: string, groupBy: TimeGroup): string {
    const date = calendarDate(key);
    if (groupBy === 'month') return this.dates.month.format(date);
    if (groupBy === 'week') return this.dates.week.formatRange(date, new Date(date.getTime() + 6 * 86_400_000));
    return this.dates.dayLong.format(date);
  }
}
