import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { WebModule } from './contract';
import { FALLBACK_ICON, ICONS, type IconDefinition } from './icons';
import { WEB_MODULES } from './web-modules';

/** An inline SVG from the shell's icon set or a module's own (WebModule.icons); it takes the text colour (`currentColor`). */
@Component({
  selector: 'lc-icon',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<svg [attr.viewBox]="icon().viewBox" [attr.width]="size()" [attr.height]="size()" fill="currentColor" aria-hidden="true" focusable="false"><path [attr.d]="icon().path" /></svg>`,
  styles: `:host { display: inline-flex; line-height: 0; } svg { display: block; }`,
})
export class IconComponent {
  readonly name = input.required<string>();
  readonly size = input<number | string>(20);
  private readonly moduleIcons = iconsOf(inject(WEB_MODULES));
  protected readonly icon = computed(() => ICONS[this.name()] ?? this.moduleIcons.get(this.name()) ?? ICONS[FALLBACK_ICON]);
}

/** The modules' icons by name, gathered once per module list (the shell's set wins a name both use, then the first module). */
const gathered = new WeakMap<readonly WebModule[], ReadonlyMap<string, IconDefinition>>();
function iconsOf(modules: readonly WebModule[]): ReadonlyMap<string, IconDefinition> {
  let icons = gathered.get(modules);
  if (!icons) {
    const byName = new Map<string, IconDefinition>();
    for (const module of modules) for (const [name, icon] of Object.entries(module.icons ?? {})) if (!byName.has(name)) byName.set(name, icon);
    gathered.set(modules, (icons = byName));
  }
  return icons;
}
