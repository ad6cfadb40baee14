import type { ModuleManifest } from '../src/manifest';

/** Which modules exist and which are enabled; the host implements it, modules inject it. */
export abstract class ModuleRegistry {
  /** Every discovered module, in dependency order. */
  abstract manifests(): readonly ModuleManifest[];
  abstract isEnabled(name: string): boolean;
  /** Enables the module and, first, its dependencies. Returns the names newly enabled. */
  abstract enable(name: string): Promise<string[]>;
  /** Refuses (ConflictException) when an enabled module depends on it, or for `base`. */
  abstract disable(name: string): Promise<void>;
}
