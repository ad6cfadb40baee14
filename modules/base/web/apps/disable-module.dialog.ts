import { ChangeDetectionStrategy, Component, inject, input, output, signal, type OnInit } from '@angular/core';
import { DialogComponent } from '@lc/platform/web';
import type { ModuleInfo } from '@lc/protocol';
import { BaseApi } from '../base-api.service';

/** Asks before disabling a module, listing what the module says will stop (GET …/disable-impact). */
@Component({
  selector: 'lc-disable-module-dialog',
  imports: [DialogComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <lc-dialog [title]="title()" [width]="480" (closed)="closed.emit()">
      @if (consequences(); as items) {
        @if (items.length) {
          <p><ng-container i18n="@@base.disableModule.disabling">Disabling</ng-container> <strong>{{ module().label }}</strong> <ng-container i18n="@@base.disableModule.takesEffectAtOnce">takes effect at once, for everyone:</ng-container></p>
          <ul class="lc-dm-consequences">
            @for (item of items; track item) {
              <li>{{ item }}</li>
            }
          </ul>
        } @else {
          <p><strong>{{ module().label }}</strong> <ng-container i18n="@@base.disableModule.willBeDisabledAt">will be disabled at once, for everyone.</ng-container></p>
        }
        <p i18n="@@base.disableModule.itsMenusAndPages" class="text-muted">Its menus and pages leave every open screen. Its data stays, and comes back when you enable it again.</p>
      } @else {
        <p i18n="@@base.disableModule.checkingWhatThisStops" class="text-muted">Checking what this stops…</p>
      }
      <ng-container dialogFooter>
        <button i18n="@@base.disableModule.disable" type="button" class="btn btn-primary" [disabled]="consequences() === null" (click)="confirmed.emit()">Disable</button>
        <button i18n="@@base.disableModule.cancel" type="button" class="btn btn-secondary" (click)="closed.emit()">Cancel</button>
      </ng-container>
    </lc-dialog>
  `,
  styles: `
    .lc-dm-consequences { margin: 0 0 12px; padding-left: 20px; }
    .lc-dm-consequences li { margin-bottom: 4px; }
  `,
})
export class DisableModuleDialog implements OnInit {
  protected title(): string {
    return $localize`:@@base.disableModule.title:Disable ${this.module().label}:APP:`;
  }
  readonly module = input.required<ModuleInfo>();
  readonly confirmed = output<void>();
  readonly closed = output<void>();
  private readonly api = inject(BaseApi);
  protected readonly consequences = signal<string[] | null>(null);

  ngOnInit(): void {
    this.api.disableImpact(this.module().name).then(
      (impact) => this.consequences.set(impact.consequences),
      () => this.closed.emit(), // refused meanwhile (409: now needed by another module): the interceptor said why
    );
  }
}
