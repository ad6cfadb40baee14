import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverModules } from './discover-modules';

const PLATFORM_SERVER = join(__dirname, '../../../../libs/platform/server');
const TYPEORM = require.resolve('typeorm');

interface ServerPart {
  /** Entity classes as `ClassName` or `ClassName:table_name`; each gets @Entity. */
  entities?: string[];
  /** Migration class names (a class with up/down). */
  migrations?: string[];
}

/** Writes a module folder as plain CommonJS files so each test can describe its own set of modules. */
function writeModule(root: string, folder: string, manifest: Record<string, unknown>, entityNames: string[] = [], server: ServerPart = {}): void {
  mkdirSync(join(root, folder, 'server'), { recursive: true });
  writeFileSync(join(root, folder, 'manifest.js'), `exports.default = ${JSON.stringify({ label: folder, summary: 's', version: '1.0.0', depends: [], application: false, menus: [], name: folder, ...manifest })};`);
  const entities = [...entityNames, ...(server.entities ?? [])].map((spec) => {
    const [name, table] = spec.split(':');
    return `(() => { class ${name} {}; Entity(${table ? JSON.stringify(table) : ''})(${name}); return ${name}; })()`;
  });
  const migrations = (server.migrations ?? []).map((name) => `(class ${name} { async up() {} async down() {} })`);
  writeFileSync(
    join(root, folder, 'server', 'index.js'),
    [
      `const { PlatformModule } = require(${JSON.stringify(PLATFORM_SERVER)});`,
      `const { Entity } = require(${JSON.stringify(TYPEORM)});`,
      'class M {}',
      `PlatformModule({ entities: [${entities.join(', ')}], migrations: [${migrations.join(', ')}] })(M);`,
      'exports.default = M;',
    ].join('\n'),
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

  it('stops on a `required` or `autoEnable` flag that is not a boolean', () => {
    const root = addonsRoot();
    writeModule(root, 'flags', { required: 'yes', autoEnable: 1 });
    expect(() => discoverModules([root])).toThrow(/module "flags": "autoEnable" must be true or false[\s\S]*module "flags": "required" must be true or false/);
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

  it('stops on an unknown manifest field and a malformed version', () => {
    const root = addonsRoot();
    writeModule(root, 'typo', { depend: ['base'], version: 'one' });
    expect(() => discoverModules([root])).toThrow(/module "typo": unknown manifest field "depend"[\s\S]*module "typo": "version" must look like 1.0.0/);
  });

  it('stops on a module that depends on itself or twice on the same module', () => {
    const root = addonsRoot();
    writeModule(root, 'narcissus', { depends: ['narcissus'] });
    writeModule(root, 'echo', { depends: ['other', 'other'] });
    writeModule(root, 'other', {});
    const error = catchError(() => discoverModules([root]));
    expect(error).toMatch(/module "narcissus": "depends" names the module itself/);
    expect(error).toMatch(/module "echo": "depends" lists "other" more than once/);
    expect(error).not.toMatch(/cycle/);
  });

  it('stops on bad menu entries, naming the module, the menu and the field', () => {
    const root = addonsRoot();
    writeModule(root, 'menus_bad', {
      menus: [
        {
          id: 'menus_bad',
          label: 'Bad',
          children: [
            { id: 'menus_bad.no_slash', label: 'A', route: 'menus_bad/a' },
            { id: 'menus_bad.group', label: 'B', route: '/menus_bad/b', groups: ['root'] },
            { id: 'menus_bad.typo', label: 'C', rout: '/menus_bad/c' },
            { id: 'menus_bad.empty', label: '', route: '/menus_bad/d', sequence: 'first' },
            { id: 'elsewhere.e', label: 'E', route: '/menus_bad/e' },
            { id: 'menus_bad.nested', label: 'F', route: '/menus_bad/f', parent: 'menus_bad' },
          ],
        },
      ],
    });
    const error = catchError(() => discoverModules([root]));
    expect(error).toMatch(/module "menus_bad": menu "menus_bad.no_slash": "route" must be a shell path starting with "\/"/);
    expect(error).toMatch(/module "menus_bad": menu "menus_bad.group": unknown group "root"/);
    expect(error).toMatch(/module "menus_bad": menu "menus_bad.typo": unknown field "rout"/);
    expect(error).toMatch(/module "menus_bad": menu "menus_bad.empty": "label" must be a non-empty string/);
    expect(error).toMatch(/module "menus_bad": menu "menus_bad.empty": "sequence" must be a number/);
    expect(error).toMatch(/module "menus_bad": menu "elsewhere.e": "id" must be "menus_bad" or start with "menus_bad."/);
    expect(error).toMatch(/module "menus_bad": menu "menus_bad.nested": "parent" is only allowed on a top-level menu/);
  });

  it('stops on a menu id used twice, and on a menu grafted under a menu that does not exist', () => {
    const root = addonsRoot();
    writeModule(root, 'host_app', { application: true, menus: [{ id: 'host_app', label: 'Host', children: [{ id: 'host_app.list', label: 'List', route: '/host/list' }] }] });
    writeModule(root, 'graft_ok', { depends: ['host_app'], menus: [{ id: 'graft_ok.extra', parent: 'host_app', label: 'Extra', route: '/host/extra' }] });
    writeModule(root, 'graft_ghost', { depends: ['host_app'], menus: [{ id: 'graft_ghost.extra', parent: 'host_app.nothing', label: 'Extra', route: '/host/ghost' }] });
    writeModule(root, 'graft_optional', { menus: [{ id: 'graft_optional.extra', parent: 'host_app', label: 'Extra', route: '/host/optional' }] });
    writeModule(root, 'twice_menu', { menus: [{ id: 'twice_menu', label: 'T', route: '/t' }, { id: 'twice_menu', label: 'T2', route: '/t2' }] });
    const error = catchError(() => discoverModules([root]));
    expect(error).toMatch(/module "graft_ghost": menu "graft_ghost.extra" has parent "host_app.nothing", which is no menu of any module/);
    expect(error).toMatch(/module "twice_menu": menu id "twice_menu" is already used by another entry of this module/);
    expect(error).not.toMatch(/graft_ok|graft_optional/);
  });

  it('stops when two modules map entities to the same table, naming both', () => {
    const root = addonsRoot();
    writeModule(root, 'shop', {}, [], { entities: ['Order:orders'] });
    writeModule(root, 'stock', {}, [], { entities: ['StockOrder:orders'] });
    expect(() => discoverModules([root])).toThrow(/module "stock": entity "StockOrder" uses table "orders", which is already the table of entity "Order" of module "shop"/);
  });

  it('stops on an entity without @Entity, a migration name clash and a migration without a timestamp', () => {
    const root = addonsRoot();
    writeModule(root, 'mig_a', {}, [], { migrations: ['CreateTables1764000009000'] });
    writeModule(root, 'mig_b', {}, [], { migrations: ['CreateTables1764000009000', 'NoTimestamp'] });
    writeFileSync(join(root, 'mig_b', 'server', 'index.js'), readFileSync(join(root, 'mig_b', 'server', 'index.js'), 'utf8').replace('entities: []', 'entities: [class Plain {}]'));
    const error = catchError(() => discoverModules([root]));
    expect(error).toMatch(/module "mig_b": migration "CreateTables1764000009000" is already defined by module "mig_a"/);
    expect(error).toMatch(/module "mig_b": migration "NoTimestamp" must end with a 13-digit timestamp/);
    expect(error).toMatch(/module "mig_b": entity "Plain" has no @Entity\(\) decorator/);
  });

  it('names the module whose manifest cannot be loaded, without blaming the modules that depend on it', () => {
    const root = addonsRoot();
    writeModule(root, 'crashing', {});
    writeFileSync(join(root, 'crashing', 'manifest.js'), 'throw new Error("boom");');
    writeModule(root, 'user_of_it', { depends: ['crashing'] });
    const error = catchError(() => discoverModules([root]));
    expect(error).toMatch(/module "crashing": manifest.ts cannot be loaded: boom/);
    expect(error).not.toMatch(/"user_of_it" depends on "crashing", which does not exist/);
  });

  it('stops when server/index has no @PlatformModule class', () => {
    const root = addonsRoot();
    writeModule(root, 'serverless', {});
    writeFileSync(join(root, 'serverless', 'server', 'index.js'), 'exports.default = class Plain {};');
    expect(() => discoverModules([root])).toThrow(/module "serverless": server\/index.ts must default-export a class decorated with @PlatformModule/);
  });

  it('finds the real modules of this repository without a problem', () => {
    const names = discoverModules([join(__dirname, '../../../../modules')]).map((m) => m.manifest.name);
    expect(names[0]).toBe('base');
  });
});

function catchError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the modules to be refused');
}
