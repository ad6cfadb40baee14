import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom, type Subscription } from 'rxjs';
import type { PresenceConfig, PresenceEvent } from '@lc/protocol';
import { ActivityReporter, PresenceStore, RealtimeService, silentErrors, type ModuleService } from '@lc/platform/web';

/**
 * Keeps PresenceStore current: the full list from GET /api/presence at start and after every reconnect
 * (events sent while the socket was down are lost), then each `presence` event.
 */
@Injectable({ providedIn: 'root' })
export class PresenceFeed implements ModuleService {
  private readonly http = inject(HttpClient);
  private readonly realtime = inject(RealtimeService);
  private readonly store = inject(PresenceStore);
  private readonly activity = inject(ActivityReporter);
  private subscriptions: Subscription[] = [];

  start(): void {
    this.subscriptions = [
      this.realtime.on<PresenceEvent>('presence').subscribe((event) => this.store.set(event.userId, event.status)),
      this.realtime.connected.subscribe(() => void this.reload()),
    ];
    void this.reload();
    void firstValueFrom(this.http.get<PresenceConfig>('/api/presence/config', { context: silentErrors() })).then(
      (config) => this.activity.setInterval(config.activityIntervalS * 1000),
      () => undefined, // the reporter keeps its default pace
    );
  }

  stop(): void {
    this.subscriptions.forEach((s) => s.unsubscribe());
    this.subscriptions = [];
    this.store.clear();
  }

  private async reload(): Promise<void> {
    try {
      this.store.replaceAll(await firstValueFrom(this.http.get<PresenceEvent[]>('/api/presence', { context: silentErrors() })));
    } catch {
      // Offline for now: the next reconnect reloads.
    }
  }
}
