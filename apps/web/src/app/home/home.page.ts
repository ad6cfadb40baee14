import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { MenuNode } from '@lc/protocol';
import { firstActionRoute, IconComponent, SessionService } from '@lc/platform/web';

const DEFAULT_APP_COLOR = '#71639e';

/** The home menu: one icon per app the user may open, each opening the app's first action. */
@Component({
  selector: 'lc-home-page',
  imports: [RouterLink, IconComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './home.page.html',
  styleUrl: './home.page.css',
})
export default class HomePage {
  protected readonly session = inject(SessionService);
  protected readonly defaultColor = DEFAULT_APP_COLOR;
  protected readonly routeOf = (app: MenuNode) => firstActionRoute(app) ?? '/';
}
