import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { GroupInfo } from '@lc/platform';
import type { Language, User } from '@lc/protocol';
import { AvatarComponent, ControlPanelComponent, matchesSearch, plural, SearchBoxComponent, searchQuery } from '@lc/platform/web';
import { BaseApi } from '../base-api.service';
import { accessLabel } from './groups';

/**
 * Settings → Users: the list view, active users by default (Odoo hides archived records); "All" shows the
 * archived ones too, greyed. The filter and the search (name, login) are kept in the URL (?show=all&q=…).
 * A row opens the user's form.
 */
@Component({
  selector: 'lc-users-list-page',
  imports: [RouterLink, AvatarComponent, ControlPanelComponent, SearchBoxComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users-list.page.html',
  styles: `
    .lc-row-archived td { color: var(--lc-gray-500); }
    .lc-row-archived .lc-user-cell { color: var(--lc-gray-600); }
    .lc-row-archived lc-avatar { opacity: 0.5; }
    /* A phone has room for name, login and access; the language is on the form. */
    @media (max-width: 576px) { .lc-hide-phone { display: none; } }
  `,
})
export default class UsersListPage {
  protected countLabel(): string {
    return plural($localize`:@@base.usersList.count:{count, plural, one {# user} other {# users}}`, this.rows().length);
  }
  protected readonly breadcrumbs = [{ label: $localize`:@@base.users.title:Users` }];
  private readonly api = inject(BaseApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly query = searchQuery();
  protected readonly activeOnly = signal(this.route.snapshot.queryParamMap.get('show') !== 'all');
  protected readonly users = signal<User[] | null>(null);
  private readonly languageNames = signal(new Map<string, string>());
  private readonly groups = signal<GroupInfo[]>([]);

  protected readonly rows = computed(() => {
    const q = this.query();
    const names = this.languageNames();
    return (this.users() ?? [])
      .filter((u) => (!this.activeOnly() || u.active) && matchesSearch(q, u.name, u.login))
      .map((user) => ({ user, access: accessLabel(user.groups, this.groups()), isAdmin: user.groups.includes('admin'), language: names.get(user.lang) ?? user.lang }));
  });
  protected readonly archivedCount = computed(() => (this.users() ?? []).filter((u) => !u.active).length);

  constructor() {
    // On failure the interceptor says why (e.g. 403); the list shows empty rather than loading forever.
    void this.api.users().then(
      (users) => this.users.set(users),
      () => this.users.set([]),
    );
    void this.api.groups().then((groups) => this.groups.set(groups), () => undefined);
    void this.api.languages().then(
      (languages: Language[]) => this.languageNames.set(new Map(languages.map((l) => [l.code, l.name]))),
      () => undefined, // codes are shown instead of names
    );
    effect(() => {
      const queryParams = { show: this.activeOnly() ? null : 'all' };
      void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge', replaceUrl: true });
    });
  }

  protected open(user: User): void {
    void this.router.navigate(['/settings/users', user.id]);
  }
}
