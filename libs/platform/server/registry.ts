import type { ModuleManifest } from '../src/manifest';

/** Which modules exist and which are enabled; the host implements it, modules inject it. */
export abstract class ModuleRegistry {
  /** Every discovered module, in dependency order. */
  abstract manifests(): readonly ModuleManifest[];
  abstract isEnabled(name: string): boolean;
  /** Enables the module and, first, its dependencies, then runs their `onEnable`. Returns the names newly enabled. */
  abstract enable(name: string): Promise<string[]>;
  /**
   * Disables the module, then runs its `onDisable`. Refuses (ConflictException) a `required` module, or
   * one an enabled module depends on.
   */
  abstract disable(name: string): Promise<void>;
  /**
   * What disabling the module would stop (its lifecycle's `describeDisable`; [] when it is already
   * disabled). Refuses with the same ConflictException as `disable` would.
   */
  abstract disableImpact(name: string): Promise<string[]>;
}
