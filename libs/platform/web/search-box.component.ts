import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { IconComponent } from './icon.component';

/** The control panel's search field; two-way bound: <lc-search-box [(value)]="query" />. */
@Component({
  selector: 'lc-search-box',
  imports: [IconComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <lc-icon name="search" [size]="18" class="lc-search-icon" />
    <input
      type="search"
      class="lc-search-input"
      [placeholder]="placeholder()"
      [attr.aria-label]="placeholder()"
      [value]="value()"
      (input)="value.set($any($event.target).value)"
      (keydown.escape)="value.set('')"
    />
  `,
  host: { class: 'lc-search-box' },
})
export class SearchBoxComponent {
  readonly value = model('');
  readonly placeholder = input($localize`:@@base.searchBox.search:Search...`);
}
