import { HttpContext, HttpContextToken } from '@angular/common/http';

/** Set on a request whose errors the caller shows itself (a form's validation messages, the login page). */
export const SILENT_ERRORS = new HttpContextToken<boolean>(() => false);

/** `{ context: silentErrors() }`: the global interceptor will not toast this request's errors. */
export function silentErrors(): HttpContext {
  return new HttpContext().set(SILENT_ERRORS, true);
}
