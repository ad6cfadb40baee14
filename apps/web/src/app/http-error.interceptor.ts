import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { errorMessages, NotificationService, SessionService, SILENT_ERRORS } from '@lc/platform/web';
import { safeRedirect } from './routing/auth.guards';

const TITLES: Record<number, string> = { 403: 'Access denied', 404: 'Not found', 409: 'Cannot do that', 429: 'Too many requests' };

/**
 * One place for failed requests: a 401 means the session is gone (expired, logged out in another tab),
 * so go to the login page; any other error is shown as a toast with the server's message, unless the
 * caller asked to show it itself (SILENT_ERRORS).
 */
export const httpErrorInterceptor: HttpInterceptorFn = (request, next) => {
  const router = inject(Router);
  const session = inject(SessionService);
  const notifications = inject(NotificationService);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && !request.context.get(SILENT_ERRORS)) {
        if (error.status === 401) {
          if (session.user()) {
            session.clear();
            const redirect = safeRedirect(router.url);
            void router.navigate(['/login'], { queryParams: redirect === '/' ? {} : { redirect } });
          }
        } else {
          const title = TITLES[error.status] ?? (error.status >= 500 ? 'Server error' : error.status === 0 ? 'Connection lost' : 'Error');
          notifications.danger(errorMessages(error), { title });
        }
      }
      return throwError(() => error);
    }),
  );
};
