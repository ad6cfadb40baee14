import { InjectionToken } from '@angular/core';
import type { Route } from '@angular/router';
import type { WebModule } from './contract';

/**
 * Every module's web part compiled into the shell (enabled or not: the server decides at run time).
 * The shell provides it from its generated list; slots and pages read it instead of importing modules.
 */
export const WEB_MODULES = new InjectionToken<readonly WebModule[]>('WEB_MODULES', { factory: () => [] });

/** The module whose routes declare `path` at their top level (e.g. `profile`), if any. */
export function moduleDeclaringRoute(modules: readonly WebModule[], path: string): WebModule | undefined {
  const wanted = path.replace(/^\/+/, '');
  return modules.find((m) => (m.routes ?? []).some((route: Route) => route.path === wanted));
}
