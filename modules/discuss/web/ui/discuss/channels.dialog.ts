import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { DialogComponent, IconComponent, plural } from '@lc/platform/web';
import type { ConversationItem } from '@lc/protocol';
import { DiscussApi, type ChannelSummary } from '../../data/discuss-api.service';

/** Create a channel, or browse the existing ones and join. */
@Component({
  selector: 'lc-channels-dialog',
  imports: [DialogComponent, IconComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <lc-dialog i18n-title="@@discuss.channels.channels" title="Channels" [width]="480" (closed)="closed.emit()">
      <form class="lc-cd-create" (submit)="create($event)">
        <label i18n="@@discuss.channels.createAChannel" class="lc-label" for="new-channel-name">Create a channel</label>
        <div class="lc-cd-create-row">
          <input i18n-placeholder="@@discuss.channels.eGSupportTeam" id="new-channel-name" class="lc-input" maxlength="100" placeholder="e.g. support-team" [value]="name()" (input)="name.set($any($event.target).value)" />
          <button i18n="@@discuss.channels.create" type="submit" class="btn btn-primary" [disabled]="!name().trim() || busy()">Create</button>
        </div>
      </form>
      <div i18n="@@discuss.channels.browseChannels" class="lc-label lc-cd-browse">Browse channels</div>
      @for (channel of channels(); track channel.id) {
        <div class="lc-cd-row">
          <lc-icon name="hash" [size]="18" class="lc-cd-hash" />
          <span class="lc-cd-name">{{ channel.name }}</span>
          <span class="lc-cd-count">{{ members(channel.memberCount) }}</span>
          @if (channel.isMember) {
            <button i18n="@@discuss.channels.open" type="button" class="btn btn-secondary btn-sm" (click)="openChannel(channel)">Open</button>
          } @else {
            <button i18n="@@discuss.channels.join" type="button" class="btn btn-primary btn-sm" [disabled]="busy()" (click)="join(channel)">Join</button>
          }
        </div>
      } @empty {
        <div class="lc-cd-empty">@if (loading()) {<ng-container i18n="@@discuss.channels.loading">Loading…</ng-container>} @else {<ng-container i18n="@@discuss.channels.noChannelYet">No channel yet: create the first one.</ng-container>}</div>
      }
    </lc-dialog>
  `,
  styles: `
    .lc-cd-create-row { display: flex; gap: 8px; }
    .lc-cd-browse { margin-top: 18px; }
    .lc-cd-row { display: flex; align-items: center; gap: 8px; padding: 6px 0; border-bottom: 1px solid var(--lc-gray-200); }
    .lc-cd-hash { color: var(--lc-gray-500); }
    .lc-cd-name { flex: 1; min-width: 0; font-weight: 500; color: var(--lc-gray-900); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .lc-cd-count { font-size: 12px; color: var(--lc-gray-600); }
    .lc-cd-empty { padding: 12px 0; color: var(--lc-gray-600); }
  `,
})
export class ChannelsDialog {
  protected members(count: number): string {
    return plural($localize`:@@discuss.look.members:{count, plural, one {# member} other {# members}}`, count);
  }
  readonly opened = output<ConversationItem | number>();
  readonly closed = output<void>();
  private readonly api = inject(DiscussApi);

  protected readonly name = signal('');
  protected readonly busy = signal(false);
  protected readonly loading = signal(true);
  protected readonly channels = signal<ChannelSummary[]>([]);

  constructor() {
    this.api.channels().then(
      (list) => this.channels.set(list),
      () => undefined,
    ).finally(() => this.loading.set(false));
  }

  protected async create(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.name().trim() || this.busy()) return;
    await this.act(() => this.api.createChannel(this.name().trim()));
  }

  protected async join(channel: ChannelSummary): Promise<void> {
    await this.act(() => this.api.joinChannel(channel.id));
  }

  protected openChannel(channel: ChannelSummary): void {
    this.opened.emit(channel.id);
  }

  private async act(request: () => Promise<ConversationItem>): Promise<void> {
    this.busy.set(true);
    try {
      this.opened.emit(await request());
    } catch {
      // The interceptor shows why.
    } finally {
      this.busy.set(false);
    }
  }
}
