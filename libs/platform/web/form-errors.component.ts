import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { errorEntries, type ErrorEntry } from './http-errors';

/**
 * The messages of what a form failed with (in the user's language, with the server's English that names their
 * field): a failed request (HttpErrorResponse or any error), the form's own list of messages, or nothing (null).
 */
function formErrorEntries(error: unknown): ErrorEntry[] {
  if (error === null || error === undefined) return [];
  return Array.isArray(error) ? error.map((m) => ({ text: String(m), english: String(m) })) : errorEntries(error);
}

/** See formErrorEntries: the texts to show. */
export function formErrorMessages(error: unknown): string[] {
  return formErrorEntries(error).map((entry) => entry.text);
}

/** The messages about one field: the server's English (class-validator's) start with its name, "password must be …". */
export function fieldErrors(error: unknown, field: string): string[] {
  return formErrorEntries(error)
    .filter((entry) => isAbout(entry.english, field))
    .map((entry) => entry.text);
}

const isAbout = (message: string, field: string) => message === field || message.startsWith(`${field} `) || message.startsWith(`${field}.`);

/**
 * Why a form could not be saved, at the top of its sheet in Odoo's danger alert: a title, then each
 * message. A form that shows some fields' messages beside them (fieldErrors) names those fields in
 * `besideFields`, so that they are not said twice.
 */
@Component({
  selector: 'lc-form-errors',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (messages().length) {
      <div class="lc-alert lc-alert-danger lc-form-errors" role="alert">
        <strong>{{ title() }}</strong>
        <ul>
          @for (message of messages(); track $index) {
            <li>{{ message }}</li>
          }
        </ul>
      </div>
    }
  `,
  styles: `
    :host { display: block; }
    .lc-form-errors { margin-bottom: 20px; }
  `,
})
export class FormErrorsComponent {
  /** See formErrorMessages. */
  readonly error = input<unknown>(null);
  /** e.g. "The user could not be saved:" */
  readonly title = input.required<string>();
  readonly besideFields = input<readonly string[]>([]);

  protected readonly messages = computed(() =>
    formErrorEntries(this.error())
      .filter((entry) => !this.besideFields().some((field) => isAbout(entry.english, field)))
      .map((entry) => entry.text),
  );
}
