import { inject } from '@angular/core';
import type { ActivatedRouteSnapshot, Route, Router, Routes, UrlMatchResult, UrlSegment } from '@angular/router';
import { SessionService, type WebModule } from '@lc/platform/web';

/**
 * Route data of every module page: its module, and whether it is the module's own page or the "not
 * enabled" one. Routes are chosen when navigating, so the shell reads this to leave a page whose module
 * was just switched the other way (see LiveModules).
 */
export interface ModulePageData {
  pageModule: string;
  pageShownWhile: 'enabled' | 'disabled';
}

/** Whether the page shown no longer fits its module's state (it must be navigated to again). */
export function isStalePage(data: Partial<ModulePageData>, enabled: ReadonlySet<string>): boolean {
  if (!data.pageModule || !data.pageShownWhile) return false;
  return enabled.has(data.pageModule) !== (data.pageShownWhile === 'enabled');
}

/** The module data of the page shown (on the deepest route that has some); {} outside module pages. */
export function shownPageData(router: Router): Partial<ModulePageData> {
  let data: Partial<ModulePageData> = {};
  for (let route: ActivatedRouteSnapshot | null = router.routerState.snapshot.root; route; route = route.firstChild) {
    if (route.data['pageModule']) data = route.data;
  }
  return data;
}

/** Matched only while the module is enabled (SessionService knows, the guard above has restored it). */
function whileEnabled(module: WebModule): Route {
  return {
    path: '',
    canMatch: [() => inject(SessionService).enabledModules().has(module.name)],
    data: { pageModule: module.name, pageShownWhile: 'enabled' } satisfies ModulePageData,
    children: (module.routes ?? []).flatMap(withGroups),
  };
}

/**
 * A route whose `data.groups` the user is in none of shows "Access denied" at its own URL (a bookmark or a typed
 * address), instead of the page with actions its API would refuse.
 */
function withGroups(route: Route): Route[] {
  const groups = route.data?.['groups'] as readonly string[] | undefined;
  if (!groups?.length) return [route];
  const allowed = () => groups.some((g) => inject(SessionService).hasGroup(g));
  const { loadComponent: _page, loadChildren: _children, children: _routes, component: _component, ...rest } = route;
  return [
    { ...route, canMatch: [...(route.canMatch ?? []), allowed] },
    { ...rest, title: () => $localize`:@@base.routes.accessDenied:Access denied`, canMatch: [() => !allowed()], loadComponent: () => import('../pages/access-denied.page') },
  ];
}

/** Matches a URL that starts with `path` (`:params` match any segment), consuming it all. */
function startsWith(path: string): (segments: UrlSegment[]) => UrlMatchResult | null {
  const parts = path.split('/').filter(Boolean);
  return (segments) => {
    if (segments.length < parts.length) return null;
    const matches = parts.every((part, i) => part.startsWith(':') || part === segments[i].path);
    return matches ? { consumed: segments } : null;
  };
}

/**
 * While a module is disabled its URLs show "This app is not enabled" instead of a blank page or a
 * "not found": bookmarks and reloads of its pages stay understandable.
 */
function whileDisabled(module: WebModule): Routes {
  const paths = [...new Set((module.routes ?? []).map((r) => r.path).filter((p): p is string => !!p && p !== '**'))];
  return paths.map((path) => ({
    matcher: startsWith(path),
    canMatch: [() => !inject(SessionService).enabledModules().has(module.name)],
    title: () => $localize`:@@base.routes.appNotEnabled:App not enabled`,
    data: { module: module.name, pageModule: module.name, pageShownWhile: 'disabled' } satisfies ModulePageData & { module: string },
    loadComponent: () => import('../pages/module-not-enabled.page'),
  }));
}

/** The routes of every compiled-in module, each live only while its module is enabled. */
export function moduleRoutes(modules: readonly WebModule[]): Routes {
  return [...modules.map(whileEnabled), ...modules.flatMap(whileDisabled)];
}
