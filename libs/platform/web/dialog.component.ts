import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { IconComponent } from './icon.component';

/**
 * A modal dialog (Odoo's Dialog): title bar with a close button, a body and a footer for the buttons.
 * <lc-dialog title="Invite" (closed)="…"><p>…</p><ng-container dialogFooter><button>…</button></ng-container></lc-dialog>
 */
@Component({
  selector: 'lc-dialog',
  imports: [IconComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="lc-dialog-backdrop" (click)="closed.emit()"></div>
    <div class="lc-dialog" role="dialog" aria-modal="true" [attr.aria-label]="title()" [style.max-width.px]="width()">
      <header class="lc-dialog-header">
        <h4 class="lc-dialog-title">{{ title() }}</h4>
        <button i18n-aria-label="@@base.dialog.close" type="button" class="lc-dialog-close" aria-label="Close" (click)="closed.emit()"><lc-icon name="close" [size]="20" /></button>
      </header>
      <div class="lc-dialog-body"><ng-content /></div>
      <footer class="lc-dialog-footer"><ng-content select="[dialogFooter]" /></footer>
    </div>
  `,
  host: { class: 'lc-dialog-host', '(document:keydown.escape)': 'closed.emit()' },
})
export class DialogComponent {
  readonly title = input.required<string>();
  readonly width = input(520);
  readonly closed = output<void>();
}
