import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { ControlPanelComponent, errorMessages, IconComponent, NotificationService, SessionService, uiLocale } from '@lc/platform/web';
import type { ReportGroupBy, ReportMeasures, SessionsReport, SessionsReportRow } from '@lc/protocol';
import { LanguageNames } from '../discuss/language-names';
import { LivechatApi, type ReportQuery } from '../livechat-api.service';
import { RATING_FACES } from '../sessions/rating-format';
import { ReportChartComponent, type ReportChartData } from './report-chart.component';
import { isTimeGroup, ReportFormat } from './report-format';
import { ReportTableComponent } from './report-table.component';
import { addDays, customRange, GROUP_BYS, localDate, presetRange, RANGE_PRESETS, type DateRange, type RangePreset } from './report-range';

export type ReportView = 'sessions' | 'operators';
type Display = 'chart' | 'table';

/** Okabe & Ito's palette, told apart by colour-blind readers; missed bars are striped as well. */
const COLORS = { answered: '#0072b2', missed: '#e69f00', happy: '#009e73', okay: '#f0e442', unhappy: '#d55e00' };

/** Every word this page shows outside its template (selects, chart, file), in one place for the translators. */
const reportTexts = () => ({
  title: { sessions: $localize`:@@livechat.reports.sessionStatistics:Session Statistics`, operators: $localize`:@@livechat.reports.operatorAnalysis:Operator Analysis` } satisfies Record<ReportView, string>,
  periods: {
    today: $localize`:@@livechat.reports.today:Today`,
    '7d': $localize`:@@livechat.reports.last7Days:Last 7 days`,
    '30d': $localize`:@@livechat.reports.last30Days:Last 30 days`,
    month: $localize`:@@livechat.reports.thisMonth:This month`,
    custom: $localize`:@@livechat.reports.customRange:Custom range`,
  } satisfies Record<RangePreset, string>,
  groupBys: {
    day: $localize`:@@livechat.reports.day:Day`,
    week: $localize`:@@livechat.reports.week:Week`,
    month: $localize`:@@livechat.reports.month:Month`,
    operator: $localize`:@@livechat.reports.operator:Operator`,
    channel: $localize`:@@livechat.reports.channel:Channel`,
    language: $localize`:@@livechat.reports.language:Language`,
  } satisfies Record<ReportGroupBy, string>,
  chartSummaries: {
    day: $localize`:@@livechat.reports.summaryDay:Answered and missed sessions per day`,
    week: $localize`:@@livechat.reports.summaryWeek:Answered and missed sessions per week`,
    month: $localize`:@@livechat.reports.summaryMonth:Answered and missed sessions per month`,
    operator: $localize`:@@livechat.reports.summaryOperator:Answered and missed sessions per operator`,
    channel: $localize`:@@livechat.reports.summaryChannel:Answered and missed sessions per channel`,
    language: $localize`:@@livechat.reports.summaryLanguage:Answered and missed sessions per visitor language`,
  } satisfies Record<ReportGroupBy, string>,
  sessionsAxis: $localize`:@@livechat.reports.sessions:Sessions`,
  answered: $localize`:@@livechat.reports.answeredSeries:Answered`,
  missed: $localize`:@@livechat.reports.missedSeries:Missed`,
  medianFirstAnswer: $localize`:@@livechat.reports.medianFirstAnswer:Median first answer`,
  satisfaction: $localize`:@@livechat.reports.satisfaction:Satisfaction`,
  noOperator: $localize`:@@livechat.reports.noOperator:No operator`,
  unknownLanguage: $localize`:@@livechat.reports.unknownLanguage:Unknown language`,
  rangeProblems: {
    incomplete: $localize`:@@livechat.reports.rangeIncomplete:Choose the first and the last day.`,
    order: $localize`:@@livechat.reports.rangeOrder:The last day comes before the first.`,
    length: $localize`:@@livechat.reports.rangeLength:Choose at most 366 days.`,
  },
  csvFailed: $localize`:@@livechat.reports.csvFailed:The CSV could not be downloaded`,
});

/**
 * Live Chat → Reporting (managers), Odoo's Session Statistics and Operator Analysis: the sessions of a
 * period as a chart or a table, grouped by day, week, month, operator, channel or language, with their
 * measures, filters and a CSV of what is shown. Dates are the browser's (its time zone goes to the API);
 * numbers and dates are written in the user's language. The filters live in the URL.
 */
