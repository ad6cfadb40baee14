import { computed, inject, Injectable, signal } from '@angular/core';
import type { Subscription } from 'rxjs';
import { FreshRead, NotificationService, RealtimeService, SessionService, type ModuleService, shownName } from '@lc/platform/web';
import type { HelpEvent, HelpRequestItem } from '@lc/protocol';
import { LivechatApi } from '../livechat-api.service';

/**
 * The conversations of my channels whose operator is looking for help (Odoo's "Looking for help"), kept
 * current by `livechat.help`, my joins and leaves, and each reconnect; a new one shows a notification at once.
 */
@Injectable({ providedIn: 'root' })
export class HelpRequestsStore implements ModuleService {
  private readonly api = inject(LivechatApi);
  private readonly realtime = inject(RealtimeService);
  private readonly session = inject(SessionService);
  private readonly notifications = inject(NotificationService);
  private readonly all = signal<HelpRequestItem[]>([]);
  private subscriptions: Subscription[] = [];
  private generation = 0;
  private readonly fresh = new FreshRead();

  /** Others' requests (my own wait for them), oldest first. */
  readonly requests = computed(() => this.all().filter((r) => r.operator?.id !== this.session.user()?.id));

  start(): void {
    if (!this.session.hasGroup('livechat_operator')) return;
    this.subscriptions = [
      this.realtime.on<HelpEvent>('livechat.help').subscribe((event) => void this.changed(event)),
      // Inside one more channel (or one fewer): its calls for help, or no longer.
      this.realtime.on('livechat.channel').subscribe(() => void this.load()),
      this.realtime.connected.subscribe(() => void this.load()),
    ];
    void this.load();
  }

  stop(): void {
    this.generation++;
    this.subscriptions.forEach((s) => s.unsubscribe());
    this.subscriptions = [];
    this.all.set([]);
  }

  /** Joins beside the operator: the server opens the conversation in my views; the request is over. */
  async join(request: HelpRequestItem): Promise<void> {
    await this.api.joinSession(request.id);
    this.drop(request.id);
  }

  private async changed(event: HelpEvent): Promise<void> {
    if (!event.needHelp) return this.drop(event.sessionId);
    await this.load();
    const request = this.requests().find((r) => r.id === event.sessionId);
    if (request) this.notifications.info(
        request.operator
          ? $localize`:@@livechat.help.needsHelp:${request.operator.name}:OPERATOR: needs help with ${shownName(request.visitorName)}:VISITOR: (${request.channelName}:CHANNEL:).`
          : $localize`:@@livechat.help.anOperatorNeedsHelp:An operator needs help with ${shownName(request.visitorName)}:VISITOR: (${request.channelName}:CHANNEL:).`,
        { title: $localize`:@@livechat.help.lookingForHelp:Looking for help`, duration: 8000 },
      );
  }

  /** A request answered or withdrawn; a list read before that must not bring it back. */
  private drop(sessionId: number): void {
    this.fresh.changed();
    this.all.update((list) => list.filter((r) => r.id !== sessionId));
  }

  private async load(): Promise<void> {
    const generation = this.generation;
    try {
      const list = await this.fresh.read(() => this.api.helpRequests());
      if (generation === this.generation) this.all.set(list);
    } catch {
      // Offline: the next reconnect loads them again.
    }
  }
}
