// Builds everything `npm start` serves: the server (dist/server), the web shell (dist/web/browser) and
// the visitor widget. Each part is skipped when its output is newer than all of its sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');
const run = (cmd, args, env = {}) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
const npx = (args, env) => run(process.execPath, [join(root, 'node_modules/.bin', args[0]), ...args.slice(1)], env);

/** Newest modification time among files under the given paths (skipping tests and generated files). */
function newest(paths, accept = () => true) {
  let latest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules') visit(join(path, entry));
    } else if (accept(path)) latest = Math.max(latest, stat.mtimeMs);
  };
  paths.forEach((p) => visit(join(root, p)));
  return latest;
}
const isFresh = (output, inputs) => !force && existsSync(join(root, output)) && statSync(join(root, output)).mtimeMs > inputs;
const notTest = (path) => !/\.(spec|e2e)\.ts$/.test(path);
const moduleParts = (part) => readdirSync(join(root, 'modules')).map((m) => `modules/${m}/${part}`);

run(process.execPath, ['scripts/gen-web-modules.mjs']);

const serverInputs = newest(['apps/server/src', 'apps/server/tsconfig.json', 'libs', 'tsconfig.json', 'package-lock.json', ...moduleParts('server'), ...moduleParts('manifest.ts')], notTest);
if (isFresh('dist/server/.built', serverInputs)) console.log('server: up to date');
else {
  console.log('server: compiling…');
  rmSync(join(root, 'dist/server'), { recursive: true, force: true }); // a removed module must not linger in dist
  npx(['tsc', '-p', 'apps/server/tsconfig.json']);
  npx(['tsc-alias', '-p', 'apps/server/tsconfig.json']);
  run('touch', [join(root, 'dist/server/.built')]);
}

const webInputs = newest(['apps/web', 'libs', 'angular.json', 'tsconfig.json', 'package-lock.json', ...moduleParts('web')], notTest);
if (isFresh('dist/web/browser/index.html', webInputs)) console.log('web: up to date');
else {
  console.log('web: building…');
  npx(['ng', 'build'], { NG_CLI_ANALYTICS: 'false' });
}

const widgetBuilders = readdirSync(join(root, 'modules')).filter((m) => existsSync(join(root, 'modules', m, 'widget/build.mjs')));
for (const m of widgetBuilders) run(process.execPath, [`modules/${m}/widget/build.mjs`]);
