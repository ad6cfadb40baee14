import { computed, Injectable, signal } from '@angular/core';
import type { PresenceStatus } from '@lc/protocol';

/**
 * Who is online, away or offline, by user id: one signal map every avatar reads. The presence module's
 * web part feeds it (GET /api/presence, then `presence` events); while nothing feeds it (the module is
 * disabled) `status()` is null and the dots are not drawn.
 */
@Injectable({ providedIn: 'root' })
export class PresenceStore {
  private readonly statuses = signal<ReadonlyMap<number, PresenceStatus>>(new Map());
  private readonly fed = signal(false);
  readonly active = this.fed.asReadonly();
  readonly onlineCount = computed(() => [...this.statuses().values()].filter((s) => s === 'online').length);

  /** Unknown users are offline (they never connected). */
  status(userId: number): PresenceStatus | null {
    if (!this.fed()) return null;
    return this.statuses().get(userId) ?? 'offline';
  }

  replaceAll(list: ReadonlyArray<{ userId: number; status: PresenceStatus }>): void {
    this.statuses.set(new Map(list.map((p) => [p.userId, p.status])));
    this.fed.set(true);
  }

  set(userId: number, status: PresenceStatus): void {
    if (this.statuses().get(userId) === status) return;
    this.statuses.update((map) => new Map(map).set(userId, status));
  }

  clear(): void {
    this.statuses.set(new Map());
    this.fed.set(false);
  }
}
