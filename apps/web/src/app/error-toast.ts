import type { HttpErrorResponse } from '@angular/common/http';
import { errorMessages, type NotificationService } from '@lc/platform/web';

/**
 * The toast of a failed request, in the user's language. Loaded with the first error (see the interceptor):
 * rendering the server's messages (ICU, the modules' error texts) costs the shell's start-up nothing.
 */
export function showError(notifications: NotificationService, error: HttpErrorResponse, title: string): void {
  notifications.danger(errorMessages(error), { title });
}
