import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Router } from '@angular/router';
import { ControlPanelComponent, errorStatus, FormErrorsComponent, NotificationService } from '@lc/platform/web';
import { CannedResponsesApi } from './canned-responses-api.service';

/** A canned response (or "New"): Odoo's form view with a sheet. */
@Component({
  selector: 'lc-canned-response-form-page',
  imports: [ControlPanelComponent, FormErrorsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="lc-view" novalidate (submit)="save($event)">
      <lc-control-panel [breadcrumbs]="breadcrumbs()">
        <div cpButtons class="lc-cr-buttons">
          <button type="submit" class="btn btn-primary" [disabled]="saving() || !loaded() || notFound()">@if (saving()) {<ng-container i18n="@@canned_responses.form.saving">Saving…</ng-container>} @else {<ng-container i18n="@@canned_responses.form.save">Save</ng-container>}</button>
          <button i18n="@@canned_responses.cannedResponseForm.discard" type="button" class="btn btn-secondary" (click)="back()">Discard</button>
          @if (!isNew() && loaded() && !notFound()) {
            <button i18n="@@canned_responses.cannedResponseForm.delete" type="button" class="btn btn-secondary" [disabled]="saving()" (click)="remove()">Delete</button>
          }
        </div>
      </lc-control-panel>
      <div class="lc-view-body lc-form-body">
        @if (!loaded()) {
          <div i18n="@@canned_responses.cannedResponseForm.loading" class="lc-loading">Loading…</div>
        } @else if (notFound()) {
          <div class="lc-form-sheet"><div i18n="@@canned_responses.cannedResponseForm.thisCannedResponseDoes" class="lc-alert lc-alert-danger" role="alert">This canned response does not exist or is not yours.</div></div>
        } @else {
          <div class="lc-form-sheet">
            <lc-form-errors i18n-title="@@canned_responses.cannedResponseForm.theCannedResponseCould" title="The canned response could not be saved:" [error]="saveError()" />
            <div class="lc-form-row">
              <label i18n="@@canned_responses.cannedResponseForm.shortcut" class="lc-label" for="cr-shortcut">Shortcut</label>
              <div>
                <input i18n-placeholder="@@canned_responses.cannedResponseForm.eGHello" id="cr-shortcut" name="shortcut" class="lc-input" autocomplete="off" autocapitalize="off" spellcheck="false" placeholder="e.g. hello"
                  [value]="shortcut()" (input)="shortcut.set($any($event.target).value)" />
                <div class="lc-help"><ng-container i18n="@@canned_responses.cannedResponseForm.type">Type</ng-container>&ngsp;<code>/{{ shortcutPreview() || 'hello' }}</code>&ngsp;<ng-container i18n="@@canned_responses.cannedResponseForm.or">or</ng-container>&ngsp;<code>:{{ shortcutPreview() || 'hello' }}</code>&ngsp;<ng-container i18n="@@canned_responses.cannedResponseForm.inAChatTo">in a chat to insert the text.</ng-container></div>
              </div>
            </div>
            <div class="lc-form-row">
              <label i18n="@@canned_responses.cannedResponseForm.substitution" class="lc-label" for="cr-body">Substitution</label>
              <textarea id="cr-body" name="body" class="lc-input lc-cr-textarea" rows="5" i18n-placeholder="@@canned_responses.form.bodyPlaceholder" placeholder="e.g. Hello! How can I help you today?"
                [value]="body()" (input)="body.set($any($event.target).value)"></textarea>
            </div>
          </div>
        }
      </div>
    </form>
  `,
  styles: `
    .lc-cr-buttons { display: flex; gap: 8px; }
    .lc-cr-textarea { width: 100%; resize: vertical; font: inherit; }
  `,
})
export default class CannedResponseFormPage {
  /** The `:id` route parameter; absent on /canned-responses/new. */
  readonly id = input<string>();

  private readonly api = inject(CannedResponsesApi);
  private readonly router = inject(Router);
  private readonly notifications = inject(NotificationService);

  protected readonly isNew = computed(() => this.id() === undefined);
  protected readonly loaded = signal(false);
  protected readonly notFound = signal(false);
  protected readonly saving = signal(false);
  /** The form's own problems or the server's refusal, for lc-form-errors. */
  protected readonly saveError = signal<unknown>(null);
  protected readonly savedShortcut = signal('');
  protected readonly shortcut = signal('');
  protected readonly body = signal('');
  protected readonly shortcutPreview = computed(() => this.shortcut().trim().replace(/^[/:]/, '').toLowerCase());
  protected readonly breadcrumbs = computed(() => [
    { label: $localize`:@@canned_responses.title:Canned Responses`, link: '/canned-responses' },
    { label: this.isNew() ? $localize`:@@canned_responses.form.new:New` : this.savedShortcut() ? `/${this.savedShortcut()}` : '…' },
  ]);

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  protected async save(event?: Event): Promise<void> {
    event?.preventDefault();
    if (this.saving()) return;
    const problems = [...(this.shortcutPreview() ? [] : [$localize`:@@canned_responses.form.shortcutRequired:Shortcut is required.`]), ...(this.body().trim() ? [] : [$localize`:@@canned_responses.form.substitutionRequired:Substitution is required.`])];
    this.saveError.set(problems);
    if (problems.length) return;
    this.saving.set(true);
    try {
      const input = { shortcut: this.shortcut(), body: this.body() };
      const saved = this.isNew() ? await this.api.create(input) : await this.api.update(Number(this.id()), input);
      this.notifications.success($localize`:@@canned_responses.form.saved:/${saved.shortcut}:SHORTCUT: saved.`);
      await this.router.navigate(['/canned-responses']);
    } catch (error) {
      this.saveError.set(error);
    } finally {
      this.saving.set(false);
    }
  }

  protected async remove(): Promise<void> {
    this.saving.set(true);
    try {
      await this.api.remove(Number(this.id()));
      this.notifications.success($localize`:@@canned_responses.form.deleted:/${this.savedShortcut()}:SHORTCUT: deleted.`);
      await this.router.navigate(['/canned-responses']);
    } catch {
      // The interceptor says why.
    } finally {
      this.saving.set(false);
    }
  }

  protected back(): void {
    void this.router.navigate(['/canned-responses']);
  }

  private async load(id: string | undefined): Promise<void> {
    this.saveError.set(null);
    this.notFound.set(false);
    if (id === undefined) {
      this.shortcut.set('');
      this.body.set('');
      this.loaded.set(true);
      return;
    }
    this.loaded.set(false);
    try {
      const response = await this.api.get(Number(id));
      this.savedShortcut.set(response.shortcut);
      this.shortcut.set(response.shortcut);
      this.body.set(response.body);
    } catch (error) {
      if (errorStatus(error) === 404 || errorStatus(error) === 400) this.notFound.set(true);
      else this.saveError.set(error);
    }
    this.loaded.set(true);
  }
}
