import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, type Type } from '@angular/core';
import type { SlotContribution, SlotName } from './contract';
import { SessionService } from './session.service';
import { WEB_MODULES } from './web-modules';

interface ActiveContribution {
  key: string;
  contribution: SlotContribution;
}

/**
 * Renders what the ENABLED modules contribute to a named slot (`<lc-slot name="systray" />`), ordered by
 * sequence. It follows SessionService.enabledModules, so enabling or disabling a module adds or removes
 * its contributions at once. Each component is loaded lazily, once.
 */
@Component({
  selector: 'lc-slot',
  imports: [NgComponentOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-slot]': 'name()' },
  template: `
    @for (item of ready(); track item.key) {
      <ng-container *ngComponentOutlet="item.type" />
    }
  `,
})
export class SlotOutletComponent {
  readonly name = input.required<SlotName>();

  private readonly modules = inject(WEB_MODULES);
  private readonly session = inject(SessionService);
  private readonly loaded = signal<ReadonlyMap<SlotContribution, Type<unknown>>>(new Map());
  private readonly loading = new Set<SlotContribution>();

  private readonly active = computed<ActiveContribution[]>(() => {
    const enabled = this.session.enabledModules();
    return this.modules
      .filter((module) => enabled.has(module.name))
      .flatMap((module) => (module.slots?.[this.name()] ?? []).map((contribution, index) => ({ key: `${module.name}#${index}`, contribution })))
      .sort((a, b) => (a.contribution.sequence ?? 50) - (b.contribution.sequence ?? 50));
  });

  protected readonly ready = computed(() => {
    const loaded = this.loaded();
    return this.active()
      .filter((item) => loaded.has(item.contribution))
      .map((item) => ({ key: item.key, type: loaded.get(item.contribution)! }));
  });

  constructor() {
    effect(() => {
      for (const { key, contribution } of this.active()) {
        if (this.loading.has(contribution)) continue;
        this.loading.add(contribution);
        contribution
          .component()
          .then((type) => this.loaded.update((map) => new Map(map).set(contribution, type)))
          .catch((error) => {
            this.loading.delete(contribution); // try again on the next change
            console.error(`Slot "${this.name()}": cannot load ${key}`, error);
          });
      }
    });
  }
}
