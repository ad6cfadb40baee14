import type { Type } from '@angular/core';
import type { Routes } from '@angular/router';

/** Named places in the shell that modules fill (Odoo's registries: systray, main components...). */
export type SlotName = 'systray' | 'dock' | 'preferences';

/**
 * A root service a module runs in the background while it is enabled and someone is signed in (Odoo's
 * service registry): e.g. the presence feed, the conversations store. The shell starts it after sign-in
 * or when the module is enabled, and stops it when the module is disabled or on logout.
 */
export interface ModuleService {
  start(): void | Promise<void>;
  stop(): void;
}

export interface SlotContribution {
  /** Lazy so that a module's code is only loaded when the slot shows it. */
  component: () => Promise<Type<unknown>>;
  /** Lower first (left to right in the systray, top to bottom in Preferences). */
  sequence?: number;
}

/**
 * The web part of a module: modules/<name>/web/index.ts default-exports defineWebModule({...}).
 * The shell gathers them from a generated list and never names a module.
 */
export interface WebModule {
  /** Must equal the manifest's name; the shell hides the module's slots while it is disabled. */
  name: string;
  /** Routes below the shell's navbar, e.g. `{ path: 'livechat/channels', loadComponent: ... }`. */
  routes?: Routes;
  slots?: Partial<Record<SlotName, SlotContribution[]>>;
  /** Lazy, `providedIn: 'root'` services to start while the module is enabled. */
  services?: Array<() => Promise<Type<ModuleService>>>;
}

export function defineWebModule(module: WebModule): WebModule {
  return module;
}
