// The part of the module contract only the build can check: every menu `route` of every manifest must open
// a route that some module's web part declares (the server never sees Angular routes), two modules may not
// declare the same route path, each web part must carry its module's name, and a menu's `icon` must be in the sprite. Run by gen-web-modules.mjs before every build, so `npm start` and
// `npm run build` stop on a broken menu; also `node scripts/check-menu-routes.mjs [modulesDir]`.
//
// It bundles every manifest.ts and web/index.ts with esbuild and evaluates them in Node. Routes load their
// components lazily (`loadComponent: () => import(...)`), and those imports are left out, so no Angular
// component runs: only the route table (plain data) is read.
import { mkdirSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { iconNames } from './gen-web-icons.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The shell's own routes, besides those of the modules (apps/web/src/app/app.routes.ts). */
const SHELL_ROUTES = [{ path: '', pathMatch: 'full', loadComponent: true }];

/** Every problem (empty when the menus are sound), each naming the module and the menu. */
export async function menuRouteProblems(modulesDir = join(repoRoot, 'modules')) {
  const folders = readdirSync(modulesDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && ['.ts', '.js'].some((ext) => existsSync(join(modulesDir, e.name, `manifest${ext}`))))
    .map((e) => e.name)
    .sort();
  const modules = await loadModules(modulesDir, folders);
  const icons = iconNames(modulesDir);
  const problems = [];
  const allRoutes = [...SHELL_ROUTES];
  const routeOwners = new Map();
  for (const { folder, web } of modules) {
    if (!web) continue;
    if (web.name !== folder) problems.push(`module "${folder}": web/index.ts declares name ${JSON.stringify(web.name)}; it must be "${folder}"`);
    for (const route of web.routes ?? []) {
      const other = typeof route.path === 'string' && route.path ? routeOwners.get(route.path) : undefined;
      if (other && other !== folder) problems.push(`module "${folder}": web route "/${route.path}" is already declared by module "${other}"`);
      else if (typeof route.path === 'string' && route.path) routeOwners.set(route.path, folder);
    }
    allRoutes.push(...(web.routes ?? []));
  }
  for (const { folder, manifest } of modules) {
    const visit = (menus) => {
      for (const menu of menus ?? []) {
        if (typeof menu?.route === 'string' && !routeExists(allRoutes, menu.route)) {
          const own = (modules.find((m) => m.folder === folder)?.web?.routes ?? []).map((r) => r.path).filter((p) => typeof p === 'string');
          const hint = own.length ? `; the routes of "${folder}" are: ${own.map((p) => `/${p}`).join(', ')}` : `; "${folder}" has no web routes (modules/${folder}/web/index.ts)`;
          problems.push(`module "${folder}": menu "${menu.id}" opens "${menu.route}", which no web route declares${hint}`);
        }
        if (typeof menu?.icon === 'string' && !icons.has(menu.icon)) problems.push(`module "${folder}": menu "${menu.id}" shows icon "${menu.icon}", which neither libs/platform/web/icons.svg nor any module's web/icons.svg has`);
        visit(menu?.children);
      }
    };
    visit(manifest?.menus);
  }
  return problems;
}

/** Whether the Angular router would find a page (or a redirect) for `url` in `routes`. */
export function routeExists(routes, url) {
  const segments = url.split(/[?#]/)[0].split('/').filter(Boolean);
  return matchRoutes(routes, segments);
}

function matchRoutes(routes, segments) {
  return routes.some((route) => {
    if (route.path === '**' || typeof route.matcher === 'function') return true; // matches anything (or cannot tell)
    const parts = (route.path ?? '').split('/').filter(Boolean);
    if (parts.length > segments.length || !parts.every((part, i) => part.startsWith(':') || part === segments[i])) return false;
    const rest = segments.slice(parts.length);
    const opens = route.component || route.loadComponent || route.redirectTo !== undefined;
    if (!rest.length && opens) return true;
    if (route.loadChildren) return true; // lazy children: the rest cannot be checked here
    if (rest.length && route.pathMatch === 'full') return false;
    return Array.isArray(route.children) && matchRoutes(route.children, rest);
  });
}

async function loadModules(modulesDir, folders) {
  const entry = [
    ...folders.flatMap((folder, i) => [
      `import * as manifest${i} from ${JSON.stringify(join(modulesDir, folder, 'manifest'))};`,
      hasWeb(modulesDir, folder) ? `import * as web${i} from ${JSON.stringify(join(modulesDir, folder, 'web'))};` : `const web${i} = {};`,
    ]),
    `export default [${folders.map((folder, i) => `{ folder: ${JSON.stringify(folder)}, manifest: manifest${i}.default, web: web${i}.default }`).join(', ')}];`,
  ].join('\n');
  const result = await build({
    stdin: { contents: entry, resolveDir: repoRoot, loader: 'ts', sourcefile: 'menu-routes-check.ts' },
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    tsconfig: join(repoRoot, 'tsconfig.json'),
    logLevel: 'silent',
    external: ['@angular/*', 'rxjs', 'rxjs/*'],
    plugins: [
      {
        name: 'leave-lazy-imports-out',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
        },
      },
    ],
  }).catch((error) => {
    const first = error.errors?.[0];
    const where = first?.location ? `${relative(repoRoot, resolve(repoRoot, first.location.file))}:${first.location.line}: ` : '';
    throw new Error(`The module manifests and web parts cannot be read: ${where}${first?.text ?? error.message}`);
  });
  // Written under node_modules so that anything left external (e.g. @angular/core) still resolves.
  const dir = join(repoRoot, 'node_modules/.cache/lc-menu-routes');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `check-${process.pid}-${Date.now()}.mjs`);
  writeFileSync(file, result.outputFiles[0].text);
  try {
    return (await import(pathToFileURL(file).href)).default;
  } finally {
    rmSync(file, { force: true });
  }
}

function hasWeb(modulesDir, folder) {
  return ['.ts', '.js'].some((ext) => existsSync(join(modulesDir, folder, 'web', `index${ext}`)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = await menuRouteProblems(process.argv[2] ? resolve(process.argv[2]) : undefined).catch((error) => [error.message]);
  if (problems.length) {
    console.error(`The module menus are broken:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
}
