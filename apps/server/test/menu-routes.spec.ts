import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The build-time half of the module contract (scripts/check-menu-routes.mjs, run by gen-web-modules.mjs
 * before every build): a menu whose route no web part declares stops `npm run build` and `npm start`.
 */
const REPO = join(__dirname, '../../..');
const CHECK = join(REPO, 'scripts/check-menu-routes.mjs');

function check(modulesDir?: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [CHECK, ...(modulesDir ? [modulesDir] : [])], { cwd: REPO, encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

function writeModule(root: string, name: string, menus: unknown[], routes?: string, webName = name): void {
  mkdirSync(join(root, name, 'web'), { recursive: true });
  writeFileSync(
    join(root, name, 'manifest.ts'),
    `import { defineModule } from '@lc/platform';\nexport default defineModule({ name: '${name}', label: '${name}', summary: 's', version: '1.0.0', depends: [], application: true, menus: ${JSON.stringify(menus)} });\n`,
  );
  if (routes !== undefined) {
    writeFileSync(join(root, name, 'web/index.ts'), `import { defineWebModule } from '@lc/platform/web';\nexport default defineWebModule({ name: '${webName}', routes: ${routes} });\n`);
  }
}

describe('menu routes checked at build time', () => {
  it('accepts the modules of this repository', () => {
    expect(check()).toEqual({ status: 0, output: '' });
  });

  it('accepts routes with parameters, children, redirects and menus grafted onto another module`s routes', () => {
    const root = mkdtempSync(join(tmpdir(), 'lc-menu-routes-'));
    writeModule(
      root,
      'shop',
      [{ id: 'shop', label: 'Shop', children: [{ id: 'shop.home', label: 'Home', route: '/shop' }, { id: 'shop.order', label: 'Order 7', route: '/shop/orders/7' }, { id: 'shop.conf', label: 'Conf', route: '/shop/config/taxes' }] }],
      `[
        { path: 'shop', pathMatch: 'full', redirectTo: 'shop/orders' },
        { path: 'shop/orders', loadComponent: () => import('./orders.page') },
        { path: 'shop/orders/:id', loadComponent: () => import('./order.page') },
        { path: 'shop/config', children: [{ path: 'taxes', loadComponent: () => import('./taxes.page') }] },
      ]`,
    );
    writeModule(root, 'shop_extra', [{ id: 'shop_extra.more', parent: 'shop', label: 'More', route: '/shop/orders' }]);
    expect(check(root)).toEqual({ status: 0, output: '' });
  });

  it('stops on a menu route that no web route declares, a route declared twice and a web part named after another module', () => {
    const root = mkdtempSync(join(tmpdir(), 'lc-menu-routes-'));
    writeModule(
      root,
      'shop',
      [{ id: 'shop', label: 'Shop', children: [{ id: 'shop.typo', label: 'Orders', route: '/shop/oders' }, { id: 'shop.deep', label: 'Deep', route: '/shop/orders/7/lines' }] }],
      `[{ path: 'shop/orders', loadComponent: () => import('./orders.page') }, { path: 'shop/orders/:id', pathMatch: 'full', loadComponent: () => import('./order.page') }]`,
    );
    writeModule(root, 'blog', [{ id: 'blog', label: 'Blog', route: '/blog' }], '[]', 'weblog');
    writeModule(root, 'shop_copy', [], `[{ path: 'shop/orders', loadComponent: () => import('./orders.page') }]`);
    const { status, output } = check(root);
    expect(status).toBe(1);
    expect(output).toContain('module "shop": menu "shop.typo" opens "/shop/oders", which no web route declares; the routes of "shop" are: /shop/orders, /shop/orders/:id');
    expect(output).toContain('module "shop": menu "shop.deep" opens "/shop/orders/7/lines"');
    expect(output).toContain('module "blog": web/index.ts declares name "weblog"; it must be "blog"');
    expect(output).toContain('module "blog": menu "blog" opens "/blog", which no web route declares');
    expect(output).toContain('module "shop_copy": web route "/shop/orders" is already declared by module "shop"');
  });

  it('stops on a menu icon that no sprite has, and takes a module`s own icons', () => {
    const root = mkdtempSync(join(tmpdir(), 'lc-menu-icons-'));
    writeModule(root, 'shop', [{ id: 'shop', label: 'Shop', icon: 'cart', children: [{ id: 'shop.home', label: 'Home', route: '/shop', icon: 'shopping-bag' }] }], `[{ path: 'shop', loadComponent: () => import('./home.page') }]`);
    writeFileSync(join(root, 'shop/web/icons.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><symbol id="cart" viewBox="0 0 24 24"><path d="M0 0h24v24H0z"/></symbol></svg>');
    const { status, output } = check(root);
    expect(status).toBe(1);
    expect(output).not.toContain('"cart"');
    expect(output).toContain('module "shop": menu "shop.home" shows icon "shopping-bag", which neither libs/platform/web/icons.svg nor any module\'s web/icons.svg has');
  });
});
