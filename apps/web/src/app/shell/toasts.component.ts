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
        <button type="button" class="lc-toast-close" aria-label="Close" (click)="notifications.dismiss(toast.id)">
          <lc-icon name="close" [size]="16" />
        </button>
      </div>
    }
  `,
  styleUrl: './toasts.component.css',
})
export class ToastsComponent {
  protected readonly notifications = inject(NotificationService);
}
