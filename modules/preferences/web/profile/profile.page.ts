import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import type { Language, Me } from '@lc/protocol';
import { AvatarComponent, ControlPanelComponent, FormErrorsComponent, namedInUserLanguage, NotificationService, PreferencesDraft, SessionService, silentErrors, SlotOutletComponent, translateGroups } from '@lc/platform/web';
import type { GroupInfo } from '@lc/platform';
import { ChangePasswordComponent } from './change-password.component';


type ProfileTab = 'preferences' | 'password';
const tabs = (): Array<{ id: ProfileTab; label: string }> => [
  { id: 'preferences', label: $localize`:@@preferences.profile.preferences:Preferences` },
  { id: 'password', label: $localize`:@@preferences.profile.changePassword:Change password` },
];

/**
 * My Profile: who I am, my preferences (language here, more from other modules' slot fields) and, in its
 * own tab, my password. The tab is in the URL (?tab=password) so that it can be linked to.
 */
@Component({
  selector: 'lc-profile-page',
  imports: [AvatarComponent, ChangePasswordComponent, ControlPanelComponent, FormErrorsComponent, SlotOutletComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './profile.page.html',
  styleUrl: './profile.page.css',
})
export default class ProfilePage {
  protected readonly session = inject(SessionService);
  protected readonly draft = inject(PreferencesDraft);
  private readonly http = inject(HttpClient);
  private readonly notifications = inject(NotificationService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly tabs = tabs();
  protected readonly breadcrumbs = [{ label: $localize`:@@preferences.title:My Profile` }];
  protected readonly tab = signal<ProfileTab>(this.route.snapshot.queryParamMap.get('tab') === 'password' ? 'password' : 'preferences');

  protected readonly languages = signal<Language[]>([]);
  protected readonly saving = signal(false);
  /** The server's refusal of the preferences, for lc-form-errors. */
  protected readonly saveError = signal<unknown>(null);

  protected readonly lang = computed(() => this.draft.value('lang', 'en-US'));
  protected readonly languageOptions = computed(() => this.languages().filter((l) => l.enabled || l.code === this.lang()));
  /** The groups the modules declare (GET /api/groups), to name the user's access. */
  private readonly groupCatalog = signal<GroupInfo[]>([]);
  /** The user's most powerful group (the one implying the most), else the group every user is in. */
  protected readonly access = computed(() => {
    const mine: readonly string[] = this.session.user()?.groups ?? [];
    const catalog = this.groupCatalog();
    const strongest = catalog.filter((g) => !g.everyone && mine.includes(g.id)).sort((a, b) => b.implies.length - a.implies.length)[0];
    return (strongest ?? catalog.find((g) => g.everyone))?.label ?? '';
  });

  constructor() {
    this.draft.reset();
    inject(DestroyRef).onDestroy(() => this.draft.reset());
    void firstValueFrom(this.http.get<Language[]>('/api/languages')).then((languages) => this.languages.set(namedInUserLanguage(languages)));
    void firstValueFrom(this.http.get<GroupInfo[]>('/api/groups')).then((groups) => this.groupCatalog.set(translateGroups(groups)));
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    if (this.saving() || !this.draft.dirty()) return;
    this.saving.set(true);
    this.saveError.set(null);
    try {
      const me = await firstValueFrom(this.http.patch<Me>('/api/me/preferences', this.draft.changes(), { context: silentErrors() }));
      const languageChanged = me.lang !== this.session.user()?.lang;
      this.session.setUser(me);
      this.draft.reset();
      // The shell's texts are loaded once, at start: a new language reloads it (as Odoo does).
      if (languageChanged) return location.reload();
      this.notifications.success($localize`:@@preferences.profile.saved:Preferences saved.`);
    } catch (error) {
      this.saveError.set(error);
    } finally {
      this.saving.set(false);
    }
  }

  protected openTab(tab: ProfileTab): void {
    this.tab.set(tab);
    void this.router.navigate([], { relativeTo: this.route, queryParams: { tab: tab === 'preferences' ? null : tab }, replaceUrl: true });
  }

  protected discard(): void {
    this.draft.reset();
    this.saveError.set(null);
  }
}
