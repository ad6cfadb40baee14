import type { Group, MenuDefinition, ModuleManifest } from '@lc/platform';
import type { MenuNode } from '@lc/protocol';

/**
 * Odoo's load_web_menus: the menu tree of the enabled modules, without the entries the user's groups
 * do not allow, sorted by sequence. Entries with `parent` are grafted under another module's menu; a
 * section left with nothing the user may open (its own entries and the grafted ones) is left out.
 */
export function menuTree(manifests: readonly ModuleManifest[], isEnabled: (name: string) => boolean, groups: readonly Group[]): MenuNode[] {
  const visible = (menu: MenuDefinition) => !menu.groups?.length || menu.groups.some((g) => groups.includes(g));
  const toNode = (module: string, menu: MenuDefinition): MenuNode | undefined => {
    if (!visible(menu)) return undefined;
    const children = sortBySequence(menu.children ?? [])
      .map((child) => toNode(module, child))
      .filter((n): n is MenuNode => !!n);
    return { id: menu.id, module, label: menu.label, route: menu.route, icon: menu.icon, color: menu.color, children };
  };

  const enabled = manifests.filter((m) => isEnabled(m.name));
  const roots: MenuNode[] = [];
  const grafts: Array<{ parent: string; node: MenuNode }> = [];
  const entries = enabled.flatMap((manifest) => manifest.menus.map((menu) => ({ manifest, menu })));
  // Apps are ordered by sequence across modules (the home screen order), stable in dependency order.
  entries.sort((a, b) => (a.menu.sequence ?? 50) - (b.menu.sequence ?? 50));
  for (const { manifest, menu } of entries) {
    const node = toNode(manifest.name, menu);
    if (!node) continue;
    if (menu.parent) grafts.push({ parent: menu.parent, node });
    else roots.push(node);
  }
  for (const { parent, node } of grafts) findNode(roots, parent)?.children.push(node);
  return withoutEmptySections(roots);
}

/** After grafting: a section another module fills (Live Chat → Configuration for operators) stays. */
function withoutEmptySections(nodes: MenuNode[]): MenuNode[] {
  return nodes.flatMap((node) => {
    const children = withoutEmptySections(node.children);
    return node.route || children.length ? [{ ...node, children }] : [];
  });
}

function sortBySequence(menus: MenuDefinition[]): MenuDefinition[] {
  return [...menus].sort((a, b) => (a.sequence ?? 50) - (b.sequence ?? 50));
}

function findNode(nodes: MenuNode[], id: string): MenuNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return undefined;
}
