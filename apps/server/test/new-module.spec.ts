import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm run new-module -- NAME` (scripts/new-module.mjs), run the way a developer does: in a copy of the
 * repository's relevant parts (host, test helper, libs, the base module, tooling; node_modules linked),
 * then the generated module's own API spec runs there, its web part goes through the Angular compiler
 * with strict templates, and its menu passes the build's route check.
 *
 * The copy lives at a fixed path per checkout so that Jest's transform cache stays warm between runs
 * (about 5 s instead of 25 s); a concurrent run uses a fresh folder instead.
 */
const REPO = join(__dirname, '../../..');
const NAME = 'field_notes';
const node = process.execPath;

let copy: string;
let release = () => {};

function prepareCopy(): string {
  const stable = join(tmpdir(), `lc-scaffold-test-${createHash('sha1').update(REPO).digest('hex').slice(0, 8)}`);
  const lock = `${stable}.lock`;
  let dir = stable;
  try {
    mkdirSync(lock);
    release = () => rmSync(lock, { recursive: true, force: true });
  } catch {
    const age = (() => {
      try {
        return Date.now() - statSync(lock).mtimeMs;
      } catch {
        return Infinity; // released meanwhile
      }
    })();
    if (age > 10 * 60_000) release = () => rmSync(lock, { recursive: true, force: true }); // left by a killed run
    else {
      dir = mkdtempSync(join(tmpdir(), 'lc-scaffold-test-')); // another run holds the fixed folder
      release = () => rmSync(dir, { recursive: true, force: true });
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const parts = ['apps/server/src', 'apps/server/test/test-app.ts', 'apps/server/test/openapi-validation.ts', 'apps/server/test/socket-validation.ts', 'apps/server/test/smtp-inbox.ts', 'apps/server/tsconfig.json', 'apps/web/tsconfig.app.json', 'libs', 'modules/base', 'scripts/new-module.mjs', 'scripts/check-menu-routes.mjs', 'scripts/gen-web-icons.mjs', 'scripts/check-web-i18n.mjs', 'scripts/gen-web-i18n.mjs', 'apps/web/src', 'scripts/jest', 'tsconfig.json', 'tsconfig.spec.json', 'jest.config.js', 'package.json'];
  for (const part of parts) cpSync(join(REPO, part), join(dir, part), { recursive: true, filter: (src) => !src.endsWith('.spec.ts') });
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function run(args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(node, args, { cwd: copy, env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => resolve({ status, output }));
  });
}

const scaffold = (...args: string[]) => spawnSync(node, ['scripts/new-module.mjs', ...args], { cwd: copy, encoding: 'utf8' });

describe('npm run new-module', () => {
  beforeAll(() => {
    copy = prepareCopy();
  });
  afterAll(() => release());

  it('creates a module with a manifest, a Nest module with entity, migration, controller and spec, and a web route', () => {
    const result = scaffold(NAME);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const folder = join(copy, 'modules', NAME);
    const manifest = readFileSync(join(folder, 'manifest.ts'), 'utf8');
    expect(manifest).toContain("application: true");
    expect(manifest).toContain("route: '/field-notes'");
    expect(readFileSync(join(folder, 'server/index.ts'), 'utf8')).toMatch(/@PlatformModule\([\s\S]*entities: \[FieldNotesItem\][\s\S]*migrations: \[CreateFieldNotesTables\d{13}\]/);
    expect(readFileSync(join(folder, 'web/index.ts'), 'utf8')).toContain("path: 'field-notes'");
    const lines = /\((\d+) files, (\d+) lines\)/.exec(result.stdout)!;
    expect(Number(lines[1])).toBe(13);
    expect(Number(lines[2])).toBeLessThan(260); // the texts in five languages included
  });

  it('refuses a bad or existing name and writes nothing', () => {
    for (const [name, message] of [
      ['Field-Notes', /not a module name: use lower_snake_case/],
      ['9lives', /not a module name/],
      [NAME, /module "field_notes" already exists/],
      ['base', /module "base" already exists/],
      ['settings', /"settings" is reserved/],
      ['', /give the module a name/],
    ] as const) {
      const result = scaffold(...(name ? [name] : []));
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(message);
    }
    expect(spawnSync('ls', [join(copy, 'modules')], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).sort()).toEqual(['base', NAME]);
  });

  it('passes its own API spec, the Angular compiler with strict templates and the menu route check', async () => {
    writeFileSync(
      join(copy, 'tsconfig.scaffold-web.json'),
      JSON.stringify({ extends: './apps/web/tsconfig.app.json', compilerOptions: { noEmit: true }, files: [`modules/${NAME}/web/index.ts`] }),
    );
    const [api, web, menus, texts] = await Promise.all([
      run([join(copy, 'node_modules/.bin/jest'), '-c', 'jest.config.js', '--ci', `modules/${NAME}`]),
      run([join(copy, 'node_modules/.bin/ngc'), '-p', 'tsconfig.scaffold-web.json']),
      run(['scripts/check-menu-routes.mjs', 'modules']),
      run(['scripts/check-web-i18n.mjs']),
    ]);
    expect({ status: api.status, output: api.output }).toEqual({ status: 0, output: expect.stringMatching(/Tests:\s+3 passed, 3 total/) });
    expect({ status: web.status, output: web.output }).toEqual({ status: 0, output: '' });
    expect({ status: menus.status, output: menus.output }).toEqual({ status: 0, output: '' });
    expect({ status: texts.status, output: texts.output }).toEqual({ status: 0, output: expect.stringMatching(/every one complete/) });
  }, 180_000);
});
