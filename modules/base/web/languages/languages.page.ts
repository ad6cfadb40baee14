import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import type { Language } from '@lc/protocol';
import { ControlPanelComponent, namedInUserLanguage, NotificationService, SearchBoxComponent, SessionService } from '@lc/platform/web';
import { BaseApi } from '../base-api.service';

/**
 * Settings → Languages: Odoo's language list, active ones by default. The filter and the search are kept
 * in the URL (?show=all&q=fr) so that a reload or a shared link shows the same list.
 */
@Component({
  selector: 'lc-languages-page',
  imports: [ControlPanelComponent, SearchBoxComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './languages.page.html',
})
export default class LanguagesPage {
  protected readonly breadcrumbs = [{ label: $localize`:@@base.languages.title:Languages` }];
  protected readonly session = inject(SessionService);
  private readonly api = inject(BaseApi);
  private readonly notifications = inject(NotificationService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly query = signal(this.route.snapshot.queryParamMap.get('q') ?? '');
  protected readonly activeOnly = signal(this.route.snapshot.queryParamMap.get('show') !== 'all');
  protected readonly languages = signal<Language[] | null>(null);
  protected readonly pending = signal<string | null>(null);

  protected readonly rows = computed(() => {
    const q = this.query().trim().toLowerCase();
    return (this.languages() ?? []).filter(
      (l) => (!this.activeOnly() || l.enabled) && (!q || l.name.toLowerCase().includes(q) || l.code.toLowerCase().includes(q)),
    );
  });
  protected readonly activeCount = computed(() => (this.languages() ?? []).filter((l) => l.enabled).length);

  constructor() {
    void this.api.languages().then(
      (languages) => this.languages.set(namedInUserLanguage(languages)),
      () => this.languages.set([]), // the interceptor has said why
    );
    effect(() => {
      const queryParams = { q: this.query().trim() || null, show: this.activeOnly() ? null : 'all' };
      void this.router.navigate([], { relativeTo: this.route, queryParams, replaceUrl: true });
    });
  }

  protected async setEnabled(language: Language, enabled: boolean): Promise<void> {
    this.pending.set(language.code);
    try {
      const updated = await this.api.setLanguageEnabled(language.code, enabled);
      this.languages.update((list) => (list ?? []).map((l) => (l.code === updated.code ? updated : l)));
      this.notifications.success(enabled ? $localize`:@@base.languages.activated:${updated.name}:LANGUAGE: is active.` : $localize`:@@base.languages.deactivated:${updated.name}:LANGUAGE: is no longer active.`);
    } catch {
      // The interceptor shows the server's message (e.g. en-US cannot be deactivated).
    } finally {
      this.pending.set(null);
    }
  }
}
