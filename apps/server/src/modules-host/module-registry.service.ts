import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ModuleManifest } from '@lc/platform';
import { ModuleRegistry } from '@lc/platform/server';
import { ModuleState } from './module-state.entity';

/** How long another process's change of module state may take to be seen here. */
const REFRESH_INTERVAL_MS = 2000;

/**
 * Module states live in the database; each process keeps a copy that it updates at once on its own
 * changes and re-reads every couple of seconds, so several processes agree without a restart.
 */
@Injectable()
export class DatabaseModuleRegistry extends ModuleRegistry {
  private enabled = new Set<string>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly ordered: readonly ModuleManifest[],
    private readonly dataSource: DataSource,
  ) {
    super();
  }

  manifests(): readonly ModuleManifest[] {
    return this.ordered;
  }

  isEnabled(name: string): boolean {
    return this.enabled.has(name);
  }

  /** Records newly discovered modules (enabled when `autoEnable` or on a new database) and loads the states. */
  async initialize(): Promise<void> {
    const repo = this.dataSource.getRepository(ModuleState);
    const known = new Map((await repo.find()).map((s) => [s.name, s]));
    const freshDatabase = known.size === 0;
    for (const manifest of this.ordered) {
      const state = known.get(manifest.name);
      if (!state) {
        const wanted = manifest.name === 'base' || freshDatabase || !!manifest.autoEnable;
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
    }
    return toEnable;
  }

  async disable(name: string): Promise<void> {
    this.require(name);
    if (name === 'base') throw new ConflictException('The base module cannot be disabled');
    await this.refresh();
    const dependents = this.ordered.filter((m) => this.enabled.has(m.name) && m.depends.includes(name)).map((m) => m.name);
    if (dependents.length) {
      throw new ConflictException(`Module "${name}" is needed by enabled module(s): ${dependents.join(', ')}. Disable them first.`);
    }
    await this.dataSource.getRepository(ModuleState).update({ name }, { enabled: false });
    this.enabled.delete(name);
  }

  private dependenciesEnabled(manifest: ModuleManifest, known: Map<string, ModuleState>): boolean {
    return manifest.depends.every((dep) => known.get(dep)?.enabled);
  }

  private manifest(name: string): ModuleManifest | undefined {
    return this.ordered.find((m) => m.name === name);
  }

  private require(name: string): ModuleManifest {
    const manifest = this.manifest(name);
    if (!manifest) throw new NotFoundException(`Unknown module "${name}"`);
    return manifest;
  }
}
