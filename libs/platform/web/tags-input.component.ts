import { ChangeDetectionStrategy, Component, computed, ElementRef, input, output, signal, viewChild } from '@angular/core';

export interface TagOption<T extends string | number = string | number> {
  value: T;
  label: string;
  /** Shown as a muted chip with this note (e.g. "disabled") and never offered in the drop-down. */
  note?: string;
}

let nextId = 0;

/**
 * Odoo's many2many_tags: the chosen values as removable chips, and a search field whose drop-down offers
 * the others. Keyboard: arrows choose, Enter adds, Backspace on an empty field removes the last chip.
 */
@Component({
  selector: 'lc-tags-input',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="lc-tags" [class.focused]="open()" (click)="focusInput()">
      @for (chip of chips(); track chip.value) {
        <span class="lc-tag" [class.lc-tag-muted]="!!chip.note" [attr.title]="chip.note ? chip.label + ' (' + chip.note + ')' : null" [attr.data-value]="chip.value">
          {{ chip.label }}
          @if (chip.note) {
            <small class="lc-tag-note">{{ chip.note }}</small>
          }
          <button type="button" class="lc-tag-remove" [attr.aria-label]="removeLabel(chip.label)" (click)="remove(chip.value); $event.stopPropagation()">×</button>
        </span>
      }
      <input
        #field
        type="text"
        class="lc-tags-field"
        role="combobox"
        autocomplete="off"
        [attr.id]="inputId()"
        [attr.aria-expanded]="open()"
        [attr.aria-controls]="listId"
        [attr.aria-label]="label()"
        [placeholder]="chips().length ? '' : placeholder()"
        [value]="query()"
        (focus)="open.set(true)"
        (blur)="open.set(false)"
        (input)="query.set($any($event.target).value); active.set(0); open.set(true)"
        (keydown)="onKey($event)"
      />
    </div>
    @if (open() && matches().length) {
      <ul class="lc-tags-menu" role="listbox" [id]="listId">
        @for (option of matches(); track option.value; let i = $index) {
          <li role="option" class="lc-tags-option" [class.active]="i === active()" [attr.aria-selected]="i === active()" (mousedown)="$event.preventDefault(); add(option.value)">
            {{ option.label }}
          </li>
        }
      </ul>
    } @else if (open() && query()) {
      <div i18n="@@base.tagsInput.noMatch" class="lc-tags-menu lc-tags-none">No match</div>
    }
  `,
  host: { class: 'lc-tags-input' },
})
export class TagsInputComponent<T extends string | number = string | number> {
  protected removeLabel(label: string): string {
    return $localize`:@@base.tagsInput.remove:Remove ${label}:LABEL:`;
  }
  readonly options = input.required<readonly TagOption<T>[]>();
  readonly values = input.required<readonly T[]>();
  readonly placeholder = input($localize`:@@base.tagsInput.add:Add…`);
  readonly label = input<string | null>(null);
  readonly inputId = input<string | null>(null);
  readonly valuesChange = output<T[]>();

  protected readonly listId = `lc-tags-list-${nextId++}`;
  protected readonly open = signal(false);
  protected readonly query = signal('');
  protected readonly active = signal(0);
  private readonly field = viewChild.required<ElementRef<HTMLInputElement>>('field');

  protected readonly chips = computed(() => {
    const known = new Map(this.options().map((o) => [o.value, o]));
    // A value whose option is not known (yet: options often load after the values) shows as itself.
    return this.values().map((value): TagOption<T> => known.get(value) ?? { value, label: String(value) });
  });
  protected readonly matches = computed(() => {
    const chosen = new Set(this.values());
    const q = this.query().trim().toLowerCase();
    return this.options().filter((o) => !o.note && !chosen.has(o.value) && (!q || o.label.toLowerCase().includes(q) || String(o.value).toLowerCase().includes(q)));
  });

  protected focusInput(): void {
    this.field().nativeElement.focus();
  }

  protected add(value: T): void {
    this.valuesChange.emit([...this.values(), value]);
    this.query.set('');
    this.active.set(0);
  }

  protected remove(value: T): void {
    this.valuesChange.emit(this.values().filter((v) => v !== value));
  }

  protected onKey(event: KeyboardEvent): void {
    const matches = this.matches();
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        this.open.set(true);
        this.active.set(Math.min(this.active() + 1, matches.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        this.active.set(Math.max(this.active() - 1, 0));
        break;
      case 'Enter':
        if (this.open() && matches[this.active()]) {
          event.preventDefault(); // not the form's submit
          this.add(matches[this.active()].value);
        }
        break;
      case 'Backspace':
        if (!this.query() && this.values().length) this.remove(this.values()[this.values().length - 1]);
        break;
      case 'Escape':
        if (this.open()) {
          event.stopPropagation();
          this.open.set(false);
        }
        break;
    }
  }
}
