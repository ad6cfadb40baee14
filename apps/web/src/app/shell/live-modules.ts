import { DestroyRef, effect, inject, Injectable, Injector, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import { skip } from 'rxjs';
import { RealtimeService, SessionService } from '@lc/platform/web';
import type { ModulesEvent } from '@lc/protocol';
import { isStalePage, shownPageData } from '../routing/module-routes';

/**
 * Keeps an open shell in step with the modules an administrator switches, without a reload: the
 * `modules` event updates the enabled set at once (slots, services and routes follow it), then the
 * menus are fetched again (they depend on the user's groups); a page whose module was just switched
 * the other way is navigated to again, so it becomes "This app is not enabled", or the page itself.
 */
@Injectable()
export class LiveModules {
  private readonly realtime = inject(RealtimeService);
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly destroyRef = inject(DestroyRef);

  /** Provided by the shell layout: runs for as long as it lives. */
  start(): void {
    const destroyRef = this.destroyRef;
    // SocketEvents.modules, by name: importing that value would bring the protocol's DTO classes into the shell.
    this.realtime
      .on<ModulesEvent>('modules')
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe((event) => {
        if (!Array.isArray(event?.modules)) return;
        this.session.applyModuleStates(event.modules);
        void this.reload();
      });
    // Changes made while the socket was down came with no event: read them again on every reconnection.
    this.realtime.connected.pipe(skip(1), takeUntilDestroyed(destroyRef)).subscribe(() => void this.reload());
    effect(
      () => {
        const enabled = this.session.enabledModules();
        untracked(() => this.leaveStalePage(enabled));
      },
      { injector: this.injector },
    );
  }

  private async reload(): Promise<void> {
    await this.session.reloadMenus().catch(() => undefined); // signed out meanwhile: the shell handles it
  }

  private leaveStalePage(enabled: ReadonlySet<string>): void {
    if (this.router.currentNavigation()) return; // that navigation matches the routes afresh anyway
    if (isStalePage(shownPageData(this.router), enabled)) void this.router.navigateByUrl(this.router.url, { onSameUrlNavigation: 'reload' });
  }
}
