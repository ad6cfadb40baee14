import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ICON_SET, iconHref } from './icons';

/** An icon of the shell's sprite (its set and the modules' own, see icons.ts); it takes the text colour (`currentColor`). */
@Component({
  selector: 'lc-icon',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<svg [attr.width]="size()" [attr.height]="size()" fill="currentColor" aria-hidden="true" focusable="false"><use [attr.href]="href()" /></svg>`,
  styles: `:host { display: inline-flex; line-height: 0; } svg { display: block; }`,
})
export class IconComponent {
  readonly name = input.required<string>();
  readonly size = input<number | string>(20);
  private readonly set = inject(ICON_SET);
  protected readonly href = computed(() => iconHref(this.set, this.name()));
}
