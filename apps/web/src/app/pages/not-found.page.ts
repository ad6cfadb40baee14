import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { IconComponent } from '@lc/platform/web';

@Component({
  selector: 'lc-not-found-page',
  imports: [RouterLink, IconComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="lc-empty-page">
      <div class="lc-empty-page-icon"><lc-icon name="search" [size]="40" /></div>
      <h1 i18n="@@base.notFound.pageNotFound">Page not found</h1>
      <p i18n="@@base.notFound.thePageYouAre">The page you are looking for does not exist, or its address is mistyped.</p>
      <div class="lc-empty-page-actions"><a i18n="@@base.notFound.backToHome" class="btn btn-primary" routerLink="/">Back to home</a></div>
    </div>
  `,
})
export default class NotFoundPage {}
