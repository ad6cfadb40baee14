/**
 * Groups are declared by modules in their manifests (Odoo's res.groups in each addon's security data):
 * the platform knows none by name. A group lists the groups it includes (`implies`: a manager is also an
 * operator), and may add itself under an existing group of a module it depends on (`impliedBy`: in Odoo an
 * addon puts its manager group under base's Settings group), so that group grows with each module.
 */
export type Group = string;

export interface GroupDefinition {
  /** lower_snake_case, unique across modules. */
  id: Group;
  label: string;
  /** One sentence for the user form: what the group may do. */
  description?: string;
  /** Groups a member of this one is also in. */
  implies?: Group[];
  /** Groups whose members are also in this one. */
  impliedBy?: Group[];
  /** Every internal user is in it, whatever is stored (base's `user`). */
  everyone?: boolean;
}

/** A group as the API lists it: its own implications resolved, and the module that declares it. */
export interface GroupInfo {
  id: Group;
  label: string;
  description: string;
  module: string;
  /** Every group a member is also in, directly or not. */
  implies: Group[];
  everyone: boolean;
}

export const GROUP_ID_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

/** The groups of every module, with their implications closed, in declaration order (modules in dependency order). */
export class GroupCatalog {
  private readonly byId = new Map<Group, GroupInfo>();

  constructor(modules: ReadonlyArray<{ name: string; groups?: readonly GroupDefinition[] }>) {
    const direct = new Map<Group, Set<Group>>();
    for (const module of modules) {
      for (const group of module.groups ?? []) {
        direct.set(group.id, new Set(group.implies ?? []));
        this.byId.set(group.id, { id: group.id, label: group.label, description: group.description ?? '', module: module.name, implies: [], everyone: !!group.everyone });
      }
    }
    for (const module of modules) for (const group of module.groups ?? []) for (const parent of group.impliedBy ?? []) direct.get(parent)?.add(group.id);
    for (const [id, info] of this.byId) info.implies = this.order(closure(id, direct)).filter((g) => g !== id);
  }

  list(): GroupInfo[] {
    return [...this.byId.values()];
  }

  has(id: Group): boolean {
    return this.byId.has(id);
  }

  /** A user's stored groups with everything they imply, plus the groups of everyone; unknown ones drop out. */
  effective(stored: readonly Group[]): Group[] {
    const all = new Set<Group>();
    for (const info of this.byId.values()) if (info.everyone) all.add(info.id);
    for (const id of stored) {
      const info = this.byId.get(id);
      if (!info) continue;
      all.add(id);
      info.implies.forEach((g) => all.add(g));
    }
    return this.order(all);
  }

  private order(ids: Iterable<Group>): Group[] {
    const wanted = new Set(ids);
    return [...this.byId.keys()].filter((id) => wanted.has(id));
  }
}

function closure(id: Group, direct: Map<Group, Set<Group>>, seen = new Set<Group>()): Set<Group> {
  if (seen.has(id)) return seen;
  seen.add(id);
  for (const next of direct.get(id) ?? []) closure(next, direct, seen);
  return seen;
}

/** What is wrong with the groups of the modules, each naming the module and field (empty when right). */
export function groupProblems(modules: ReadonlyArray<{ name: string; groups?: unknown }>): string[] {
  const problems: string[] = [];
  const declaredBy = new Map<string, string>();
  for (const module of modules) {
    if (module.groups === undefined) continue;
    if (!Array.isArray(module.groups)) {
      problems.push(`module "${module.name}": "groups" must be a list`);
      continue;
    }
    for (const [i, group] of (module.groups as GroupDefinition[]).entries()) {
      const at = `module "${module.name}": groups[${i}]`;
      if (!group || typeof group.id !== 'string' || !GROUP_ID_PATTERN.test(group.id)) problems.push(`${at}: "id" must be lower_snake_case`);
      else if (declaredBy.has(group.id)) problems.push(`${at}: group "${group.id}" is already declared by module "${declaredBy.get(group.id)}"`);
      else declaredBy.set(group.id, module.name);
      if (!group || typeof group.label !== 'string' || !group.label.trim()) problems.push(`${at}: "label" must be a non-empty string`);
    }
  }
  for (const module of modules) {
    if (!Array.isArray(module.groups)) continue;
    for (const group of module.groups as GroupDefinition[]) {
      for (const key of ['implies', 'impliedBy'] as const) {
        const unknown = (group?.[key] ?? []).filter((g) => !declaredBy.has(g));
        if (unknown.length) problems.push(`module "${module.name}": group "${group.id}": ${key} names unknown group ${unknown.map((g) => JSON.stringify(g)).join(', ')}`);
      }
    }
  }
  return problems;
}
