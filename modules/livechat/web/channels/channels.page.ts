import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ControlPanelComponent, RealtimeService, SessionService } from '@lc/platform/web';
import type { ChannelMembershipEvent, ChannelOperatorsEvent, ConversationItem, LivechatChannelItem } from '@lc/protocol';
import { LivechatApi } from '../livechat-api.service';
import { ChannelCardComponent } from './channel-card.component';

/**
 * Live Chat → Channels: Odoo's kanban of channels, where operators join and leave. It follows the
 * server live: `livechat.channel` (my membership, also when the inactivity sweeper removes me) and
 * `livechat.channel.operators` (who is inside, for everyone).
 */
@Component({
  selector: 'lc-livechat-channels-page',
  imports: [ChannelCardComponent, ControlPanelComponent, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="lc-view">
      <lc-control-panel [breadcrumbs]="[{ label: 'Channels' }]">
        @if (isManager) {
          <a cpButtons class="btn btn-primary" routerLink="/livechat/channels/new">New</a>
        }
      </lc-control-panel>
      <div class="lc-view-body lc-kanban-body">
        @if (channels() === null) {
          <div class="lc-loading">Loading…</div>
        } @else {
          <div class="lc-kanban">
            @for (channel of channels(); track channel.id) {
              <lc-channel-card [channel]="channel" [canConfigure]="isManager" [busy]="pending() === channel.id" (joinChange)="setInside(channel, $event)" />
            } @empty {
              <div class="lc-list-empty">
                <strong>No live chat channel yet</strong>
                @if (isManager) {
                  Create one with <em>New</em> and put its widget on your website.
                } @else {
                  Ask a live chat manager to create one.
                }
              </div>
            }
          </div>
        }
      </div>
    </div>
  `,
})
export default class ChannelsPage {
  private readonly api = inject(LivechatApi);
  private readonly realtime = inject(RealtimeService);
  protected readonly isManager = inject(SessionService).hasGroup('livechat_manager');
  protected readonly channels = signal<LivechatChannelItem[] | null>(null);
  protected readonly pending = signal<number | null>(null);

  constructor() {
    const subscriptions = [
      this.realtime.on<ChannelMembershipEvent>('livechat.channel').subscribe((e) => this.patch(e.channelId, { areYouInside: e.areYouInside, ...(e.operators && { operators: e.operators }) })),
      this.realtime.on<ChannelOperatorsEvent>('livechat.channel.operators').subscribe((e) => this.patch(e.channelId, { operators: e.operators })),
      // A live chat of mine started or ended: the session counts changed.
      this.realtime.on<ConversationItem>('conversation').subscribe((item) => item.kind === 'livechat' && void this.load()),
      // Events missed while the socket was down: read everything again.
      this.realtime.connected.subscribe(() => void this.load()),
    ];
    inject(DestroyRef).onDestroy(() => subscriptions.forEach((s) => s.unsubscribe()));
    void this.load();
  }

  protected async setInside(channel: LivechatChannelItem, inside: boolean): Promise<void> {
    this.pending.set(channel.id);
    try {
      const { areYouInside } = await (inside ? this.api.join(channel.id) : this.api.leave(channel.id));
      this.patch(channel.id, { areYouInside });
    } catch {
      // The interceptor shows why (e.g. 403 for a user who is not an operator).
    } finally {
      this.pending.set(null);
    }
  }

  private async load(): Promise<void> {
    try {
      this.channels.set(await this.api.channels());
    } catch {
      this.channels.update((list) => list ?? []);
    }
  }

  private patch(channelId: number, changes: Partial<LivechatChannelItem>): void {
    this.channels.update((list) => list?.map((c) => (c.id === channelId ? { ...c, ...changes } : c)) ?? null);
  }
}
