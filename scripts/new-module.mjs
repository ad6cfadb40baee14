// `npm run new-module -- NAME`: creates modules/NAME/, a complete small app on the module contract (see
// docs/modules.md): a manifest with an app menu, a Nest module with one entity, its migration (SQLite and
// PostgreSQL), a controller and an API spec, an Angular route with its page and its texts (i18n/<lang>.json, to
// translate). After a restart
// (`npm start` rebuilds) the app is on the home screen and in Apps, and its spec passes:
//   npx jest -c jest.config.js modules/NAME
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const modulesDir = join(root, 'modules');

/** Names that would clash with the shell's own paths, the API or the repository's tooling. */
const RESERVED = new Set(['api', 'web', 'login', 'logout', 'apps', 'settings', 'profile', 'home', 'assets', 'socket', 'static', 'test', 'tests', 'node_modules', 'platform', 'protocol', 'shell', 'module', 'modules']);

export function nameProblem(name, existing = new Set()) {
  if (!name) return 'give the module a name: npm run new-module -- my_app';
  if (!/^[a-z][a-z0-9_]*$/.test(name)) return `"${name}" is not a module name: use lower_snake_case (a-z, 0-9, _), starting with a letter, e.g. "field_notes"`;
  if (name.length > 40) return `"${name}" is too long (40 characters at most)`;
  if (/__|_$/.test(name)) return `"${name}" has a doubled or trailing "_"`;
  if (RESERVED.has(name)) return `"${name}" is reserved (it would clash with the shell, the API or the tooling)`;
  if (existing.has(name)) return `module "${name}" already exists (modules/${name})`;
  return undefined;
}

/** The files of a new module, by path relative to its folder. */
export function moduleFiles(name, timestamp = Date.now()) {
  const pascal = name.replace(/(^|_)([a-z0-9])/g, (_, __, c) => c.toUpperCase());
  const label = name.split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
  const kebab = name.replace(/_/g, '-');
  const entity = `${pascal}Item`;
  const table = `${name}_item`;
  const migration = `Create${pascal}Tables${timestamp}`;
  return {
    'manifest.ts': `import { defineModule } from '@lc/platform';

export default defineModule({
  name: '${name}',
  label: '${label}',
  summary: '${label}: describe the app in one sentence.',
  version: '1.0.0',
  depends: ['base'],
  application: true,
  autoEnable: true,
  menus: [{ id: '${name}', label: '${label}', icon: 'grid', color: '#3f7fbf', sequence: 50, children: [{ id: '${name}.items', label: 'Items', route: '/${kebab}' }] }],
});
`,
    'server/index.ts': `import { TypeOrmModule } from '@nestjs/typeorm';
import { PlatformModule } from '@lc/platform/server';
import { ${entity} } from './${kebab}-item.entity';
import { ${pascal}Controller } from './${kebab}.controller';
import { ${migration} } from './migrations/create-${kebab}-tables';

@PlatformModule({
  imports: [TypeOrmModule.forFeature([${entity}])],
  entities: [${entity}],
  migrations: [${migration}],
  controllers: [${pascal}Controller],
})
export default class ${pascal}Module {}
`,
    [`server/${kebab}-item.entity.ts`]: `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { epochMs } from '@lc/platform/server';

@Entity('${table}')
export class ${entity} {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ type: 'bigint', transformer: epochMs }) createdAt!: number;
}
`,
    [`server/migrations/create-${kebab}-tables.ts`]: `import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Written once for SQLite and PostgreSQL with TypeORM's Table API; never edit it once released, add another. */
export class ${migration} implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: '${table}',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'createdAt', type: 'bigint' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('${table}');
  }
}
`,
    [`server/${kebab}.controller.ts`]: `import { Body, Controller, Get, Post } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { Repository } from 'typeorm';
import { ApiRoute } from '@lc/platform/server';
import { ${entity} } from './${kebab}-item.entity';

/** An item as the API answers it, for the OpenAPI document (a type shared with a web part goes to libs/protocol instead). */
const ITEM = {
  type: 'object',
  properties: { id: { type: 'integer' }, name: { type: 'string' }, createdAt: { type: 'integer', description: 'epoch ms' } },
  required: ['id', 'name', 'createdAt'],
  additionalProperties: false,
};

export class Create${entity}Request {
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 100)
  name!: string;
}

@Controller('api/${kebab}')
export class ${pascal}Controller {
  constructor(@InjectRepository(${entity}) private readonly items: Repository<${entity}>) {}

  @ApiRoute('The items', { returns: { type: 'array', items: ITEM } })
  @Get()
  list(): Promise<${entity}[]> {
    return this.items.find({ order: { id: 'ASC' } });
  }

  @ApiRoute('Create an item', { status: 201, returns: ITEM })
  @Post()
  create(@Body() body: Create${entity}Request): Promise<${entity}> {
    return this.items.save(this.items.create({ name: body.name, createdAt: Date.now() }));
  }
}
`,
    [`server/${kebab}.api.spec.ts`]: `import { createTestApp, type TestApp } from '@lc/testing';

describe('${name} API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const admin = () => ({ Authorization: \`Bearer \${t.adminToken}\` });

  it('creates and lists items', async () => {
    const created = await t.http.post('/api/${kebab}').set(admin()).send({ name: ' First ' }).expect(201);
    expect(created.body).toEqual({ id: expect.any(Number), name: 'First', createdAt: expect.any(Number) });
    const list = await t.http.get('/api/${kebab}').set(admin()).expect(200);
    expect(list.body).toContainEqual(created.body);
  });

  it('refuses bad input with 400 and anonymous requests with 401', async () => {
    await t.http.post('/api/${kebab}').set(admin()).send({ name: ' ' }).expect(400);
    await t.http.post('/api/${kebab}').set(admin()).send({ name: 'x', other: 1 }).expect(400);
    await t.http.get('/api/${kebab}').expect(401);
  });

  it('answers 404 while the module is disabled, at once', async () => {
    await t.http.post('/api/modules/${name}/disable').set(admin()).expect(200);
    await t.http.get('/api/${kebab}').set(admin()).expect(404);
    await t.http.post('/api/modules/${name}/enable').set(admin()).expect(200);
    await t.http.get('/api/${kebab}').set(admin()).expect(200);
  });
});
`,
    'web/index.ts': `import { defineWebModule } from '@lc/platform/web';

export default defineWebModule({
  name: '${name}',
  routes: [{ path: '${kebab}', title: () => $localize\`:@@${name}.title:${label}\`, loadComponent: () => import('./${kebab}.page') }],
});
`,
    [`web/${kebab}.page.ts`]: `import { DatePipe } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { ControlPanelComponent } from '@lc/platform/web';

interface Item {
  id: number;
  name: string;
  createdAt: number;
}

@Component({
  selector: 'lc-${kebab}-page',
  imports: [ControlPanelComponent, DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: \`
    <div class="lc-view">
      <lc-control-panel [breadcrumbs]="breadcrumbs">
        <form cpSearch style="display: flex; gap: 8px" (submit)="add($event)">
          <input class="lc-input" name="name" i18n-aria-label="@@${name}.page.newItem" aria-label="New item" i18n-placeholder="@@${name}.page.newItem" placeholder="New item" [value]="name()" (input)="name.set($any($event.target).value)" />
          <button type="submit" class="btn btn-primary" [disabled]="!name().trim()" i18n="@@${name}.page.add">Add</button>
        </form>
      </lc-control-panel>
      <table class="lc-list">
        <thead>
          <tr><th i18n="@@${name}.page.name">Name</th><th i18n="@@${name}.page.created">Created</th></tr>
        </thead>
        <tbody>
          @for (item of items(); track item.id) {
            <tr><td>{{ item.name }}</td><td class="lc-cell-muted">{{ item.createdAt | date: 'short' }}</td></tr>
          }
        </tbody>
      </table>
    </div>
  \`,
})
export default class ${pascal}Page {
  private readonly http = inject(HttpClient);
  protected readonly breadcrumbs = [{ label: $localize\`:@@${name}.title:${label}\` }];
  protected readonly items = signal<Item[]>([]);
  protected readonly name = signal('');

  constructor() {
    void this.load();
  }

  protected async add(event: Event): Promise<void> {
    event.preventDefault();
    await firstValueFrom(this.http.post<Item>('/api/${kebab}', { name: this.name() }));
    this.name.set('');
    await this.load();
  }

  private async load(): Promise<void> {
    this.items.set(await firstValueFrom(this.http.get<Item[]>('/api/${kebab}')));
  }
}
`,
    ...i18nFiles(name, label),
  };
}

