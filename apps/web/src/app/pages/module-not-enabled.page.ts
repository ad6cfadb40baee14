import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { IconComponent, moduleDeclaringRoute, SessionService, WEB_MODULES } from '@lc/platform/web';

/** Shown at the URL of a page whose module is disabled, instead of a blank page. */
@Component({
  selector: 'lc-module-not-enabled-page',
  imports: [RouterLink, IconComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="lc-empty-page">
      <div class="lc-empty-page-icon"><lc-icon name="apps" [size]="40" /></div>
      <h1>This app is not enabled</h1>
      <p>
        <strong>{{ label() }}</strong> is installed but disabled on this database, so this page is not available.
        @if (session.isAdmin()) {
          You can enable it from the Apps page.
        } @else {
          Ask an administrator to enable it.
        }
      </p>
      <div class="lc-empty-page-actions">
        @if (session.isAdmin() && appsPageAvailable()) {
          <a class="btn btn-primary" routerLink="/apps">Go to Apps</a>
        }
        <a class="btn btn-secondary" routerLink="/">Back to home</a>
      </div>
    </div>
  `,
})
export default class ModuleNotEnabledPage {
  /** From the route's data (withComponentInputBinding). */
  readonly module = input.required<string>();
  protected readonly session = inject(SessionService);
  private readonly modules = inject(WEB_MODULES);
  protected readonly appsPageAvailable = computed(() => {
    const owner = moduleDeclaringRoute(this.modules, 'apps');
    return !!owner && this.session.enabledModules().has(owner.name);
  });
  protected readonly label = computed(() => this.session.modules().find((m) => m.name === this.module())?.label ?? this.module());
}
