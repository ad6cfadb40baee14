import { inject } from '@angular/core';
import type { Route, Routes, UrlMatchResult, UrlSegment } from '@angular/router';
import { SessionService, type WebModule } from '@lc/platform/web';

/** Matched only while the module is enabled (SessionService knows, the guard above has restored it). */
function whileEnabled(module: WebModule): Route {
  return {
    path: '',
    canMatch: [() => inject(SessionService).enabledModules().has(module.name)],
    children: module.routes ?? [],
  };
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
    title: 'App not enabled',
    data: { module: module.name },
    loadComponent: () => import('../pages/module-not-enabled.page'),
  }));
}

/** The routes of every compiled-in module, each live only while its module is enabled. */
export function moduleRoutes(modules: readonly WebModule[]): Routes {
  return [...modules.map(whileEnabled), ...modules.flatMap(whileDisabled)];
}
