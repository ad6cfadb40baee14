import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { DialogComponent, SessionService, UserAvatarComponent } from '@lc/platform/web';
import { DiscussApi, type Colleague } from '../../data/discuss-api.service';

/** Pick a colleague: to start a direct conversation, or to invite them into a channel. */
@Component({
  selector: 'lc-colleague-picker',
  imports: [DialogComponent, UserAvatarComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <lc-dialog [title]="title()" [width]="440" (closed)="closed.emit()">
      <input i18n-aria-label="@@discuss.colleaguePicker.searchAColleague2" i18n-placeholder="@@discuss.colleaguePicker.searchAColleague" type="search" class="lc-input" placeholder="Search a colleague…" aria-label="Search a colleague" [value]="query()" (input)="query.set($any($event.target).value)" />
      <div class="lc-picker-list">
        @for (colleague of matches(); track colleague.id) {
          <button type="button" class="lc-picker-row" (click)="picked.emit(colleague)">
            <lc-user-avatar [name]="colleague.name" [userId]="colleague.id" [size]="30" />
            <span>{{ colleague.name }}</span>
          </button>
        } @empty {
          <div class="lc-picker-empty">@if (colleagues() === null) {<ng-container i18n="@@discuss.colleaguePicker.loading">Loading…</ng-container>} @else {<ng-container i18n="@@discuss.colleaguePicker.nobodyMatches">Nobody matches.</ng-container>}</div>
        }
      </div>
    </lc-dialog>
  `,
  styles: `
    .lc-picker-list { margin-top: 10px; max-height: 50vh; overflow-y: auto; }
    .lc-picker-row { display: flex; align-items: center; gap: 10px; width: 100%; padding: 6px 8px; border: 0; border-radius: var(--lc-radius); background: none; text-align: left; color: var(--lc-gray-900); cursor: pointer; }
    .lc-picker-row:hover { background: var(--lc-gray-100); }
    .lc-picker-empty { padding: 16px; text-align: center; color: var(--lc-gray-600); }
  `,
})
export class ColleaguePickerDialog {
  readonly title = input.required<string>();
  /** Already there (members of the channel); the user is always left out. */
  readonly excludeIds = input<readonly number[]>([]);
  readonly picked = output<Colleague>();
  readonly closed = output<void>();
  private readonly session = inject(SessionService);

  protected readonly query = signal('');
  protected readonly colleagues = signal<Colleague[] | null>(null);
  protected readonly matches = computed(() => {
    const excluded = new Set([...this.excludeIds(), this.session.user()?.id]);
    const q = this.query().trim().toLowerCase();
    return (this.colleagues() ?? []).filter((c) => !excluded.has(c.id) && (!q || c.name.toLowerCase().includes(q)));
  });

  constructor() {
    inject(DiscussApi)
      .colleagues()
      .then((list) => this.colleagues.set(list), () => this.colleagues.set([]));
  }
}
