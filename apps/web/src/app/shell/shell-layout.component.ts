import { ChangeDetectionStrategy, Component, DestroyRef, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterOutlet } from '@angular/router';
import { ActivityReporter, ModuleServicesRunner, RealtimeService, SessionService, SlotOutletComponent } from '@lc/platform/web';
import { safeRedirect } from '../routing/auth.guards';
import { ConnectionBannerComponent } from './connection-banner.component';
import { LiveModules } from './live-modules';
import { NavbarComponent } from './navbar.component';

/**
 * Every signed-in page: the navbar, the routed page, and the dock of chat windows. The dock sits outside
 * the router outlet so that open chat windows survive navigation. Signing in opens the socket and starts
 * the enabled modules' background services (presence feed, conversations store…), which follow the
 * modules an administrator switches (LiveModules). When the server closes the socket because the sign-in
 * was revoked, the shell goes to the login page at once.
 */
@Component({
  selector: 'lc-shell-layout',
  imports: [RouterOutlet, ConnectionBannerComponent, NavbarComponent, SlotOutletComponent],
  providers: [LiveModules],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <lc-navbar />
    <main class="lc-main"><router-outlet /></main>
    <lc-slot name="dock" class="lc-dock" />
    <lc-connection-banner />
  `,
  styles: `
    :host { display: flex; flex-direction: column; height: 100vh; overflow: hidden; }
    .lc-main { flex: 1; min-height: 0; overflow: auto; display: flex; flex-direction: column; }
    /* Chat windows stand side by side from the right edge; the empty strip between them lets clicks through. */
    .lc-dock {
      position: fixed; right: 10px; bottom: 0; z-index: 1000;
      display: flex; flex-direction: row-reverse; align-items: flex-end; gap: 10px;
      pointer-events: none;
    }
    .lc-dock ::ng-deep > * { pointer-events: auto; }
  `,
})
export default class ShellLayoutComponent {
  constructor() {
    const realtime = inject(RealtimeService);
    const activity = inject(ActivityReporter);
    const services = inject(ModuleServicesRunner);
    const session = inject(SessionService);
    const router = inject(Router);
    realtime.closedByServer.pipe(takeUntilDestroyed()).subscribe(async () => {
      if (await session.restore()) return realtime.reconnect();
      const redirect = safeRedirect(router.url);
      await router.navigate(['/login'], { queryParams: redirect === '/' ? {} : { redirect } });
    });
    void realtime.connect();
    activity.start();
    services.run();
    inject(LiveModules).start();
    inject(DestroyRef).onDestroy(() => {
      services.stopAll();
      activity.stop();
      realtime.disconnect();
    });
  }
}
