import type { MenuNode } from '@lc/protocol';

/** Odoo opens an app on its first action: the first entry with a route, depth first. */
export function firstActionRoute(node: MenuNode): string | undefined {
  if (node.route) return node.route;
  for (const child of node.children) {
    const route = firstActionRoute(child);
    if (route) return route;
  }
  return undefined;
}

/** Whether `url` (path only) is the menu route itself or a page below it (`/settings/users/5`). */
export function routeContains(route: string, url: string): boolean {
  return url === route || url.startsWith(route.endsWith('/') ? route : `${route}/`);
}

/** The menu entry with the most specific route that contains `url`, with its top-level app. */
export function findMenuOfUrl(menus: readonly MenuNode[], url: string): { app: MenuNode; entry: MenuNode } | undefined {
  let best: { app: MenuNode; entry: MenuNode } | undefined;
  const visit = (app: MenuNode, node: MenuNode) => {
    if (node.route && routeContains(node.route, url) && (!best?.entry.route || node.route.length > best.entry.route.length)) {
      best = { app, entry: node };
    }
    node.children.forEach((child) => visit(app, child));
  };
  menus.forEach((app) => visit(app, app));
  return best;
}

/** Whether `node` or one of its descendants is `entry` (to highlight the section holding the active action). */
export function menuContains(node: MenuNode, entry: MenuNode | undefined): boolean {
  return !!entry && (node === entry || node.children.some((child) => menuContains(child, entry)));
}