@Component({
  selector: 'lc-livechat-reports-page',
  imports: [ControlPanelComponent, IconComponent, ReportChartComponent, ReportTableComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reports.page.html',
  styleUrl: './reports.page.css',
})
export default class ReportsPage {
  private readonly api = inject(LivechatApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly session = inject(SessionService);
  private readonly languageNames = inject(LanguageNames);
  private readonly notifications = inject(NotificationService);
  private readonly query = this.route.snapshot.queryParamMap;
  private readonly tz = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  private loads = 0;

  protected readonly text = reportTexts();
  protected readonly faces = RATING_FACES;
  protected readonly colors = COLORS;
  protected readonly presets = RANGE_PRESETS;
  protected readonly groupBys = GROUP_BYS;
  protected readonly view: ReportView = this.route.snapshot.data['view'] === 'operators' ? 'operators' : 'sessions';
  protected readonly format = new ReportFormat(uiLocale());

  protected readonly preset = signal<RangePreset>(RANGE_PRESETS.find((p) => p === this.query.get('period')) ?? '30d');
  protected readonly first = signal(this.query.get('from') ?? '');
  protected readonly last = signal(this.query.get('last') ?? '');
  protected readonly channelId = signal(Number(this.query.get('channel')) || null);
  protected readonly operatorId = signal(Number(this.query.get('operator')) || null);
  protected readonly language = signal(this.query.get('language') || null);
  protected readonly groupBy = signal<ReportGroupBy>(GROUP_BYS.find((g) => g === this.query.get('groupBy')) ?? (this.view === 'operators' ? 'operator' : 'day'));
  protected readonly display = signal<Display>(this.query.get('display') === 'table' ? 'table' : 'chart');

  protected readonly channels = signal<Array<{ id: number; name: string }>>([]);
  protected readonly operators = signal<Array<{ id: number; name: string }>>([]);
  protected readonly languages = signal<Array<{ code: string; name: string }>>([]);
  protected readonly report = signal<SessionsReport | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly downloading = signal(false);

  /** The period asked for, or what is wrong with the custom one. */
  protected readonly range = computed<DateRange | keyof ReturnType<typeof reportTexts>['rangeProblems']>(() => {
    const preset = this.preset();
    return preset === 'custom' ? customRange(this.first(), this.last()) : presetRange(preset, localDate(new Date()));
  });
  protected readonly rangeProblem = computed(() => {
    const range = this.range();
    return typeof range === 'string' ? this.text.rangeProblems[range] : null;
  });
  private readonly reportQuery = computed<ReportQuery | null>(() => {
    const range = this.range();
    if (typeof range === 'string') return null;
    return { ...range, groupBy: this.groupBy(), tz: this.tz, channelId: this.channelId(), operatorId: this.operatorId(), language: this.language() };
  });

  protected readonly rows = computed(() => (this.report()?.rows ?? []).map((row) => ({ row, label: this.label(row), title: this.title(row) })));
  protected readonly totals = computed(() => this.report()?.totals ?? null);
  protected readonly isEmpty = computed(() => this.report()?.totals.sessions === 0);
  protected readonly chart = computed<ReportChartData | null>(() => {
    const report = this.report();
    if (!report) return null;
    const rows = this.rows();
    return {
      horizontal: !isTimeGroup(report.groupBy),
      labels: rows.map((r) => r.label),
      titles: rows.map((r) => r.title),
      series: [
        { label: this.text.answered, values: rows.map((r) => r.row.answered), color: COLORS.answered },
        { label: this.text.missed, values: rows.map((r) => r.row.missed), color: COLORS.missed, striped: true },
      ],
      categoryAxis: this.text.groupBys[report.groupBy],
      valueAxis: this.text.sessionsAxis,
      details: rows.map(({ row }) => [
        `${this.text.medianFirstAnswer}: ${this.format.duration(row.medianFirstResponseS) ?? '—'}`,
        `${this.text.satisfaction}: ${this.format.percent(row.satisfaction) ?? '—'}`,
      ]),
      locale: this.format.locale,
      summary: this.text.chartSummaries[report.groupBy],
    };
  });

  constructor() {
    void this.api.channels().then((list) => this.channels.set(list.map((c) => ({ id: c.id, name: c.name }))), () => undefined);
    void this.api.operatorCandidates(this.session.isAdmin()).then((list) => this.operators.set(list), () => undefined);
    void this.loadLanguages();
    effect(() => {
      const query = this.reportQuery();
      const state = { period: this.preset(), from: this.preset() === 'custom' ? this.first() || null : null, last: this.preset() === 'custom' ? this.last() || null : null };
      const filters = { channel: this.channelId(), operator: this.operatorId(), language: this.language(), groupBy: this.groupBy(), display: this.display() };
      untracked(() => {
        void this.router.navigate([], { relativeTo: this.route, queryParams: { ...state, ...filters }, replaceUrl: true });
        if (query) void this.load(query);
      });
    });
  }

  protected choose<T>(target: { set(value: T): void }, value: T): void {
    target.set(value);
  }

  protected chooseId(target: { set(value: number | null): void }, value: string): void {
    target.set(Number(value) || null);
  }

  protected choosePreset(value: string): void {
    const preset = RANGE_PRESETS.find((p) => p === value) ?? '30d';
    const current = this.range();
    if (preset === 'custom' && typeof current !== 'string' && !this.first()) {
      // The custom range starts from the period shown, its last day included.
      this.first.set(current.from);
      this.last.set(addDays(current.to, -1));
    }
    this.preset.set(preset);
  }

  protected chooseGroupBy(value: string): void {
    this.groupBy.set(GROUP_BYS.find((g) => g === value) ?? 'day');
  }

  protected async downloadCsv(): Promise<void> {
    const query = this.reportQuery();
    if (!query) return;
    this.downloading.set(true);
    try {
      const file = await this.api.sessionsReportCsv(query);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(file.blob);
      link.download = file.filename;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (error) {
      this.notifications.notify('danger', errorMessages(error), { title: this.text.csvFailed });
    } finally {
      this.downloading.set(false);
    }
  }

  protected hasLanguage(code: string): boolean {
    return this.languages().some((l) => l.code === code);
  }

  /** The rated sessions' split, as widths of the satisfaction bar. */
  protected ratingShares(measures: ReportMeasures): { happy: number; okay: number; unhappy: number; rated: number } {
    const { happy, okay, unhappy } = measures.ratings;
    const rated = happy + okay + unhappy;
    const share = (n: number) => (rated ? (100 * n) / rated : 0);
    return { happy: share(happy), okay: share(okay), unhappy: share(unhappy), rated };
  }

  /** Newer answers win: a slow report never replaces the one asked for after it. */
  private async load(query: ReportQuery): Promise<void> {
    const load = ++this.loads;
    this.loading.set(true);
    try {
      const report = await this.api.sessionsReport(query);
      if (load !== this.loads) return;
      this.report.set(report);
      this.error.set(null);
    } catch (error) {
      if (load === this.loads) this.error.set(errorMessages(error).join(' '));
    } finally {
      if (load === this.loads) this.loading.set(false);
    }
  }

  /** The visitors' languages of the last year, for the language filter. */
  private async loadLanguages(): Promise<void> {
    const today = localDate(new Date());
    try {
      const report = await this.api.sessionsReport({ from: addDays(today, -365), to: addDays(today, 1), groupBy: 'language', tz: this.tz });
      const codes = report.rows.map((r) => r.key).filter((key): key is string => typeof key === 'string');
      this.languages.set(codes.map((code) => ({ code, name: this.languageNames.nameOf(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name)));
    } catch {
      // The filter then offers the language of the link only.
    }
  }

  /** Dates in the user's language, languages by name; operators and channels as the server names them. */
  private label({ key, label }: SessionsReportRow): string {
    const groupBy = this.report()!.groupBy;
    if (isTimeGroup(groupBy)) return this.format.timeLabel(String(key), groupBy);
    if (key === null) return groupBy === 'language' ? this.text.unknownLanguage : this.text.noOperator;
    return groupBy === 'language' ? (this.languageNames.nameOf(String(key)) ?? label) : label;
  }

  private title(row: SessionsReportRow): string {
    const groupBy = this.report()!.groupBy;
    return isTimeGroup(groupBy) ? this.format.timeTitle(String(row.key), groupBy) : this.label(row);
  }
}
