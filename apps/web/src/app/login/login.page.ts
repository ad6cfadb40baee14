import { Location } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import type { AuthSetup } from '@lc/protocol';
import { errorMessages, errorStatus, SessionService, silentErrors, uiLocale } from '@lc/platform/web';
import { safeRedirect } from '../routing/auth.guards';
import { PRODUCT_NAME } from '../routing/page-title.strategy';

/**
 * Odoo's /web/login: a centred card; on success, back to where the user was going. While the admin
 * password is still the default one it says so, since anyone could sign in as admin.
 */
@Component({
  selector: 'lc-login-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login.page.html',
  styleUrl: './login.page.css',
})
export default class LoginPage {
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly urls = inject(Location);

  protected readonly productName = PRODUCT_NAME;
  protected readonly login = signal('');
  protected readonly password = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly adminPasswordIsDefault = signal(false);

  constructor() {
    void firstValueFrom(inject(HttpClient).get<AuthSetup>('/api/auth/setup', { context: silentErrors() })).then(
      (setup) => this.adminPasswordIsDefault.set(setup.adminPasswordIsDefault),
      () => undefined, // no warning rather than a broken page
    );
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy()) return;
    if (!this.login().trim() || !this.password()) {
      this.error.set($localize`:@@base.login.enterLoginAndPassword:Enter your login and password.`);
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.session.login(this.login().trim(), this.password());
      const target = safeRedirect(this.route.snapshot.queryParamMap.get('redirect'));
      // The shell started in the browser's language: a user who speaks another one gets it loaded.
      if (this.session.user()?.lang !== uiLocale()) return window.location.assign(this.urls.prepareExternalUrl(target));
      await this.router.navigateByUrl(target);
    } catch (error) {
      this.error.set(this.describe(error));
      this.password.set('');
    } finally {
      this.busy.set(false);
    }
  }

  private describe(error: unknown): string {
    switch (errorStatus(error)) {
      case 401:
        return $localize`:@@base.login.wrongLoginOrPassword:Wrong login or password`;
      case 429:
        return errorMessages(error)[0] ?? $localize`:@@base.login.tooManyAttempts:Too many failed attempts. Please wait a minute and try again.`;
      default:
        return errorMessages(error).join(' ');
    }
  }
}
