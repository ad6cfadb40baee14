import { InjectionToken } from '@angular/core';

/**
 * The icons the shell can show: one SVG sprite of <symbol id="name"> built from the shell's set
 * (libs/platform/web/icons.svg) and every module's web/icons.svg by scripts/gen-web-icons.mjs, kept out of the
 * start-up JavaScript. `href` is the sprite's file, relative to the shell's base URL. The build stops on a
 * manifest's menu icon that no set has (scripts/check-menu-routes.mjs), so the names are not shipped.
 */
export interface IconSet {
  href: string;
}

/** The app provides the generated set; alone (a unit test), the icons point into an absent sprite. */
export const ICON_SET = new InjectionToken<IconSet>('lc.iconSet', { providedIn: 'root', factory: () => ({ href: 'icons.svg' }) });

/** The `<use href>` of an icon: its symbol in the sprite. */
export function iconHref(set: IconSet, name: string): string {
  return `${set.href}#${name}`;
}
