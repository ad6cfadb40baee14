import { computed, Injectable, signal } from '@angular/core';
import type { UpdatePreferencesDto } from '@lc/protocol';

export type PreferencesChanges = Partial<Pick<UpdatePreferencesDto, 'lang' | 'livechatUsername' | 'livechatLanguages'>>;

/**
 * The pending changes of My Profile → Preferences. The page and the fields other modules put in the
 * `preferences` slot all write here; the page's Save sends them together (PATCH /api/me/preferences),
 * so a module adds a preference without the preferences module knowing it.
 * A field shows `changes()[key]` when present, else the saved value from SessionService.user().
 */
@Injectable({ providedIn: 'root' })
export class PreferencesDraft {
  private readonly pending = signal<PreferencesChanges>({});
  readonly changes = this.pending.asReadonly();
  readonly dirty = computed(() => Object.keys(this.pending()).length > 0);

  set<K extends keyof PreferencesChanges>(key: K, value: PreferencesChanges[K]): void {
    this.pending.update((changes) => ({ ...changes, [key]: value }));
  }

  reset(): void {
    this.pending.set({});
  }
}
