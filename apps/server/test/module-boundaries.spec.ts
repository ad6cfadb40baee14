import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The module contract, read off the sources: a module uses another only through its public-api.ts and
 * only if it depends on it; the host, the platform and the modules below livechat never name it (the way
 * Odoo's base knows no im_livechat). KNOWN lists what is still in the wrong place, file by file: a new
 * violation fails, and so does an entry that no longer violates (the list only shrinks).
 */
const ROOT = resolve(__dirname, '../../..');
const MODULES = join(ROOT, 'modules');

/** Files still naming livechat where it does not belong, to move home (issue 12). */
const KNOWN_NAMING: string[] = [
  // The product's file and lock names (data/livechat.sqlite) and DESIGN's LIVECHAT_* settings, still read by the host.
  'apps/server/src/config.ts',
  'apps/server/src/database.ts',
];

/** Imports past another module's public-api.ts, still to route through it. */
const KNOWN_IMPORTS: string[] = [];

function files(dir: string, accept: (path: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...files(path, accept));
    else if (accept(path)) out.push(path);
  }
  return out;
}

// Migrations are history: they name the columns a table had. Generated files are gathered from the modules' own (their web parts, icons).
const isSource = (path: string) => /\.(ts|html|css)$/.test(path) && !/\.(spec|e2e)\.ts$/.test(path) && !path.endsWith('.generated.ts') && !path.includes('/migrations/');
const rel = (path: string) => relative(ROOT, path);

/** Each module's `depends`, read from its manifest without loading it. */
function manifests(): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const name of readdirSync(MODULES)) {
    const manifest = join(MODULES, name, 'manifest.ts');
    try {
      const text = readFileSync(manifest, 'utf8');
      const depends = /depends:\s*\[([^\]]*)\]/.exec(text)?.[1] ?? '';
      result.set(name, [...depends.matchAll(/'([a-z_0-9]+)'/g)].map((m) => m[1]));
    } catch {
      /* not a module folder */
    }
  }
  return result;
}

/** Every module `name` depends on, directly or not. */
function dependencyClosure(name: string, all: Map<string, string[]>, seen = new Set<string>()): Set<string> {
  for (const dep of all.get(name) ?? []) if (!seen.has(dep)) (seen.add(dep), dependencyClosure(dep, all, seen));
  return seen;
}

describe('module boundaries', () => {
  const all = manifests();

  it('no module imports another module past its public-api.ts, nor one it does not depend on', () => {
    const problems: string[] = [];
    for (const [name] of all) {
      const deps = dependencyClosure(name, all);
      for (const file of files(join(MODULES, name), (p) => p.endsWith('.ts') && isSource(p))) {
        for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
          const target = relative(MODULES, resolve(dirname(file), spec));
          if (target.startsWith('..')) continue; // outside modules/ (libs through their aliases)
          const [other, ...rest] = target.split('/');
          if (other === name) continue;
          const where = `${rel(file)} -> ${target}`;
          if (!deps.has(other)) problems.push(`${where}: ${name} does not depend on ${other}`);
          else if (!/^(server|web)\/public-api$/.test(rest.join('/'))) problems.push(`${where}: use ${other}'s public-api.ts`);
        }
      }
    }
    expect(problems.filter((p) => !KNOWN_IMPORTS.some((k) => p.startsWith(k)))).toEqual([]);
    expect(KNOWN_IMPORTS.filter((k) => !problems.some((p) => p.startsWith(k)))).toEqual([]);
  });

  it('the host, the platform and the modules livechat builds on never name it', () => {
    const below = [...dependencyClosure('livechat', all)].map((m) => join(MODULES, m));
    const places = [join(ROOT, 'apps/server/src'), join(ROOT, 'apps/web/src'), join(ROOT, 'libs/platform'), ...below];
    // livechat.ts and livechat-*.ts are its own; index.ts, me.ts and socket-events.ts put the public API together (GET /api/me has its fields).
    const protocol = files(join(ROOT, 'libs/protocol/src'), (p) => isSource(p) && !/\/(livechat(-[a-z-]+)?|index|me|socket-events|openapi-metadata\.generated)\.ts$/.test(p));
    const naming = [...places.flatMap((dir) => files(dir, isSource)), ...protocol].filter((file) => /livechat/i.test(readFileSync(file, 'utf8'))).map(rel).sort();
    expect(naming.filter((f) => !KNOWN_NAMING.includes(f))).toEqual([]);
    expect(KNOWN_NAMING.filter((f) => !naming.includes(f))).toEqual([]);
  });
});
