import { ChangeDetectionStrategy, Component, ElementRef, inject, input, signal } from '@angular/core';

/**
 * A toggle with a floating menu (navbar sections, the user menu, systray menus). It closes on a click
 * outside, on Escape and when an entry (`.lc-dropdown-item`) is chosen.
 * <lc-dropdown><button dropdownToggle>…</button><div dropdownMenu><a class="lc-dropdown-item">…</a></div></lc-dropdown>
 */
@Component({
  selector: 'lc-dropdown',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="lc-dropdown-toggle" (click)="toggle()"><ng-content select="[dropdownToggle]" /></div>
    @if (isOpen()) {
      <div class="lc-dropdown-menu" [class.lc-dropdown-end]="anchor() === 'end'" (click)="onMenuClick($event)">
        <ng-content select="[dropdownMenu]" />
      </div>
    }
  `,
  host: {
    class: 'lc-dropdown',
    '[class.open]': 'isOpen()',
    '(document:click)': 'onDocumentClick($event)',
    '(document:keydown.escape)': 'close()',
  },
})
export class DropdownComponent {
  /** `end` aligns the menu's right edge with the toggle's (for entries on the right of the navbar). */
  readonly anchor = input<'start' | 'end'>('start');
  readonly isOpen = signal(false);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  toggle(): void {
    this.isOpen.update((open) => !open);
  }

  close(): void {
    this.isOpen.set(false);
  }

  protected onMenuClick(event: MouseEvent): void {
    if ((event.target as HTMLElement).closest('.lc-dropdown-item')) this.close();
  }

  protected onDocumentClick(event: MouseEvent): void {
    if (this.isOpen() && !this.host.nativeElement.contains(event.target as Node)) this.close();
  }
}
