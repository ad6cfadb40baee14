import { Injectable, signal } from '@angular/core';

/** "now", ticking every 30 s, so that relative times ("5 min") stay true without each view keeping a timer. */
@Injectable({ providedIn: 'root' })
export class Clock {
  readonly now = signal(Date.now());

  constructor() {
    setInterval(() => this.now.set(Date.now()), 30_000);
  }
}
