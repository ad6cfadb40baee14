import { effect, inject, Injectable, Injector, untracked, type EffectRef } from '@angular/core';
import type { ModuleService, WebModule } from './contract';
import { SessionService } from './session.service';
import { WEB_MODULES } from './web-modules';

/**
 * Starts the background services of the ENABLED modules (WebModule.services) while the signed-in shell is
 * up, and stops a module's services as soon as it is disabled. Each service is a root singleton, so it
 * must forget its state in stop(): the next start() may be for another user.
 */
@Injectable({ providedIn: 'root' })
export class ModuleServicesRunner {
  private readonly modules = inject(WEB_MODULES);
  private readonly session = inject(SessionService);
  private readonly injector = inject(Injector);
  /** The services started per module; a new array per start, so that a late load of a stopped run is dropped. */
  private readonly running = new Map<string, ModuleService[]>();
  private watcher?: EffectRef;

  run(): void {
    this.watcher ??= effect(
      () => {
        const enabled = this.session.enabledModules();
        const signedIn = !!this.session.user();
        untracked(() => this.modules.forEach((module) => this.sync(module, signedIn && enabled.has(module.name))));
      },
      { injector: this.injector },
    );
  }

  stopAll(): void {
    this.watcher?.destroy();
    this.watcher = undefined;
    for (const name of [...this.running.keys()]) this.stopModule(name);
  }

  private sync(module: WebModule, wanted: boolean): void {
    if (!module.services?.length) return;
    if (wanted && !this.running.has(module.name)) this.startModule(module);
    else if (!wanted && this.running.has(module.name)) this.stopModule(module.name);
  }

  private startModule(module: WebModule): void {
    const started: ModuleService[] = [];
    this.running.set(module.name, started);
    for (const load of module.services ?? []) {
      load()
        .then((type) => {
          if (this.running.get(module.name) !== started) return; // disabled (or logged out) meanwhile
          const service = this.injector.get(type);
          started.push(service);
          return service.start();
        })
        .catch((error) => console.error(`Module "${module.name}": a service failed to start`, error));
    }
  }

  private stopModule(name: string): void {
    const started = this.running.get(name) ?? [];
    this.running.delete(name);
    for (const service of started) {
      try {
        service.stop();
      } catch (error) {
        console.error(`Module "${name}": a service failed to stop`, error);
      }
    }
  }
}
