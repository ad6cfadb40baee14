import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AvatarComponent, ControlPanelComponent, matchesSearch, NotificationService, plural, SearchBoxComponent, searchQuery, ShownNamePipe, shownNameOrNull } from '@lc/platform/web';
import type { VisitorBlock } from '@lc/protocol';
import { LivechatApi } from '../livechat-api.service';
import { dateTime } from '../sessions/session-format';

/**
 * Live Chat → Configuration → Blocked visitors (managers): the blocks in force, who made them, why and until
 * when, the session they came from; "Lift" ends one at once.
 */
@Component({
  selector: 'lc-blocked-visitors-page',
  imports: [AvatarComponent, ControlPanelComponent, RouterLink, SearchBoxComponent, ShownNamePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './blocked-visitors.page.html',
  styles: `
    .lc-bl-reason { max-width: 320px; white-space: normal; overflow-wrap: anywhere; }
    .lc-bl-address { font-family: var(--lc-font-mono, monospace); font-size: 12px; }
    @media (max-width: 576px) { .lc-hide-phone { display: none; } }
  `,
})
export default class BlockedVisitorsPage {
  protected readonly breadcrumbs = [{ label: $localize`:@@livechat.routes.blockedVisitors:Blocked visitors` }];
  protected tokenTitle(token: string): string {
    return $localize`:@@livechat.blocks.visitorToken:Visitor token ${token}:TOKEN:…`;
  }
  protected blockedOn(iso: string): string {
    return $localize`:@@livechat.blocks.blockedOn:Blocked on ${this.dateTime(iso)}:DATE:`;
  }
  protected countLabel(): string {
    return plural($localize`:@@livechat.blocks.count:{count, plural, one {# blocked visitor} other {# blocked visitors}}`, this.rows().length);
  }
  private readonly api = inject(LivechatApi);
  private readonly notifications = inject(NotificationService);

  protected readonly dateTime = dateTime;
  protected readonly blocks = signal<VisitorBlock[] | null>(null);
  protected readonly lifting = signal<number | null>(null);
  protected readonly query = searchQuery();
  protected readonly rows = computed(() => (this.blocks() ?? []).filter((b) => matchesSearch(this.query(), b.visitorName, b.address, b.reason, b.blockedBy?.name)));

  constructor() {
    void this.load();
  }

  protected async lift(block: VisitorBlock): Promise<void> {
    const who = shownNameOrNull(block.visitorName) ?? $localize`:@@livechat.blocks.thisVisitor:this visitor`;
    if (!confirm($localize`:@@livechat.blocks.liftConfirm:Lift the block of ${who}:VISITOR:? They can chat again at once.`)) return;
    this.lifting.set(block.id);
    try {
      await this.api.liftBlock(block.id);
      this.blocks.update((list) => (list ?? []).filter((b) => b.id !== block.id));
      this.notifications.success($localize`:@@livechat.blocks.lifted:${who}:VISITOR: can chat again.`);
    } catch {
      // The interceptor shows why.
    } finally {
      this.lifting.set(null);
    }
  }

  private async load(): Promise<void> {
    try {
      this.blocks.set(await this.api.blocks());
    } catch {
      this.blocks.set([]);
    }
  }
}
