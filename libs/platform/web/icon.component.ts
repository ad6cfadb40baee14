import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { FALLBACK_ICON, ICONS } from './icons';

/** An inline SVG from the shell's icon set; it takes the text colour (`currentColor`). */
@Component({
  selector: 'lc-icon',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<svg [attr.viewBox]="icon().viewBox" [attr.width]="size()" [attr.height]="size()" fill="currentColor" aria-hidden="true" focusable="false"><path [attr.d]="icon().path" /></svg>`,
  styles: `:host { display: inline-flex; line-height: 0; } svg { display: block; }`,
})
export class IconComponent {
  readonly name = input.required<string>();
  readonly size = input<number | string>(20);
  protected readonly icon = computed(() => ICONS[this.name()] ?? ICONS[FALLBACK_ICON]);
}
