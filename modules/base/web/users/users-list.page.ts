import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { Language, User } from '@lc/protocol';
import { AvatarComponent, ControlPanelComponent, SearchBoxComponent } from '@lc/platform/web';
import { BaseApi } from '../base-api.service';
import { accessLabel } from './groups';

/** Settings → Users: the list view; a row opens the user's form. */
@Component({
  selector: 'lc-users-list-page',
  imports: [RouterLink, AvatarComponent, ControlPanelComponent, SearchBoxComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users-list.page.html',
})
export default class UsersListPage {
  private readonly api = inject(BaseApi);
  private readonly router = inject(Router);

  protected readonly query = signal('');
  protected readonly users = signal<User[] | null>(null);
  private readonly languageNames = signal(new Map<string, string>());

  protected readonly rows = computed(() => {
    const q = this.query().trim().toLowerCase();
    const names = this.languageNames();
    return (this.users() ?? [])
      .filter((u) => !q || u.name.toLowerCase().includes(q) || u.login.toLowerCase().includes(q))
      .map((user) => ({ user, access: accessLabel(user.groups), language: names.get(user.lang) ?? user.lang }));
  });

  constructor() {
    // On failure the interceptor says why (e.g. 403); the list shows empty rather than loading forever.
    void this.api.users().then(
      (users) => this.users.set(users),
      () => this.users.set([]),
    );
    void this.api.languages().then(
      (languages: Language[]) => this.languageNames.set(new Map(languages.map((l) => [l.code, l.name]))),
      () => undefined, // codes are shown instead of names
    );
  }

  protected open(user: User): void {
    void this.router.navigate(['/settings/users', user.id]);
  }
}
