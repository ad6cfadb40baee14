import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { RealtimeService } from '@lc/platform/web';

/** A blip of a second is not worth a banner. */
const GRACE_MS = 2000;

/**
 * Odoo's "Connection lost. Trying to reconnect…": shown when the live connection, once up, has been down
 * for a moment, so that the user knows why messages stop arriving (they are caught up on reconnect).
 */
@Component({
  selector: 'lc-connection-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (lost()) {
      <div i18n="@@base.connectionBanner.connectionLostTryingTo" class="lc-connection-lost" role="status">Connection lost. Trying to reconnect…</div>
    }
  `,
  styles: `
    :host { position: fixed; top: calc(var(--lc-navbar-height) + 8px); left: 50%; transform: translateX(-50%); z-index: 1090; pointer-events: none; }
    .lc-connection-lost { padding: 6px 14px; border-radius: 16px; background: #fff3cd; border: 1px solid #ffe08a; color: #664d03; font-size: 13px; font-weight: 500; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.12); }
  `,
})
export class ConnectionBannerComponent {
  protected readonly lost = signal(false);

  constructor() {
    const realtime = inject(RealtimeService);
    let wasOnline = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    effect((onCleanup) => {
      const online = realtime.online();
      clearTimeout(timer);
      if (online) {
        wasOnline = true;
        this.lost.set(false);
      } else if (wasOnline) {
        timer = setTimeout(() => this.lost.set(true), GRACE_MS);
      }
      onCleanup(() => clearTimeout(timer));
    });
  }
}
