import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { MenuNode } from '@lc/protocol';
import { DropdownComponent, findMenuOfUrl, firstActionRoute, IconComponent, menuContains, SessionService, SlotOutletComponent, currentPath } from '@lc/platform/web';
import { UserMenuComponent } from './user-menu.component';

/** Odoo's navbar: home, the current app and its sections, then the systray and the user menu. */
@Component({
  selector: 'lc-navbar',
  imports: [RouterLink, DropdownComponent, IconComponent, SlotOutletComponent, UserMenuComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './navbar.component.html',
  styleUrl: './navbar.component.css',
})
export class NavbarComponent {
  /** Bound, not an i18n attribute: Angular sets an interpolated i18n `aria-label` as a property, which ARIA ignores. */
  protected sectionsOf(app: string): string {
    return $localize`:@@base.navbar.sectionsOf:Sections of ${app}:APP:`;
  }
  private readonly session = inject(SessionService);
  private readonly path = currentPath();

  /** The app whose menu holds the current page, and the entry of that page. */
  protected readonly current = computed(() => findMenuOfUrl(this.session.menus(), this.path()));
  protected readonly firstActionRoute = (node: MenuNode) => firstActionRoute(node) ?? '/';
  protected readonly contains = menuContains;
}
