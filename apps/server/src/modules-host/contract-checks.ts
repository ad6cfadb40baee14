import { DefaultNamingStrategy, getMetadataArgsStorage } from 'typeorm';
import { groupProblems, type MenuDefinition, type ModuleManifest } from '@lc/platform';

/**
 * The start-up checks of the module contract that go beyond `manifestProblems` (libs/platform): unknown
 * fields, menus entry by entry, self-dependencies, and clashes between modules (menu ids, entity classes,
 * table names, migration names). Each problem is a sentence naming its module; the host reports them all
 * at once and does not start.
 */

/** The fields of ModuleManifest; anything else is a typo (`depend`, `menu`) or a field this host does not know. */
const MANIFEST_FIELDS = new Set<string>(['name', 'label', 'summary', 'version', 'depends', 'application', 'autoEnable', 'required', 'homepage', 'menus', 'groups']);
const MENU_FIELDS = new Set<string>(['id', 'label', 'route', 'icon', 'color', 'groups', 'parent', 'sequence', 'children']);
const VERSION_PATTERN = /^\d+(\.\d+){1,4}$/;
/** A shell path: `/`-separated segments, no spaces, no query or fragment. */
const ROUTE_PATTERN = /^\/[A-Za-z0-9._~:@!$&'()*+,;=%/-]*$/;

/** The ids of the groups the manifests declare (read before any is checked: a menu may name another module's group). */
export function declaredGroupIds(manifests: ReadonlyArray<Partial<ModuleManifest> | undefined>): Set<string> {
  return new Set(manifests.flatMap((m) => (Array.isArray(m?.groups) ? m.groups.map((g) => g?.id).filter((id): id is string => typeof id === 'string') : [])));
}

/** Problems of the manifest's own fields (run after `manifestProblems` found none). */
export function manifestFieldProblems(manifest: ModuleManifest, declaredGroups: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const m = manifest as unknown as Record<string, unknown>;
  for (const key of Object.keys(m)) if (!MANIFEST_FIELDS.has(key)) problems.push(`unknown manifest field "${key}"`);
  if (!VERSION_PATTERN.test(manifest.version)) problems.push(`"version" must look like 1.0.0, got "${manifest.version}"`);
  if (manifest.depends.includes(manifest.name)) problems.push(`"depends" names the module itself`);
  const repeated = manifest.depends.filter((d, i) => manifest.depends.indexOf(d) !== i);
  if (repeated.length) problems.push(`"depends" lists ${[...new Set(repeated)].map((d) => `"${d}"`).join(', ')} more than once`);
  for (const flag of ['autoEnable', 'required'] as const) if (m[flag] !== undefined && typeof m[flag] !== 'boolean') problems.push(`"${flag}" must be true or false`);
  if (m.homepage !== undefined && (typeof m.homepage !== 'string' || !ROUTE_PATTERN.test(m.homepage))) problems.push(`"homepage" must be a path starting with "/"`);
  manifest.menus.forEach((menu, index) => problems.push(...menuProblems(manifest.name, menu, `menus[${index}]`, true, declaredGroups)));
  return problems;
}

function menuProblems(module: string, menu: MenuDefinition, where: string, topLevel: boolean, declaredGroups: ReadonlySet<string>): string[] {
  if (!menu || typeof menu !== 'object' || Array.isArray(menu)) return [`${where} must be an object`];
  const problems: string[] = [];
  const m = menu as unknown as Record<string, unknown>;
  const id = typeof m.id === 'string' ? m.id : undefined;
  const at = id ? `menu "${id}"` : where;
  for (const key of Object.keys(m)) if (!MENU_FIELDS.has(key)) problems.push(`${at}: unknown field "${key}"`);
  if (!id) problems.push(`${where}: "id" must be a non-empty string`);
  else if (id !== module && !id.startsWith(`${module}.`)) problems.push(`${at}: "id" must be "${module}" or start with "${module}." (ids are unique across modules)`);
  if (typeof m.label !== 'string' || !m.label.trim()) problems.push(`${at}: "label" must be a non-empty string`);
  if (m.route !== undefined && (typeof m.route !== 'string' || !ROUTE_PATTERN.test(m.route))) {
    problems.push(`${at}: "route" must be a shell path starting with "/" (e.g. "/${module}/items"), got ${JSON.stringify(m.route)}`);
  }
  for (const key of ['icon', 'color'] as const) {
    if (m[key] !== undefined && (typeof m[key] !== 'string' || !(m[key] as string).trim())) problems.push(`${at}: "${key}" must be a non-empty string`);
  }
  if (m.groups !== undefined) {
    if (!Array.isArray(m.groups) || m.groups.some((g) => typeof g !== 'string')) problems.push(`${at}: "groups" must be a list of group ids`);
    else {
      const unknown = m.groups.filter((g) => !declaredGroups.has(g as string));
      if (unknown.length) problems.push(`${at}: unknown group ${unknown.map((g) => JSON.stringify(g)).join(', ')} (groups the modules declare: ${[...declaredGroups].join(', ')})`);
    }
  }
  if (m.sequence !== undefined && (typeof m.sequence !== 'number' || !Number.isFinite(m.sequence))) problems.push(`${at}: "sequence" must be a number`);
  if (m.parent !== undefined) {
    if (!topLevel) problems.push(`${at}: "parent" is only allowed on a top-level menu (it grafts the whole entry under another menu)`);
    else if (typeof m.parent !== 'string' || !m.parent) problems.push(`${at}: "parent" must be a menu id`);
  }
  if (m.children !== undefined && !Array.isArray(m.children)) problems.push(`${at}: "children" must be a list`);
  else (m.children as MenuDefinition[] | undefined)?.forEach((child, i) => problems.push(...menuProblems(module, child, `${at}.children[${i}]`, false, declaredGroups)));
  if (!problems.length && !m.route && !(m.children as unknown[] | undefined)?.length) problems.push(`${at}: has neither a "route" nor "children"`);
  return problems;
}

export interface ModuleParts {
  manifest: ModuleManifest;
  entities: Function[];
  migrations: Function[];
}

/**
 * Menu ids are unique across modules, a `parent` names an existing menu, and the groups the modules
 * declare are well formed and unique. The parent's module need not be a dependency: the graft is shown while that
 * module is enabled (canned responses under Live Chat).
 */
export function menuProblemsAcrossModules(modules: ModuleParts[], broken: ReadonlySet<string> = new Set()): string[] {
  const problems: string[] = [];
  const owners = new Map<string, string>();
  const visit = (module: string, menus: readonly MenuDefinition[]) => {
    for (const menu of menus) {
      const other = owners.get(menu.id);
      if (other) problems.push(`module "${module}": menu id "${menu.id}" is already used by ${other === module ? 'another entry of this module' : `module "${other}"`}`);
      else owners.set(menu.id, module);
      visit(module, menu.children ?? []);
    }
  };
  for (const mod of modules) visit(mod.manifest.name, mod.manifest.menus);

  problems.push(...groupProblems(modules.map((m) => m.manifest)));

  for (const mod of modules) {
    for (const menu of mod.manifest.menus) {
      if (!menu.parent || owners.has(menu.parent)) continue;
      if (broken.has(menu.parent.split('.')[0])) continue; // that module's own problems are reported
      problems.push(`module "${mod.manifest.name}": menu "${menu.id}" has parent "${menu.parent}", which is no menu of any module`);
    }
  }
  return problems;
}

/** Entity class names, table names and migration names are global: two modules may not share one. */
export function persistenceClashes(modules: ModuleParts[]): string[] {
  const problems: string[] = [];
  const entityOwners = new Map<string, string>();
  const tableOwners = new Map<string, { module: string; entity: string }>();
  const migrationOwners = new Map<string, string>();
  const naming = new DefaultNamingStrategy();
  const tables = getMetadataArgsStorage().tables;

  for (const mod of modules) {
    const module = mod.manifest.name;
    for (const entity of mod.entities) {
      if (typeof entity !== 'function') {
        problems.push(`module "${module}": an entry of "entities" is not a class`);
        continue;
      }
      const other = entityOwners.get(entity.name);
      if (other) problems.push(`module "${module}": entity "${entity.name}" is already defined by ${other === module ? 'this module' : `module "${other}"`}`);
      else entityOwners.set(entity.name, module);

      const declared = tables.find((t) => t.target === entity);
      if (!declared) {
        problems.push(`module "${module}": entity "${entity.name}" has no @Entity() decorator`);
        continue;
      }
      const table = naming.tableName(entity.name, declared.name);
      const owner = tableOwners.get(table);
      if (owner && owner.entity !== entity.name) {
        problems.push(`module "${module}": entity "${entity.name}" uses table "${table}", which is already the table of entity "${owner.entity}" of module "${owner.module}"`);
      } else tableOwners.set(table, { module, entity: entity.name });
    }
    for (const migration of mod.migrations) {
      const name = migrationName(migration);
      if (!name) {
        problems.push(`module "${module}": an entry of "migrations" is not a migration class`);
        continue;
      }
      if (!/\d{13}$/.test(name)) problems.push(`module "${module}": migration "${name}" must end with a 13-digit timestamp (e.g. Create${pascal(module)}Tables1764000001000)`);
      const other = migrationOwners.get(name);
      if (other) problems.push(`module "${module}": migration "${name}" is already defined by ${other === module ? 'this module' : `module "${other}"`} (the database records migrations by name)`);
      else migrationOwners.set(name, module);
    }
  }
  return problems;
}

/** TypeORM records a migration under its `name` property, else its class name. */
function migrationName(migration: Function): string | undefined {
  if (typeof migration !== 'function') return undefined;
  try {
    const instance = new (migration as new () => { name?: unknown; up?: unknown })();
    if (typeof instance.up !== 'function') return undefined;
    return typeof instance.name === 'string' && instance.name ? instance.name : migration.name;
  } catch {
    return migration.name || undefined;
  }
}

const pascal = (name: string) => name.replace(/(^|_)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
