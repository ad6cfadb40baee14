/**
 * The module contract shared by the server host and the web shell.
 * A module is one folder under modules/<name>/ whose manifest.ts default-exports defineModule({...}).
 * Menus are data (Odoo's app -> section -> action): the server filters them per user, the shell renders them.
 */

import type { Group, GroupDefinition } from './groups';

export interface MenuDefinition {
  /** Unique across all modules, e.g. `field_notes.items`. */
  id: string;
  label: string;
  /** Shell route of an action, e.g. `/field-notes/items`. Apps without a route open their first action. */
  route?: string;
  /** Icon name from the shell's icon set (apps on the home screen). */
  icon?: string;
  /** Background colour of the app icon on the home screen. */
  color?: string;
  /** Only users in one of these groups see the entry (and its children). Default: every user. */
  groups?: Group[];
  /** Attach this top-level entry under another module's menu (by id) instead of making a new app. */
  parent?: string;
  sequence?: number;
  children?: MenuDefinition[];
}

export interface ModuleManifest {
  /** Folder name under modules/, lower_snake_case. */
  name: string;
  label: string;
  summary: string;
  version: string;
  /** Names of modules that must be enabled before this one. */
  depends: string[];
  /** Shown as an app on the home screen. */
  application: boolean;
  /** Enabled on first start of a new database. */
  autoEnable?: boolean;
  /** Always enabled: created enabled and never disabled (409), as Odoo's `base`. Apps shows no Disable. */
  required?: boolean;
  /** A public page served at the site root `/` while the module is enabled (Odoo's website homepage). */
  homepage?: string;
  menus: MenuDefinition[];
  /** The groups this module declares (see groups.ts); menus, routes and events name the groups they need. */
  groups?: GroupDefinition[];
}

/** Identity helper that gives manifests their type without a class. */
export function defineModule(manifest: ModuleManifest): ModuleManifest {
  return manifest;
}

export const MODULE_NAME_PATTERN = /^[a-z][a-z0-9_]*$/;

/** Lists every problem of a manifest (empty when valid), each naming the field. */
export function manifestProblems(manifest: Partial<ModuleManifest>, folder: string): string[] {
  const problems: string[] = [];
  const m = manifest as Record<string, unknown>;
  if (typeof m.name !== 'string' || !MODULE_NAME_PATTERN.test(m.name)) problems.push(`"name" must be lower_snake_case`);
  else if (m.name !== folder) problems.push(`"name" is "${m.name}" but the folder is "${folder}"`);
  for (const key of ['label', 'summary', 'version'] as const) {
    if (typeof m[key] !== 'string' || !(m[key] as string).trim()) problems.push(`"${key}" must be a non-empty string`);
  }
  if (!Array.isArray(m.depends) || m.depends.some((d) => typeof d !== 'string')) problems.push(`"depends" must be a list of module names`);
  if (typeof m.application !== 'boolean') problems.push(`"application" must be true or false`);
  if (!Array.isArray(m.menus)) problems.push(`"menus" must be a list`);
  return problems;
}
