import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, signal, untracked } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { AvatarComponent, ControlPanelComponent, IconComponent, SessionService } from '@lc/platform/web';
import type { LivechatChannelItem, LivechatSessionItem, SessionStatus } from '@lc/protocol';
import { LivechatApi } from '../livechat-api.service';
import { dateTime, duration, STATUS_BADGES, STATUS_LABELS } from './session-format';
import { SessionPanelComponent } from './session-panel.component';

/** Sessions change on their own (visitors come and go): the list refreshes itself this often while shown. */
const REFRESH_MS = 20_000;
const STATUSES: SessionStatus[] = ['queued', 'active', 'ended'];

/**
 * Live Chat → Sessions (managers): every visitor session with its operator and why that operator was
 * chosen; filters in the URL (?channel=1&status=active). A row opens the conversation in Discuss when the
 * manager is its operator, else its details in a side panel.
 */
@Component({
  selector: 'lc-livechat-sessions-page',
  imports: [AvatarComponent, ControlPanelComponent, IconComponent, SessionPanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sessions.page.html',
  styleUrl: './sessions.page.css',
})
export default class SessionsPage {
  private readonly api = inject(LivechatApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly session = inject(SessionService);

  protected readonly statuses = STATUSES;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly statusBadges = STATUS_BADGES;
  protected readonly dateTime = dateTime;
  protected readonly channelId = signal<number | null>(Number(this.route.snapshot.queryParamMap.get('channel')) || null);
  protected readonly status = signal<SessionStatus | null>(this.parseStatus(this.route.snapshot.queryParamMap.get('status')));
  protected readonly channels = signal<LivechatChannelItem[]>([]);
  protected readonly sessions = signal<LivechatSessionItem[] | null>(null);
  protected readonly selected = signal<LivechatSessionItem | null>(null);
  protected readonly now = signal(Date.now());

  protected readonly channelNames = computed(() => new Map(this.channels().map((c) => [c.id, c.name])));
  protected readonly rows = computed(() =>
    (this.sessions() ?? []).map((s) => ({ session: s, duration: duration(s.startedAt, s.endedAt, this.now()), channel: this.channelNames().get(s.channelId) ?? `#${s.channelId}` })),
  );

  constructor() {
    void this.api.channels().then((list) => this.channels.set(list), () => undefined);
    effect(() => {
      const filter = { channelId: this.channelId(), status: this.status() };
      untracked(() => {
        void this.router.navigate([], { relativeTo: this.route, queryParams: { channel: filter.channelId, status: filter.status }, replaceUrl: true });
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
    if (row.operator?.id === this.session.user()?.id && !row.offline) void this.router.navigate(['/discuss', row.conversationId]);
    else this.selected.set(row);
  }

  protected setChannel(value: string): void {
    this.channelId.set(Number(value) || null);
  }

  protected setStatus(value: string): void {
    this.status.set(this.parseStatus(value));
  }

  protected async load(): Promise<void> {
    try {
      const list = await this.api.sessions({ channelId: this.channelId(), status: this.status() });
      this.sessions.set(list);
      const selected = this.selected();
      if (selected) this.selected.set(list.find((s) => s.id === selected.id) ?? selected);
    } catch {
      this.sessions.update((list) => list ?? []);
    }
  }

  private parseStatus(value: string | null): SessionStatus | null {
    return STATUSES.includes(value as SessionStatus) ? (value as SessionStatus) : null;
  }
}
