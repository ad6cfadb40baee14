import { InjectionToken } from '@angular/core';

/**
 * The icons the shell can show: one SVG sprite of <symbol id="name"> built from the shell's set
 * (libs/platform/web/icons.svg) and every module's web/icons.svg by scripts/gen-web-icons.mjs, kept out of the
 * start-up JavaScript. `href` is the sprite's file, relative to the shell's base URL.
 */
export interface IconSet {
  href: string;
  names: ReadonlySet<string>;
}

/** Shown for a name no set has (a manifest may name an icon that was removed). */
export const FALLBACK_ICON = 'grid';

/** The app provides the generated set; alone (a unit test), every icon is the fallback of an empty sprite. */
export const ICON_SET = new InjectionToken<IconSet>('lc.iconSet', { providedIn: 'root', factory: () => ({ href: 'icons.svg', names: new Set() }) });

/** The `<use href>` of an icon: its symbol in the sprite, or the fallback's. */
export function iconHref(set: IconSet, name: string): string {
  return `${set.href}#${set.names.has(name) ? name : FALLBACK_ICON}`;
}
