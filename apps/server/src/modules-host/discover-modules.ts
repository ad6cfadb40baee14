import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { manifestProblems, type ModuleManifest } from '@lc/platform';
import type { Type } from '@nestjs/common';
import { OWNER_MODULE, platformModuleData, type ModuleLifecycle } from '@lc/platform/server';
import { declaredGroupIds, manifestFieldProblems, menuProblemsAcrossModules, persistenceClashes } from './contract-checks';

/** A module found on disk: its manifest and the server part the host registers. */
export interface DiscoveredModule {
  manifest: ModuleManifest;
  nestModule: Function;
  entities: Function[];
  migrations: Function[];
  /** The module's translations folder (`i18n/<lang>.json`; it may not exist). */
  i18nDir: string;
  /** The module's ModuleLifecycle provider, when it declares one. */
  lifecycle?: Type<ModuleLifecycle>;
  /** What @nestjs/swagger's CLI plugin read off its request classes (server/openapi-metadata.generated.ts). */
  openApiMetadata?: () => Promise<Record<string, any>>;
  /** JSON Schemas of the module's own answer types (server/schemas.generated.ts), for the documents. */
  schemas?: Record<string, unknown>;
}

export class ModuleContractError extends Error {
  constructor(problems: string[]) {
    super(`The modules cannot be loaded:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ModuleContractError';
  }
}

/**
 * Reads every <root>/<name>/manifest and <root>/<name>/server of the given roots (Odoo's addons path),
 * checks the contract and returns the modules in dependency order. Every problem found is reported at
 * once, each naming its module.
 */
export function discoverModules(roots: string[]): DiscoveredModule[] {
  const problems: string[] = [];
  const found: DiscoveredModule[] = [];
  const seen = new Map<string, string>();
  /** Modules already reported as broken: the modules depending on them are not told they do not exist. */
  const broken = new Set<string>();
  const folders = roots.flatMap((root) =>
    readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSyncAny(join(root, entry.name, 'manifest')))
      .map((entry) => ({ root, folder: entry.name }))
      .sort((a, b) => a.folder.localeCompare(b.folder)),
  );

  const declaredGroups = declaredGroupIds(folders.map(({ root, folder }) => tryRequireManifest(join(root, folder, 'manifest'))));
  for (const { root, folder } of folders) {
    const where = join(root, folder);
    if (seen.has(folder)) {
      problems.push(`module "${folder}" is defined twice: in ${seen.get(folder)} and in ${where}`);
      continue;
    }
    seen.set(folder, where);
    let manifest: ModuleManifest;
    try {
      manifest = require(join(root, folder, 'manifest')).default as ModuleManifest;
    } catch (error) {
      problems.push(`module "${folder}": manifest.ts cannot be loaded: ${messageOf(error)}`);
      broken.add(folder);
      continue;
    }
    const manifestIssues = !manifest || typeof manifest !== 'object' ? ['manifest.ts has no default export (export default defineModule({...}))'] : manifestProblems(manifest, folder);
    if (!manifestIssues.length) manifestIssues.push(...manifestFieldProblems(manifest, declaredGroups));
    if (manifestIssues.length) {
      problems.push(...manifestIssues.map((issue) => `module "${folder}": ${issue}`));
      broken.add(folder);
      continue;
    }
    const serverEntry = join(root, folder, 'server');
    let nestModule: Function | undefined;
    try {
      nestModule = existsSyncAny(join(serverEntry, 'index')) ? require(serverEntry).default : undefined;
    } catch (error) {
      problems.push(`module "${folder}": server/index.ts cannot be loaded: ${messageOf(error)}`);
      broken.add(folder);
      continue;
    }
    const data = nestModule && platformModuleData(nestModule);
    if (!nestModule || !data) {
      problems.push(`module "${folder}": server/index.ts must default-export a class decorated with @PlatformModule`);
      broken.add(folder);
      continue;
    }
    found.push({ manifest, nestModule: nestModule!, i18nDir: join(where, 'i18n'), ...data, ...apiDocumentParts(serverEntry) });
  }

  problems.push(...persistenceClashes(found), ...menuProblemsAcrossModules(found, broken));
  const ordered = orderByDependencies(found, problems, broken);
  if (problems.length) throw new ModuleContractError(problems);
  for (const mod of ordered) {
    markOwner(mod);
    importDependencies(mod, ordered);
  }
  return ordered;
}

/** What a module's generated files add to the API documents (scripts/gen-openapi-metadata.mjs, gen-protocol-schemas.mjs). */
function apiDocumentParts(serverEntry: string): Pick<DiscoveredModule, 'openApiMetadata' | 'schemas'> {
  const metadata = join(serverEntry, 'openapi-metadata.generated');
  const schemas = join(serverEntry, 'schemas.generated');
  return {
    ...(existsSyncAny(metadata) ? { openApiMetadata: require(metadata).default } : {}),
    ...(existsSyncAny(schemas) ? { schemas: require(schemas).default.definitions } : {}),
  };
}

/** A module may inject what its dependencies (direct or not) export, without importing their Nest modules. */
function importDependencies(mod: DiscoveredModule, all: DiscoveredModule[]): void {
  const imports: unknown[] = Reflect.getMetadata('imports', mod.nestModule) ?? [];
  const closure = new Set<string>();
  const collect = (name: string) => {
    for (const dep of all.find((m) => m.manifest.name === name)!.manifest.depends) if (!closure.has(dep)) (closure.add(dep), collect(dep));
  };
  collect(mod.manifest.name);
  const dependencies = [...closure].map((name) => all.find((m) => m.manifest.name === name)!.nestModule);
  Reflect.defineMetadata('imports', [...imports, ...dependencies.filter((d) => !imports.includes(d))], mod.nestModule);
}

/** A manifest's default export, or undefined when it cannot be loaded (the main pass reports why). */
function tryRequireManifest(path: string): ModuleManifest | undefined {
  try {
    return require(path).default as ModuleManifest;
  } catch {
    return undefined;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}

function existsSyncAny(pathWithoutExtension: string): boolean {
  return ['.ts', '.js'].some((ext) => existsSync(pathWithoutExtension + ext));
}

/** Tags controllers and gateways with their module so that the host can switch them off at run time. */
function markOwner(mod: DiscoveredModule): void {
  const owned = [mod.nestModule, ...(Reflect.getMetadata('controllers', mod.nestModule) ?? []), ...(Reflect.getMetadata('providers', mod.nestModule) ?? [])];
  for (const target of owned) {
    if (typeof target === 'function') Reflect.defineMetadata(OWNER_MODULE, mod.manifest.name, target);
  }
}

/** Depth-first topological sort; missing dependencies and cycles are reported by name. */
function orderByDependencies(modules: DiscoveredModule[], problems: string[], broken: ReadonlySet<string>): DiscoveredModule[] {
  const byName = new Map(modules.map((m) => [m.manifest.name, m]));
  const ordered: DiscoveredModule[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (mod: DiscoveredModule, path: string[]) => {
    const name = mod.manifest.name;
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      problems.push(`dependency cycle: ${[...path.slice(path.indexOf(name)), name].join(' -> ')}`);
      return;
    }
    state.set(name, 'visiting');
    for (const dep of mod.manifest.depends) {
      const target = byName.get(dep);
      if (!target && broken.has(dep)) continue; // its own problems are reported
      if (!target) problems.push(`module "${name}" depends on "${dep}", which does not exist`);
      else visit(target, [...path, name]);
    }
    state.set(name, 'done');
    ordered.push(mod);
  };
  for (const mod of modules) visit(mod, []);
  return ordered;
}
