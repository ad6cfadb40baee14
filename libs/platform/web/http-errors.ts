import { HttpContext, HttpContextToken, HttpErrorResponse } from '@angular/common/http';

/** Set on a request whose errors the caller shows itself (a form's validation messages, the login page). */
export const SILENT_ERRORS = new HttpContextToken<boolean>(() => false);

/** `{ context: silentErrors() }`: the global interceptor will not toast this request's errors. */
export function silentErrors(): HttpContext {
  return new HttpContext().set(SILENT_ERRORS, true);
}

/**
 * The server's messages of a failed request: Nest answers `{ statusCode, message, error }` where `message`
 * is a string or a list naming each bad field.
 */
export function errorMessages(error: unknown): string[] {
  if (!(error instanceof HttpErrorResponse)) return [error instanceof Error ? error.message : String(error)];
  if (error.status === 0) return [$localize`:@@base.errors.serverUnreachable:The server cannot be reached. Check your connection and try again.`];
  const message = (error.error as { message?: unknown } | null)?.message;
  if (Array.isArray(message)) return message.map(String);
  if (typeof message === 'string' && message) return [message];
  return [error.statusText && error.statusText !== 'OK' ? `${error.status} ${error.statusText}` : $localize`:@@base.errors.requestFailed:Request failed (${error.status}:STATUS:)`];
}

/** The HTTP status of a failed request, 0 for anything that is not an HTTP error. */
export function errorStatus(error: unknown): number {
  return error instanceof HttpErrorResponse ? error.status : 0;
}
