// Builds everything `npm start` serves: the server (dist/server), the web shell (dist/web/browser) and
// the visitor widget. Each part is skipped when its output is newer than all of its sources.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compressTree } from './compress-assets.mjs';

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
run(process.execPath, ['scripts/gen-web-i18n.mjs']);
run(process.execPath, ['scripts/gen-web-icons.mjs']);

const serverInputs = newest(['apps/server/src', 'apps/server/tsconfig.json', 'libs', 'tsconfig.json', 'package-lock.json', ...moduleParts('server'), ...moduleParts('manifest.ts'), ...moduleParts('i18n')], notTest);
if (isFresh('dist/server/.built', serverInputs)) console.log('server: up to date');
else {
  console.log('server: compiling…');
  // The API documents' inputs, generated from the DTOs and libs/protocol (committed; a test checks them).
  run(process.execPath, ['scripts/gen-openapi-metadata.mjs']);
  run(process.execPath, ['scripts/gen-protocol-schemas.mjs']);
  rmSync(join(root, 'dist/server'), { recursive: true, force: true }); // a removed module must not linger in dist
  npx(['tsc', '-p', 'apps/server/tsconfig.json']);
  npx(['tsc-alias', '-p', 'apps/server/tsconfig.json']);
  // Each module's translations beside its compiled code, where the host gathers them.
  for (const part of moduleParts('i18n')) if (existsSync(join(root, part))) cpSync(join(root, part), join(root, 'dist/server', part), { recursive: true });
  run('touch', [join(root, 'dist/server/.built')]);
}

const webInputs = newest(['apps/web', 'libs', 'angular.json', 'tsconfig.json', 'package-lock.json', ...moduleParts('web'), ...moduleParts('i18n')], notTest);
if (isFresh('dist/web/browser/index.html', webInputs)) console.log('web: up to date');
else {
  console.log('web: building…');
  // NG_BUILD_OPTIMIZE_CHUNKS: Angular merges the many tiny lazy chunks esbuild splits out (with Rollup), ~90 requests → far fewer.
  npx(['ng', 'build'], { NG_CLI_ANALYTICS: 'false', NG_BUILD_OPTIMIZE_CHUNKS: '1' });
}

const widgetBuilders = readdirSync(join(root, 'modules')).filter((m) => existsSync(join(root, 'modules', m, 'widget/build.mjs')));
for (const m of widgetBuilders) run(process.execPath, [`modules/${m}/widget/build.mjs`]);

// Brotli and gzip variants of the shell and the widget, served as they are (see libs/platform/server/static-files.ts).
for (const dir of ['dist/web/browser', 'dist/widget']) {
  const t = compressTree(join(root, dir));
  console.log(`${dir}: ${t.files} files compressed, ${(t.raw / 1024).toFixed(0)} kB → ${(t.br / 1024).toFixed(0)} kB brotli, ${(t.gz / 1024).toFixed(0)} kB gzip`);
}
