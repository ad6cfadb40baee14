import { DOCUMENT } from '@angular/common';
import { inject, Injectable } from '@angular/core';
import { RealtimeService } from './realtime.service';

/** What counts as the user being there. */
const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'mousemove'] as const;
/** min(60 s, inactivity timeout / 3) with the server's default timeout of 30 minutes. */
export const DEFAULT_ACTIVITY_INTERVAL_MS = 60_000;

/**
 * Tells the server the user is active (socket event `activity`) on user input, at most once per interval,
 * so that presence (and any module watching inactivity) sees people who work without sending messages.
 */
@Injectable({ providedIn: 'root' })
export class ActivityReporter {
  private readonly document = inject(DOCUMENT);
  private readonly realtime = inject(RealtimeService);
  private lastSentAt = 0;
  private intervalMs = DEFAULT_ACTIVITY_INTERVAL_MS;
  private readonly onInput = () => this.report();

  start(intervalMs = DEFAULT_ACTIVITY_INTERVAL_MS): void {
    this.intervalMs = intervalMs;
    this.stop();
    for (const event of INPUT_EVENTS) this.document.addEventListener(event, this.onInput, { passive: true, capture: true });
  }

  /** The server's pace (GET /api/presence/config: min(60 s, inactivity timeout / 3)), set by the presence module. */
  setInterval(intervalMs: number): void {
    if (intervalMs > 0) this.intervalMs = intervalMs;
  }

  stop(): void {
    for (const event of INPUT_EVENTS) this.document.removeEventListener(event, this.onInput, { capture: true });
  }

  private report(): void {
    const now = Date.now();
    if (now - this.lastSentAt < this.intervalMs || !this.realtime.isConnected) return;
    this.lastSentAt = now;
    this.realtime.emit('activity').catch(() => undefined); // best effort: a lost one is followed by the next
  }
}
