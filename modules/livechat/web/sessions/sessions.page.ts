import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, signal, untracked } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { AvatarComponent, ControlPanelComponent, IconComponent, matchesSearch, plural, SearchBoxComponent, searchQuery, ShownNamePipe } from '@lc/platform/web';
import type { LivechatChannelItem, LivechatSessionItem, OperatorRef, SessionStatus } from '@lc/protocol';
import { LanguageNames } from '../discuss/language-names';
import { LivechatApi } from '../livechat-api.service';
import { AssignmentSentencePipe } from './assignment-sentence.pipe';
import { dateTime, duration, STATUS_BADGES, statusLabels } from './session-format';
import { RATING_FILTER_VALUES, ratingFilters, ratingText } from './rating-format';

/** Sessions change on their own (visitors come and go): the list refreshes itself this often while shown. */
const REFRESH_MS = 20_000;
const STATUSES: SessionStatus[] = ['queued', 'active', 'ended'];

/**
 * Live Chat → Sessions (managers): every visitor session with its operator, why that operator was chosen
 * and its rating; filters (channel, operator, status, rating, looking for help) and the search (visitor,
 * operator, channel, email, language) in the URL (?channel=1&operator=7&status=active&rating=5&help=1&q=camille).
 * A row opens its transcript.
 */
@Component({
  selector: 'lc-livechat-sessions-page',
  imports: [AssignmentSentencePipe, AvatarComponent, ControlPanelComponent, IconComponent, SearchBoxComponent, ShownNamePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sessions.page.html',
  styleUrl: './sessions.page.css',
})
export default class SessionsPage {
  protected countLabel(): string {
    return plural($localize`:@@livechat.sessions.count:{count, plural, one {# session} other {# sessions}}`, this.rows().length);
  }
  protected readonly breadcrumbs = [{ label: $localize`:@@livechat.routes.sessions:Sessions` }];
  protected offlineFrom(email: string): string {
    return $localize`:@@livechat.sessions.offlineMessageFrom:Offline message from ${email}:EMAIL:`;
  }
  private readonly api = inject(LivechatApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly languages = inject(LanguageNames);

  protected readonly statuses = STATUSES;
  protected readonly statusLabels = statusLabels();
  protected readonly statusBadges = STATUS_BADGES;
  protected readonly dateTime = dateTime;
  protected readonly ratingText = ratingText;
  protected readonly ratingFilters = ratingFilters();
  protected readonly channelId = signal<number | null>(Number(this.route.snapshot.queryParamMap.get('channel')) || null);
  protected readonly status = signal<SessionStatus | null>(this.parseStatus(this.route.snapshot.queryParamMap.get('status')));
  protected readonly channels = signal<LivechatChannelItem[]>([]);
  protected readonly sessions = signal<LivechatSessionItem[] | null>(null);
  protected readonly rating = signal<string | null>(this.parseRating(this.route.snapshot.queryParamMap.get('rating')));
  protected readonly operatorId = signal<number | null>(Number(this.route.snapshot.queryParamMap.get('operator')) || null);
  protected readonly needsHelp = signal(this.route.snapshot.queryParamMap.get('help') === '1');
  /** Everyone inside a channel, and whoever the loaded sessions name (an operator who left keeps their history). */
  protected readonly operators = computed(() => {
    const byId = new Map<number, OperatorRef>();
    for (const channel of this.channels()) for (const o of channel.operators) byId.set(o.id, o);
    for (const s of this.sessions() ?? []) if (s.operator && !byId.has(s.operator.id)) byId.set(s.operator.id, s.operator);
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  });
  protected readonly now = signal(Date.now());

  protected readonly filtered = computed(() => !!(this.channelId() || this.status() || this.rating() || this.operatorId() || this.needsHelp()));
  protected readonly channelNames = computed(() => new Map(this.channels().map((c) => [c.id, c.name])));
  protected readonly query = searchQuery();
  protected readonly allRows = computed(() =>
    (this.sessions() ?? []).map((s) => ({
      session: s,
      duration: duration(s.startedAt, s.endedAt, this.now()),
      channel: this.channelNames().get(s.channelId) ?? `#${s.channelId}`,
      language: this.languages.nameOf(s.visitorLanguage),
    })),
  );
  protected readonly rows = computed(() =>
    this.allRows().filter((r) => matchesSearch(this.query(), r.session.visitorName, r.session.operator?.name, r.channel, r.session.email, r.language)),
  );

  constructor() {
    void this.api.channels().then((list) => this.channels.set(list), () => undefined);
    effect(() => {
      const filter = { channelId: this.channelId(), status: this.status(), rating: this.rating(), operatorId: this.operatorId(), needsHelp: this.needsHelp() };
      untracked(() => {
        const queryParams = { channel: filter.channelId, status: filter.status, rating: filter.rating, operator: filter.operatorId, help: filter.needsHelp ? 1 : null };
        void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge', replaceUrl: true });
        void this.load();
      });
    });
    const timer = setInterval(() => {
      this.now.set(Date.now());
      if (document.visibilityState === 'visible') void this.load();
    }, REFRESH_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected open(row: LivechatSessionItem): void {
    void this.router.navigate(['/livechat/sessions', row.id]);
  }

  protected setRating(value: string): void {
    this.rating.set(this.parseRating(value));
  }

  protected setChannel(value: string): void {
    this.channelId.set(Number(value) || null);
  }

  protected setOperator(value: string): void {
    this.operatorId.set(Number(value) || null);
  }

  protected setStatus(value: string): void {
    this.status.set(this.parseStatus(value));
  }

  protected async load(): Promise<void> {
    try {
      this.sessions.set(await this.api.sessions({ channelId: this.channelId(), status: this.status(), rating: this.rating(), operatorId: this.operatorId(), needsHelp: this.needsHelp() }));
    } catch {
      this.sessions.update((list) => list ?? []);
    }
  }

  private parseRating(value: string | null): string | null {
    return value !== null && RATING_FILTER_VALUES.includes(value) ? value : null;
  }

  private parseStatus(value: string | null): SessionStatus | null {
    return STATUSES.includes(value as SessionStatus) ? (value as SessionStatus) : null;
  }
}
