import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { IconComponent } from '@lc/platform/web';

/** A page of a group the user is not in: said plainly, instead of an empty page with buttons that fail (403). */
@Component({
  selector: 'lc-access-denied-page',
  imports: [RouterLink, IconComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="lc-empty-page">
      <div class="lc-empty-page-icon"><lc-icon name="lock" [size]="40" /></div>
      <h1 i18n="@@base.accessDenied.accessDenied">Access denied</h1>
      <p i18n="@@base.accessDenied.thisPageIsFor">This page is for other users: ask an administrator if you need it.</p>
      <div class="lc-empty-page-actions"><a i18n="@@base.accessDenied.backToHome" class="btn btn-primary" routerLink="/">Back to home</a></div>
    </div>
  `,
})
export default class AccessDeniedPage {}
