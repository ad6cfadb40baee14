import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, input, signal, type Type } from '@angular/core';

type Loader = () => Promise<Type<unknown>>;

/** Components already loaded, by loader: shown again at once (switching conversations never blinks). */
const loaded = new WeakMap<Loader, Type<unknown>>();
const loading = new WeakMap<Loader, Promise<Type<unknown>>>();

/**
 * Renders a component another module contributes, loaded the first time it is shown, with `inputs`
 * (`<lc-lazy-outlet [load]="kind.banner" [inputs]="{ conversation: c }" />`). Its host takes no box
 * (`display: contents`): the contributed component lays out as if it stood in the parent's place.
 */
@Component({
  selector: 'lc-lazy-outlet',
  imports: [NgComponentOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (type(); as type) {
      <ng-container *ngComponentOutlet="type; inputs: inputs()" />
    }
  `,
  styles: `:host { display: contents; }`,
})
export class LazyOutletComponent {
  readonly load = input.required<Loader>();
  readonly inputs = input<Record<string, unknown>>({});
  /** Bumped when a load finishes, so that `type` reads the cache again. */
  private readonly arrivals = signal(0);
  protected readonly type = computed(() => (this.arrivals(), loaded.get(this.load())));

  constructor() {
    effect(() => {
      const load = this.load();
      if (loaded.has(load)) return;
      if (!loading.has(load)) loading.set(load, load());
      loading.get(load)!.then(
        (type) => (loaded.set(load, type), this.arrivals.update((n) => n + 1)),
        (error) => (loading.delete(load), console.error('A contributed component could not be loaded', error)), // tried again when shown again
      );
    });
  }
}
