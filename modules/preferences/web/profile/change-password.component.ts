import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { errorStatus, fieldErrors, FormErrorsComponent, NotificationService, plural, silentErrors } from '@lc/platform/web';

/** The server's rule too (ChangePasswordDto). */
const PASSWORD_MIN = 8;
const PASSWORD_MAX = 200;

/**
 * My Profile → Change password: Odoo's change-password wizard as a tab. Checks length and confirmation
 * before asking the server; its answers about the current password (wrong, too many tries) are shown
 * beside that field, anything else above the form. The user's other sessions end; this one stays.
 */
@Component({
  selector: 'lc-change-password',
  imports: [FormErrorsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="lc-change-password" novalidate (submit)="submit($event)">
      <lc-form-errors i18n-title="@@preferences.changePassword.yourPasswordCouldNot" title="Your password could not be changed:" [error]="failure()" [besideFields]="['currentPassword']" />
      <div class="lc-form-row">
        <label i18n="@@preferences.changePassword.currentPassword" class="lc-label" for="current-password">Current password</label>
        <div>
          <input id="current-password" name="currentPassword" type="password" class="lc-input" autocomplete="current-password" [class.is-invalid]="!!currentError()" [attr.aria-invalid]="!!currentError()" [value]="current()" (input)="current.set($any($event.target).value); currentError.set(null)" />
          @if (currentError(); as message) {
            <div class="lc-field-error" role="alert">{{ message }}</div>
          }
        </div>
      </div>
      <div class="lc-form-row">
        <label i18n="@@preferences.changePassword.newPassword" class="lc-label" for="new-password">New password</label>
        <div>
          <input id="new-password" name="newPassword" type="password" class="lc-input" autocomplete="new-password" [class.is-invalid]="!!lengthError()" [value]="next()" (input)="next.set($any($event.target).value)" />
          @if (lengthError(); as message) {
            <div class="lc-field-error" role="alert">{{ message }}</div>
          } @else {
            <div i18n="@@preferences.changePassword.atLeastCharacters" class="lc-help">At least {{ min // i18n(ph="MIN") }} characters.</div>
          }
        </div>
      </div>
      <div class="lc-form-row">
        <label i18n="@@preferences.changePassword.confirmNewPassword" class="lc-label" for="confirm-password">Confirm new password</label>
        <div>
          <input id="confirm-password" name="confirmPassword" type="password" class="lc-input" autocomplete="new-password" [class.is-invalid]="!!matchError()" [value]="confirm()" (input)="confirm.set($any($event.target).value)" />
          @if (matchError(); as message) {
            <div class="lc-field-error" role="alert">{{ message }}</div>
          }
        </div>
      </div>
      <div class="lc-form-row">
        <span></span>
        <div class="lc-change-password-actions">
          <button type="submit" class="btn btn-primary" [disabled]="busy()">@if (busy()) {<ng-container i18n="@@preferences.password.changing">Changing…</ng-container>} @else {<ng-container i18n="@@preferences.password.change">Change password</ng-container>}</button>
          <span i18n="@@preferences.changePassword.yourOtherSessionsWill" class="lc-help">Your other sessions will be signed out.</span>
        </div>
      </div>
    </form>
  `,
  styles: `
    .lc-change-password { display: block; max-width: 640px; }
    .lc-change-password-actions { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; padding-top: 6px; }
    .lc-change-password-actions .lc-help { margin: 0; }
    .lc-field-error { margin-top: 4px; font-size: 13px; color: var(--lc-danger); }
  `,
})
export class ChangePasswordComponent {
  private readonly http = inject(HttpClient);
  private readonly notifications = inject(NotificationService);

  protected readonly min = PASSWORD_MIN;
  protected readonly current = signal('');
  protected readonly next = signal('');
  protected readonly confirm = signal('');
  protected readonly busy = signal(false);
  /** Shown once the user tried to submit, then kept up to date as they type. */
  private readonly submitted = signal(false);
  protected readonly currentError = signal<string | null>(null);
  /** The server's refusal; its messages about currentPassword are said beside that field. */
  protected readonly failure = signal<unknown>(null);

  protected readonly lengthError = computed(() => {
    if (!this.submitted()) return null;
    const length = this.next().length;
    if (length < PASSWORD_MIN) return $localize`:@@preferences.password.tooShort:The new password must have at least ${PASSWORD_MIN}:COUNT: characters.`;
    return length > PASSWORD_MAX ? $localize`:@@preferences.password.tooLong:The new password can have at most ${PASSWORD_MAX}:COUNT: characters.` : null;
  });
  protected readonly matchError = computed(() => (this.submitted() && this.confirm() !== this.next() ? $localize`:@@preferences.password.differ:The two new passwords differ.` : null));

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy()) return;
    this.submitted.set(true);
    this.failure.set(null);
    this.currentError.set(this.current() ? null : $localize`:@@preferences.password.enterCurrent:Enter your current password.`);
    if (this.currentError() || this.lengthError() || this.matchError()) return;
    this.busy.set(true);
    try {
      await firstValueFrom(this.http.post('/api/me/password', { currentPassword: this.current(), newPassword: this.next() }, { context: silentErrors() }));
      this.reset();
      this.notifications.success($localize`:@@preferences.password.changed:Password changed. Your other sessions were signed out.`);
    } catch (error) {
      this.showError(error);
    } finally {
      this.busy.set(false);
    }
  }

  private showError(error: unknown): void {
    if (errorStatus(error) === 429) return this.currentError.set($localize`:@@preferences.password.tooManyWrong:Too many wrong passwords. ${retryHint(error)}:RETRY:`);
    if (fieldErrors(error, 'currentPassword').length) this.currentError.set($localize`:@@preferences.password.notCurrent:This is not your current password.`);
    this.failure.set(error);
  }

  private reset(): void {
    this.current.set('');
    this.next.set('');
    this.confirm.set('');
    this.submitted.set(false);
  }
}

/** The 429 says when to try again, in seconds (Retry-After). */
function retryHint(error: unknown): string {
  const seconds = Number(error instanceof HttpErrorResponse ? error.headers.get('Retry-After') : NaN);
  return seconds > 0
    ? plural($localize`:@@preferences.password.tryAgainIn:{count, plural, one {Try again in # second.} other {Try again in # seconds.}}`, seconds)
    : $localize`:@@preferences.password.tryAgainInAMinute:Try again in a minute.`;
}
