import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { NotificationService, SessionService, SILENT_ERRORS } from '@lc/platform/web';
import { safeRedirect } from './routing/auth.guards';
import { shownPageData } from './routing/module-routes';

const titles = (): Record<number, string> => ({
  403: $localize`:@@base.errors.accessDenied:Access denied`,
  404: $localize`:@@base.errors.notFound:Not found`,
  409: $localize`:@@base.errors.cannotDoThat:Cannot do that`,
  429: $localize`:@@base.errors.tooManyRequests:Too many requests`,
});

/**
 * One place for failed requests: a 401 means the session is gone (expired, logged out in another tab),
 * so go to the login page; any other error is shown as a toast with the server's message, unless the
 * caller asked to show it itself (SILENT_ERRORS), or it is a 404 of a page whose module has just been
 * disabled: the shell replaces that page with "This app is not enabled", which says it better. The toast's
 * code loads with the first error (error-toast.ts).
 */
export const httpErrorInterceptor: HttpInterceptorFn = (request, next) => {
  const router = inject(Router);
  const session = inject(SessionService);
  const notifications = inject(NotificationService);
  const page = shownPageData(router); // the page that sent it, most likely
  const pageModule = page.pageShownWhile === 'enabled' ? page.pageModule : undefined;
  return next(request).pipe(
    catchError((error: unknown) => {
      const moduleWentAway = error instanceof HttpErrorResponse && error.status === 404 && !!pageModule && !session.enabledModules().has(pageModule);
      if (error instanceof HttpErrorResponse && !request.context.get(SILENT_ERRORS) && !moduleWentAway) {
        if (error.status === 401) {
          if (session.user()) {
            session.clear();
            const redirect = safeRedirect(router.url);
            void router.navigate(['/login'], { queryParams: redirect === '/' ? {} : { redirect } });
          }
        } else {
          const title =
            titles()[error.status] ??
            (error.status >= 500 ? $localize`:@@base.errors.serverError:Server error` : error.status === 0 ? $localize`:@@base.errors.connectionLost:Connection lost` : $localize`:@@base.errors.error:Error`);
          void import('./error-toast').then(({ showError }) => showError(notifications, error, title));
        }
      }
      return throwError(() => error);
    }),
  );
};
