import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ModuleManifest } from '@lc/platform';
import { ModuleRegistry, type ModuleLifecycle, translatableError } from '@lc/platform/server';
import type { ModuleStatus } from '@lc/protocol';
import { ModuleState } from './module-state.entity';

/** How long another process's change of module state may take to be seen here (without the Redis feed). */
const REFRESH_INTERVAL_MS = 2000;

/** The lifecycle hooks a module declared in @PlatformModule, if any. */
export type LifecycleOf = (name: string) => ModuleLifecycle | undefined;

/**
 * Module states live in the database; each process keeps a copy that it updates at once on its own
 * changes, adopts what other processes announce (ModuleStatesFeed) and re-reads every couple of seconds,
 * so several processes agree without a restart.
 */
@Injectable()
export class DatabaseModuleRegistry extends ModuleRegistry {
  private enabled = new Set<string>();
  private timer?: NodeJS.Timeout;
  private readonly listeners: Array<(states: ModuleStatus[]) => void> = [];

  constructor(
    private readonly ordered: readonly ModuleManifest[],
    private readonly dataSource: DataSource,
    private readonly lifecycleOf: LifecycleOf = () => undefined,
  ) {
    super();
  }

  manifests(): readonly ModuleManifest[] {
    return this.ordered;
  }

  isEnabled(name: string): boolean {
    return this.enabled.has(name);
  }

  /** Every module's state, in dependency order. */
  states(): ModuleStatus[] {
    return this.ordered.map((m) => ({ name: m.name, enabled: this.enabled.has(m.name) }));
  }

  /** Called after each change made by this process, with the new states. */
  onChange(listener: (states: ModuleStatus[]) => void): void {
    this.listeners.push(listener);
  }

  /** Takes the states another process announced, until the next refresh from the database. */
  adopt(states: readonly ModuleStatus[]): void {
    this.enabled = new Set(states.filter((s) => s.enabled && this.manifest(s.name)).map((s) => s.name));
  }

  /** Records newly discovered modules (enabled when required, `autoEnable` or on a new database) and loads the states. */
  async initialize(): Promise<void> {
    const repo = this.dataSource.getRepository(ModuleState);
    const known = new Map((await repo.find()).map((s) => [s.name, s]));
    const freshDatabase = known.size === 0;
    for (const manifest of this.ordered) {
      const state = known.get(manifest.name);
      if (!state) {
        const wanted = !!manifest.required || freshDatabase || !!manifest.autoEnable;
        const created = { name: manifest.name, enabled: wanted && this.dependenciesEnabled(manifest, known), version: manifest.version };
        await repo.save(created);
        known.set(manifest.name, created);
      } else if (state.version !== manifest.version) {
        await repo.update({ name: manifest.name }, { version: manifest.version });
      }
    }
    await this.refresh();
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), REFRESH_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async refresh(): Promise<void> {
    const states = await this.dataSource.getRepository(ModuleState).find();
    this.enabled = new Set(states.filter((s) => s.enabled && this.manifest(s.name)).map((s) => s.name));
  }

  async enable(name: string): Promise<string[]> {
    const target = this.require(name);
    const toEnable: string[] = [];
    const collect = (manifest: ModuleManifest) => {
      for (const dep of manifest.depends) collect(this.require(dep));
      if (!this.enabled.has(manifest.name) && !toEnable.includes(manifest.name)) toEnable.push(manifest.name);
    };
    collect(target);
    if (toEnable.length) {
      await this.dataSource.getRepository(ModuleState).update(toEnable, { enabled: true });
      for (const n of toEnable) this.enabled.add(n);
      this.changed();
      for (const n of toEnable) await this.lifecycleOf(n)?.onEnable();
    }
    return toEnable;
  }

  /**
   * Switches the module off first (everywhere at once, through the listeners), then lets it end what is
   * in progress: nothing new can start meanwhile. Disabling a disabled module runs `onDisable` again, so
   * a retry after a failure finishes the job.
   */
  async disable(name: string): Promise<void> {
    await this.refuseToDisable(name);
    await this.dataSource.getRepository(ModuleState).update({ name }, { enabled: false });
    this.enabled.delete(name);
    this.changed();
    await this.lifecycleOf(name)?.onDisable();
  }

  async disableImpact(name: string): Promise<string[]> {
    await this.refuseToDisable(name);
    if (!this.enabled.has(name)) return [];
    return (await this.lifecycleOf(name)?.describeDisable()) ?? [];
  }

  /** 404 for an unknown module; 409 for a required one or one an enabled module depends on. */
  private async refuseToDisable(name: string): Promise<void> {
    const manifest = this.require(name);
    if (manifest.required) throw translatableError(409, 'platform.moduleRequired', { name });
    await this.refresh();
    const dependents = this.ordered.filter((m) => this.enabled.has(m.name) && m.depends.includes(name)).map((m) => m.name);
    if (dependents.length) {
      throw translatableError(409, 'platform.moduleNeeded', { name, dependents: dependents.join(', ') });
    }
  }

  private changed(): void {
    const states = this.states();
    for (const listener of this.listeners) listener(states);
  }

  private dependenciesEnabled(manifest: ModuleManifest, known: Map<string, ModuleState>): boolean {
    return manifest.depends.every((dep) => known.get(dep)?.enabled);
  }

  private manifest(name: string): ModuleManifest | undefined {
    return this.ordered.find((m) => m.name === name);
  }

  private require(name: string): ModuleManifest {
    const manifest = this.manifest(name);
    if (!manifest) throw translatableError(404, 'platform.unknownModule', { name });
    return manifest;
  }
}
