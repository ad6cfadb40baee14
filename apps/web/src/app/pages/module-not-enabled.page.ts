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
      <h1 i18n="@@base.moduleNotEnabled.thisAppIsNot">This app is not enabled</h1>
      <p>
        <strong>{{ label() }}</strong> <ng-container i18n="@@base.moduleNotEnabled.isInstalledButDisabled">is installed but disabled on this database, so this page is not available.</ng-container>
        @if (session.isAdmin()) {
          <ng-container i18n="@@base.moduleNotEnabled.youCanEnableIt">You can enable it from the Apps page.</ng-container>
        } @else {
          <ng-container i18n="@@base.moduleNotEnabled.askAnAdministratorTo">Ask an administrator to enable it.</ng-container>
        }
      </p>
      <div class="lc-empty-page-actions">
        @if (session.isAdmin() && appsPageAvailable()) {
          <a i18n="@@base.moduleNotEnabled.goToApps" class="btn btn-primary" routerLink="/apps">Go to Apps</a>
        }
        <a i18n="@@base.moduleNotEnabled.backToHome" class="btn btn-secondary" routerLink="/">Back to home</a>
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
