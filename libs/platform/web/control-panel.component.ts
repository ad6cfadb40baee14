import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';

export interface Breadcrumb {
  label: string;
  /** Omitted on the current (last) entry. */
  link?: string;
}

/**
 * Odoo's control panel above a view: breadcrumbs with the action buttons beside them, and on the right
 * whatever the view projects (its search box, filters). Usage:
 * <lc-control-panel [breadcrumbs]="[...]"><button cpButtons>New</button><lc-search-box cpSearch /></lc-control-panel>
 */
@Component({
  selector: 'lc-control-panel',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="lc-cp-left">
      <ng-content select="[cpButtons]" />
      <ol class="lc-breadcrumbs">
        @for (crumb of breadcrumbs(); track $index; let last = $last) {
          <li [class.active]="last">
            @if (crumb.link && !last) {
              <a [routerLink]="crumb.link">{{ crumb.label }}</a>
            } @else {
              <span>{{ crumb.label }}</span>
            }
          </li>
        }
      </ol>
    </div>
    <div class="lc-cp-right">
      <ng-content select="[cpSearch]" />
      <ng-content />
    </div>
  `,
  host: { class: 'lc-control-panel' },
})
export class ControlPanelComponent {
  readonly breadcrumbs = input.required<Breadcrumb[]>();
}
