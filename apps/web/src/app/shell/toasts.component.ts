import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { IconComponent, NotificationService } from '@lc/platform/web';

/** Shows NotificationService's toasts, top right, above everything (also on the login page). */
@Component({
  selector: 'lc-toasts',
  imports: [IconComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (toast of notifications.notifications(); track toast.id) {
      <div class="lc-toast lc-toast-{{ toast.type }}" [attr.role]="toast.type === 'danger' ? 'alert' : 'status'">
        <div class="lc-toast-body">
          @if (toast.title) {
            <strong class="lc-toast-title">{{ toast.title }}</strong>
          }
          @for (message of toast.messages; track $index) {
            <div class="lc-toast-message">{{ message }}</div>
          }
        </div>
        <button type="button" class="lc-toast-close" [attr.aria-label]="closeLabel" (click)="notifications.dismiss(toast.id)">
          <lc-icon name="close" [size]="16" />
        </button>
      </div>
    }
  `,
  styleUrl: './toasts.component.css',
})
export class ToastsComponent {
  /** A bound text, not an i18n attribute: this start-up component keeps Angular's i18n runtime out of the initial bundle. */
  protected readonly closeLabel = $localize`:@@base.toasts.close:Close`;
  protected readonly notifications = inject(NotificationService);
}
