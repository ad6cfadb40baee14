import { computed, inject, Injectable, signal } from '@angular/core';
import { SessionService } from './session.service';

/** Pending changes, keyed by the field of PATCH /api/me/preferences (and of /api/me) they change. */
export type PreferencesChanges = Readonly<Record<string, unknown>>;

/**
 * The pending changes of My Profile → Preferences. The page and the fields other modules put in the
 * `preferences` slot all write here, each under its own field name; the page's Save sends them together
 * (PATCH /api/me/preferences), so a module adds a preference without the preferences module knowing it.
 */
@Injectable({ providedIn: 'root' })
export class PreferencesDraft {
  private readonly session = inject(SessionService);
  private readonly pending = signal<PreferencesChanges>({});
  readonly changes = this.pending.asReadonly();
  readonly dirty = computed(() => Object.keys(this.pending()).length > 0);

  set(field: string, value: unknown): void {
    this.pending.update((changes) => ({ ...changes, [field]: value }));
  }

  /**
   * What a field shows: its pending value, else its saved value (the field of /api/me), else `empty`.
   * Reads signals: use it in a `computed` or a template.
   */
  value<T>(field: string, empty: T): T {
    const saved = (this.session.user() as Record<string, unknown> | null)?.[field];
    return ((this.pending()[field] ?? saved) as T | null | undefined) ?? empty;
  }

  reset(): void {
    this.pending.set({});
  }
}
