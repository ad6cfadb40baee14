import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { errorMessages, errorStatus, SessionService } from '@lc/platform/web';
import { safeRedirect } from '../routing/auth.guards';
import { PRODUCT_NAME } from '../routing/page-title.strategy';

/** Odoo's /web/login: a centred card; on success, back to where the user was going. */
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

  protected readonly productName = PRODUCT_NAME;
  protected readonly login = signal('');
  protected readonly password = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy()) return;
    if (!this.login().trim() || !this.password()) {
      this.error.set('Enter your login and password.');
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.session.login(this.login().trim(), this.password());
      await this.router.navigateByUrl(safeRedirect(this.route.snapshot.queryParamMap.get('redirect')));
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
        return 'Wrong login or password';
      case 429:
        return errorMessages(error)[0] ?? 'Too many failed attempts. Please wait a minute and try again.';
      default:
        return errorMessages(error).join(' ');
    }
  }
}