/** The texts of the web part (and its menus) in every shipped language: English everywhere until translated. */
function i18nFiles(name, label) {
  const web = {
    [`app.${name}.label`]: label,
    [`app.${name}.summary`]: `${label}: describe the app in one sentence.`,
    [`menu.${name}`]: label,
    [`menu.${name}.items`]: 'Items',
    [`${name}.page.add`]: 'Add',
    [`${name}.page.created`]: 'Created',
    [`${name}.page.name`]: 'Name',
    [`${name}.page.newItem`]: 'New item',
    [`${name}.title`]: label,
  };
  const content = `${JSON.stringify({ web }, null, 2)}\n`;
  return Object.fromEntries(['en-US', 'fr-FR', 'de-DE', 'es-ES', 'zh-CN'].map((lang) => [`i18n/${lang}.json`, content]));
}

function main() {
  const name = process.argv[2];
  const existing = new Set(existsSync(modulesDir) ? readdirSync(modulesDir) : []);
  const problem = nameProblem(name, existing) ?? (process.argv.length > 3 ? `unexpected arguments after the name: ${process.argv.slice(3).join(' ')}` : undefined);
  if (problem) {
    console.error(`new-module: ${problem}`);
    process.exit(1);
  }
  const folder = join(modulesDir, name);
  const files = moduleFiles(name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), content, { flag: 'wx' });
  }
  const lines = Object.values(files).reduce((sum, content) => sum + content.split('\n').length - 1, 0);
  console.log(`Created ${relative(root, folder)}/ (${Object.keys(files).length} files, ${lines} lines):`);
  for (const path of Object.keys(files)) console.log(`  ${path}`);
  console.log(`
Next:
  npm start                                     rebuilds; "${files['manifest.ts'].match(/label: '([^']*)'/)[1]}" is on the home screen and in Apps
  npx jest -c jest.config.js modules/${name}    runs its API spec
  docs/modules.md                               explains every part`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
