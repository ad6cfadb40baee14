// Bundles the visitor widget into dist/widget/widget.js (served at /livechat/widget.js) and copies the
// demo page; fails when the bundle grows past the size budget. Usage: node modules/livechat/widget/build.mjs
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');
const out = join(root, 'dist/widget');
const BUDGET = 30 * 1024;

/**
 * engine.io-client's WebTransport transport, left out: the widget asks for `websocket` and `polling` only (and
 * the client drops any upgrade it did not ask for), yet the library's table of transports names all three.
 * ~0.8 kB less on every shop page.
 */
const withoutWebTransport = {
  name: 'without-webtransport',
  setup(b) {
    b.onLoad({ filter: /engine\.io-client[\\/]build[\\/]esm[\\/]transports[\\/]webtransport\.js$/ }, () => ({ contents: 'export const WT = undefined;', loader: 'js' }));
  },
};

mkdirSync(out, { recursive: true });
try {
  await build({
    entryPoints: [join(here, 'src/main.ts')],
    outfile: join(out, 'widget.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    minify: true,
    sourcemap: 'external', // widget.js.map beside the bundle, not linked (the server need not serve it)
    legalComments: 'none',
    tsconfig: join(here, 'tsconfig.json'),
    logLevel: 'warning',
    plugins: [withoutWebTransport],
  });
} catch {
  process.exit(1); // esbuild has printed the errors
}
copyFileSync(join(here, 'demo.html'), join(out, 'demo.html'));

const js = readFileSync(join(out, 'widget.js'));
const gz = gzipSync(js, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
console.log(`widget: ${relative(root, join(out, 'widget.js'))} ${kb(js.length)}, ${kb(gz)} gzip (budget ${kb(BUDGET)})`);
if (gz > BUDGET) {
  console.error(`widget: the bundle is ${kb(gz)} gzip, over the ${kb(BUDGET)} budget`);
  process.exit(1);
}
