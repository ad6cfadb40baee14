import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ControlPanelComponent, FreshRead, matchesSearch, RealtimeService, SearchBoxComponent, searchQuery, SessionService } from '@lc/platform/web';
import type { ChannelMembershipEvent, ChannelOperatorEvent, ConversationItem, LivechatChannelItem } from '@lc/protocol';
import { LivechatApi } from '../livechat-api.service';
import { ChannelCardComponent } from './channel-card.component';

/**
 * Live Chat → Channels: Odoo's kanban of channels, where operators join and leave. It follows the
 * server live: `livechat.channel` (my membership, also when the inactivity sweeper removes me) and
 * `livechat.channel.operator` (one operator in or out, sent to the sockets watching the channels: this
 * page while open). The search (channel or operator name) is kept in the URL (?q=).
 */
@Component({
  selector: 'lc-livechat-channels-page',
  imports: [ChannelCardComponent, ControlPanelComponent, RouterLink, SearchBoxComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="lc-view">
      <lc-control-panel [breadcrumbs]="breadcrumbs">
        @if (isManager) {
          <a i18n="@@livechat.channels.new" cpButtons class="btn btn-primary" routerLink="/livechat/channels/new">New</a>
        }
        <lc-search-box i18n-placeholder="@@livechat.channels.searchChannels" cpSearch placeholder="Search channels..." [(value)]="query" />
      </lc-control-panel>
      <div class="lc-view-body lc-kanban-body">
        @if (channels() === null) {
          <div i18n="@@livechat.channels.loading" class="lc-loading">Loading…</div>
        } @else {
          <div class="lc-kanban">
            @for (channel of shown(); track channel.id) {
              <lc-channel-card [channel]="channel" [canConfigure]="isManager" [busy]="pending() === channel.id" (joinChange)="setInside(channel, $event)" />
            } @empty {
              @if (channels()!.length) {
                <div class="lc-list-empty"><strong i18n="@@livechat.channels.noChannelMatches">No channel matches "{{ query() // i18n(ph="QUERY") }}"</strong><ng-container i18n="@@livechat.channels.tryAnotherName">Try another name.</ng-container></div>
              } @else {
                <div class="lc-list-empty">
                  <strong i18n="@@livechat.channels.noLiveChatChannel">No live chat channel yet</strong>
                  @if (isManager) {
                    <ng-container i18n="@@livechat.channels.createOneWith">Create one with</ng-container> <em i18n="@@livechat.channels.new">New</em> <ng-container i18n="@@livechat.channels.andPutItsWidget">and put its widget on your website.</ng-container>
                  } @else {
                    <ng-container i18n="@@livechat.channels.askALiveChat">Ask a live chat manager to create one.</ng-container>
                  }
                </div>
              }
            }
          </div>
        }
      </div>
    </div>
  `,
})
export default class ChannelsPage {
  protected readonly breadcrumbs = [{ label: $localize`:@@livechat.routes.channels:Channels` }];
  private readonly api = inject(LivechatApi);
  private readonly realtime = inject(RealtimeService);
  protected readonly isManager = inject(SessionService).hasGroup('livechat_manager');
  protected readonly channels = signal<LivechatChannelItem[] | null>(null);
  protected readonly pending = signal<number | null>(null);
  protected readonly query = searchQuery();
  protected readonly shown = computed(() => (this.channels() ?? []).filter((c) => matchesSearch(this.query(), c.name, ...c.operators.map((o) => o.name))));

  constructor() {
    const subscriptions = [
      this.realtime.on<ChannelMembershipEvent>('livechat.channel').subscribe((e) => this.patch(e.channelId, { areYouInside: e.areYouInside })),
      this.realtime.on<ChannelOperatorEvent>('livechat.channel.operator').subscribe((e) => this.patchOperator(e)),
      // A live chat of mine started or ended: the session counts changed.
      this.realtime.on<ConversationItem>('conversation').subscribe((item) => item.kind === 'livechat' && void this.load()),
      // Events missed while the socket was down: read everything again.
      // A new socket is in no room: ask for the operators' changes again, then read what was missed.
      this.realtime.connected.subscribe(() => void this.watch().then(() => this.load())),
    ];
    inject(DestroyRef).onDestroy(() => {
      subscriptions.forEach((s) => s.unsubscribe());
      if (this.realtime.isConnected) this.realtime.emit('livechat.channels.unwatch').catch(() => undefined);
    });
    if (this.realtime.isConnected) void this.watch();
    void this.load();
  }

  /** Joins the watchers of the channels' operators (livechat.channel.operator). */
  private watch(): Promise<unknown> {
    return this.realtime.emit('livechat.channels.watch').catch(() => undefined); // without it the page still works, reloading on each reconnect
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

  /** A read that raced a join, a leave or an event (e.g. on the socket's first connection) is read again. */
  private readonly fresh = new FreshRead();

  private async load(): Promise<void> {
    try {
      this.channels.set(await this.fresh.read(() => this.api.channels()));
    } catch {
      this.channels.update((list) => list ?? []);
    }
  }

  /** One operator in or out: the card's list changes by one (in joining order, as the server lists them). */
  private patchOperator({ channelId, operator, inside }: ChannelOperatorEvent): void {
    const card = this.channels()?.find((c) => c.id === channelId);
    if (!card) return this.fresh.changed(); // the list is being read: read it again once it arrives
    const others = card.operators.filter((o) => o.id !== operator.id);
    this.patch(channelId, { operators: inside ? [...others, operator] : others });
  }

  private patch(channelId: number, changes: Partial<LivechatChannelItem>): void {
    this.fresh.changed();
    this.channels.update((list) => list?.map((c) => (c.id === channelId ? { ...c, ...changes } : c)) ?? null);
  }
}
