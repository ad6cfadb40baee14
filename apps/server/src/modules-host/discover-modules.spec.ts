import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverModules } from './discover-modules';

const PLATFORM_SERVER = join(__dirname, '../../../../libs/platform/server');

/** Writes a module folder as plain CommonJS files so each test can describe its own set of modules. */
function writeModule(root: string, folder: string, manifest: Record<string, unknown>, entityNames: string[] = []): void {
  mkdirSync(join(root, folder, 'server'), { recursive: true });
  writeFileSync(join(root, folder, 'manifest.js'), `exports.default = ${JSON.stringify({ label: folder, summary: 's', version: '1.0.0', depends: [], application: false, menus: [], name: folder, ...manifest })};`);
  const entities = entityNames.map((n) => `(class ${n} {})`).join(', ');
  writeFileSync(
    join(root, folder, 'server', 'index.js'),
    `const { PlatformModule } = require(${JSON.stringify(PLATFORM_SERVER)});\nclass M {}\nPlatformModule({ entities: [${entities}] })(M);\nexports.default = M;`,
  );
}

function addonsRoot(): string {
  return mkdtempSync(join(tmpdir(), 'lc-modules-'));
}

describe('discoverModules', () => {
  it('orders modules so that dependencies come first', () => {
    const root = addonsRoot();
    writeModule(root, 'a_top', { depends: ['m_middle'] });
    writeModule(root, 'm_middle', { depends: ['z_bottom'] });
    writeModule(root, 'z_bottom', {});
    expect(discoverModules([root]).map((m) => m.manifest.name)).toEqual(['z_bottom', 'm_middle', 'a_top']);
  });

  it('stops on a dependency cycle, naming the modules', () => {
    const root = addonsRoot();
    writeModule(root, 'one', { depends: ['two'] });
    writeModule(root, 'two', { depends: ['one'] });
    expect(() => discoverModules([root])).toThrow(/dependency cycle: one -> two -> one/);
  });

  it('stops on a missing dependency, naming both', () => {
    const root = addonsRoot();
    writeModule(root, 'lonely', { depends: ['ghost'] });
    expect(() => discoverModules([root])).toThrow(/module "lonely" depends on "ghost", which does not exist/);
  });

  it('stops on a bad manifest field, naming the module and the field', () => {
    const root = addonsRoot();
    writeModule(root, 'broken', { application: 'yes', label: '' });
    expect(() => discoverModules([root])).toThrow(/module "broken": "label" must be a non-empty string[\s\S]*module "broken": "application" must be true or false/);
  });

  it('stops when the manifest name differs from the folder', () => {
    const root = addonsRoot();
    writeModule(root, 'folder_name', { name: 'other_name' });
    expect(() => discoverModules([root])).toThrow(/"name" is "other_name" but the folder is "folder_name"/);
  });

  it('stops on a module defined twice across the module paths', () => {
    const first = addonsRoot();
    const second = addonsRoot();
    writeModule(first, 'twice', {});
    writeModule(second, 'twice', {});
    expect(() => discoverModules([first, second])).toThrow(/module "twice" is defined twice/);
  });

  it('stops on an entity name clash, naming both modules', () => {
    const root = addonsRoot();
    writeModule(root, 'first', {}, ['Ticket']);
    writeModule(root, 'second', {}, ['Ticket']);
    expect(() => discoverModules([root])).toThrow(/module "second": entity "Ticket" is already defined by module "first"/);
  });

  it('finds the real modules of this repository without a problem', () => {
    const names = discoverModules([join(__dirname, '../../../../modules')]).map((m) => m.manifest.name);
    expect(names[0]).toBe('base');
  });
});
