import { inject } from '@angular/core';
import { Router, type CanMatchFn, type UrlSegment } from '@angular/router';
import { SessionService } from '@lc/platform/web';

/** Only a safe in-app path may be a post-login redirect (never another site: `//evil.example`). */
export function safeRedirect(value: string | null | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/login') ? value : '/';
}

/**
 * Guards the whole shell: restores the session from the cookie (GET /api/me) the first time, and sends
 * anyone not signed in to /login?redirect=<where they were going>. A canMatch guard, so that it has run
 * (and the enabled modules are known) before the module routes below are matched.
 */
export const signedInGuard: CanMatchFn = async (_route, segments: UrlSegment[]) => {
  const session = inject(SessionService);
  const router = inject(Router);
  if (await session.ensureSignedIn()) return true;
  const attempted = router.currentNavigation()?.extractedUrl.toString() ?? `/${segments.map((s) => s.path).join('/')}`;
  const redirect = safeRedirect(attempted);
  return router.createUrlTree(['/login'], { queryParams: redirect === '/' ? {} : { redirect } });
};

/** The login page sends someone already signed in straight on. */
export const signedOutGuard: CanMatchFn = async () => {
  const session = inject(SessionService);
  const router = inject(Router);
  if (!(await session.ensureSignedIn())) return true;
  return router.parseUrl(safeRedirect(router.currentNavigation()?.extractedUrl.queryParamMap.get('redirect')));
};
