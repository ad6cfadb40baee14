import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { SqlRunner, type Row } from '@lc/platform/server';
import type { ReportGroupBy, ReportMeasures, SessionsReport, SessionsReportQuery, SessionsReportRow } from '@lc/protocol';
import { messagesReadModel } from '../../../discuss/server/public-api';
import { LivechatChannel } from '../entities';
import { OperatorNames } from '../operator-names';
import { isoDate, isoWeekLabel, mondayOf, monthStart, nextMonth, offsetSpans, startOfDay } from './report-calendar';
import { reportRange, type ReportRange } from './report-range';
import { reportStatements, type Dialect } from './report-sql';

/** A group's place in the report and its name; `bucket` is what the grouped statement answers as its key. */
interface Group {
  bucket: number | string | null;
  key: string | number | null;
  label: string;
}

const seconds = (ms: unknown) => (ms === null || ms === undefined ? null : Math.round(Number(ms)) / 1000);

/**
 * GET /api/livechat/reports/sessions: the sessions started in a range, grouped by day, week or month of a
 * time zone, or by operator, channel or visitor language, with their measures (DESIGN "Reports"). The
 * database aggregates (report-sql.ts); this side only names the groups, fills in the empty days and adds
 * the running sessions' messages.
 */
@Injectable()
export class SessionReports {
  private readonly dialect: Dialect;
  private readonly liveMessageCount: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sql: SqlRunner,
    private readonly operatorNames: OperatorNames,
  ) {
    this.dialect = db.options.type === 'postgres' ? 'postgres' : 'sqlite';
    this.liveMessageCount = messagesReadModel(db).writtenCount('s."conversationId"', 's."welcomeMessageId"');
  }

  async sessions(query: SessionsReportQuery): Promise<SessionsReport> {
    const range = reportRange(query);
    const groupBy = query.groupBy ?? 'day';
    const monthGroups = groupBy === 'month' ? this.monthGroups(range) : [];
    const statements = reportStatements(
      this.dialect,
      groupBy,
      { fromMs: range.fromMs, toMs: range.toMs, channelId: query.channelId, operatorId: query.operatorId, language: query.language },
      { spans: offsetSpans(range.tz, range.fromMs, range.toMs), monthStartsMs: monthGroups.slice(1).map((m) => startOfDay(range.tz, monthStart(String(m.key)))) },
      this.liveMessageCount,
    );
    // Off the event loop on SQLite (a year of sessions takes a tenth of a second there): chats go on meanwhile.
    const [grouped, [totals], running] = await Promise.all([this.sql.readAside(statements.grouped), this.sql.readAside(statements.totals), this.sql.readAside(statements.running)]);
    const bucketOf = (row: Row) => (row.key === null ? null : normalize(row.key));
    const byBucket = new Map(grouped.map((row) => [bucketOf(row), row]));
    const runningMessages = new Map(running.map((row) => [bucketOf(row), Number(row.messages)]));
    const groups = groupBy === 'month' ? monthGroups : await this.groups(groupBy, range, [...byBucket.keys()]);
    const rows: SessionsReportRow[] = groups.map((g) => ({ key: g.key, label: g.label, ...measures(byBucket.get(g.bucket), runningMessages.get(g.bucket)) }));
    if (!isTime(groupBy)) rows.sort((a, b) => b.sessions - a.sessions || a.label.localeCompare(b.label));
    const allRunningMessages = [...runningMessages.values()].reduce((sum, n) => sum + n, 0);
    return { from: isoDate(range.fromDay), to: isoDate(range.toDay), tz: range.tz, groupBy, rows, totals: measures(totals, allRunningMessages) };
  }

  /** Every day or week of the range, or the groups the sessions fell in, named. */
  private async groups(groupBy: Exclude<ReportGroupBy, 'month'>, range: ReportRange, buckets: Array<number | string | null>): Promise<Group[]> {
    switch (groupBy) {
      case 'day':
        return days(range.fromDay, range.toDay, 1).map((day) => ({ bucket: day, key: isoDate(day), label: isoDate(day) }));
      case 'week':
        // Week numbers count from the Monday before day 0 (the statement's (day + 3) / 7).
        return days(mondayOf(range.fromDay), range.toDay, 7).map((monday) => ({ bucket: (monday + 3) / 7, key: isoDate(monday), label: isoWeekLabel(monday) }));
      case 'operator': {
        const names = await this.operatorNames.refs(buckets.filter((b): b is number => b !== null).map(Number));
        return buckets.map((id) => ({ bucket: id, key: id === null ? null : Number(id), label: id === null ? 'No operator' : (names.get(Number(id))?.name ?? `Operator #${id}`) }));
      }
      case 'channel': {
        const ids = buckets.filter((b): b is number => b !== null).map(Number);
        const names = new Map((ids.length ? await this.db.getRepository(LivechatChannel).find({ where: { id: In(ids) }, select: { id: true, name: true } }) : []).map((c) => [c.id, c.name]));
        return buckets.map((id) => ({ bucket: id, key: Number(id), label: names.get(Number(id)) ?? `Channel #${id}` }));
      }
      case 'language':
        return buckets.map((tag) => ({ bucket: tag, key: tag, label: tag === null ? 'Unknown' : String(tag) }));
    }
  }

  /** The months the range touches; the statement numbers them 0, 1, … in this order. */
  private monthGroups(range: ReportRange): Group[] {
    const groups: Group[] = [];
    const last = isoDate(range.toDay - 1).slice(0, 7);
    for (let month = isoDate(range.fromDay).slice(0, 7), i = 0; ; month = nextMonth(month), i++) {
      groups.push({ bucket: i, key: month, label: month });
      if (month === last) return groups;
    }
  }
}

const isTime = (groupBy: ReportGroupBy) => groupBy === 'day' || groupBy === 'week' || groupBy === 'month';

/** PostgreSQL answers bigint sums and counts as strings. */
function normalize(key: unknown): number | string {
  return typeof key === 'number' || (typeof key === 'string' && /^-?\d+$/.test(key)) ? Number(key) : String(key);
}

function days(from: number, toExclusive: number, step: number): number[] {
  const list: number[] = [];
  for (let day = from; day < toExclusive; day += step) list.push(day);
  return list;
}

/** A statement's row as the API's measures (no row: an empty group), with the messages of its running sessions. */
function measures(row: Row | undefined, runningMessages = 0): ReportMeasures {
  const sessions = Number(row?.sessions ?? 0);
  const answered = Number(row?.answered ?? 0);
  const ratings = { happy: Number(row?.happy ?? 0), okay: Number(row?.okay ?? 0), unhappy: Number(row?.unhappy ?? 0) };
  const rated = ratings.happy + ratings.okay + ratings.unhappy;
  return {
    sessions,
    answered,
    missed: sessions - answered,
    messages: Number(row?.messages ?? 0) + runningMessages,
    medianFirstResponseS: seconds(row?.medianFirstResponseMs),
    p90FirstResponseS: seconds(row?.p90FirstResponseMs),
    medianDurationS: seconds(row?.medianDurationMs),
    ratings,
    satisfaction: rated ? ratings.happy / rated : null,
  };
}
