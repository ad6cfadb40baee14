import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { AvatarComponent, DropdownComponent, IconComponent, moduleDeclaringRoute, SessionService, WEB_MODULES } from '@lc/platform/web';

/** The avatar at the right end of the navbar, with the user's name, My Profile and Log out. */
@Component({
  selector: 'lc-user-menu',
  imports: [RouterLink, AvatarComponent, DropdownComponent, IconComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (session.user(); as user) {
      <lc-dropdown anchor="end">
        <button i18n-aria-label="@@base.userMenu.userMenu" type="button" dropdownToggle class="lc-user-toggle" [title]="user.name" aria-label="User menu">
          <lc-avatar [name]="user.name" [size]="28" />
        </button>
        <div dropdownMenu class="lc-user-dropdown">
          <div class="lc-user-card">
            <lc-avatar [name]="user.name" [size]="40" />
            <div class="lc-user-card-text">
              <div class="lc-user-name">{{ user.name }}</div>
              <div class="lc-user-login">{{ user.login }}</div>
            </div>
          </div>
          <div class="lc-dropdown-divider"></div>
          @if (hasProfile()) {
            <a class="lc-dropdown-item" routerLink="/profile"><lc-icon name="profile" [size]="18" /> <ng-container i18n="@@base.userMenu.myProfile">My Profile</ng-container></a>
          }
          <button type="button" class="lc-dropdown-item" (click)="logout()"><lc-icon name="logout" [size]="18" /> <ng-container i18n="@@base.userMenu.logOut">Log out</ng-container></button>
        </div>
      </lc-dropdown>
    }
  `,
  styles: `
    :host { display: flex; align-items: center; height: 100%; }
    lc-dropdown, lc-dropdown ::ng-deep .lc-dropdown-toggle { height: 100%; display: flex; align-items: center; }
    .lc-user-toggle {
      display: flex; align-items: center; height: 100%; padding: 0 8px;
      border: 0; background: none; cursor: pointer; border-radius: 0;
    }
    .lc-user-toggle:hover, lc-dropdown.open .lc-user-toggle { background: rgba(0, 0, 0, 0.1); }
    .lc-user-toggle lc-avatar { box-shadow: 0 0 0 2px rgba(255, 255, 255, 0.35); }
    .lc-user-dropdown { min-width: 240px; }
    .lc-user-card { display: flex; align-items: center; gap: 12px; padding: 8px 16px 10px; }
    .lc-user-card-text { min-width: 0; }
    .lc-user-name { font-weight: 600; color: var(--lc-gray-900); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .lc-user-login { color: var(--lc-gray-600); font-size: 13px; }
    .lc-dropdown-item lc-icon { color: var(--lc-gray-600); margin-right: 8px; }
  `,
})
export class UserMenuComponent {
  protected readonly session = inject(SessionService);
  private readonly router = inject(Router);
  private readonly modules = inject(WEB_MODULES);

  /** "My Profile" only when an enabled module provides the /profile page. */
  protected readonly hasProfile = computed(() => {
    const owner = moduleDeclaringRoute(this.modules, 'profile');
    return !!owner && this.session.enabledModules().has(owner.name);
  });

  protected async logout(): Promise<void> {
    await this.session.logout();
    await this.router.navigate(['/login']);
  }
}
