// `npm test` step: the shell's texts. Fails when
// - a shipped language lacks a `web` string of en-US (the source of truth), has one en-US no longer has, or
//   uses other placeholders than en-US;
// - the code (templates' i18n="@@id", `$localize` ids, the manifests' menus) uses an id that en-US lacks, or
//   en-US keeps an id nothing uses;
// - a template has text, a text attribute or a quoted text in a binding that is not marked for translation;
// - a `$localize` runs when its file loads (before the user's texts are: it would stay in English);
// - a text of the code differs from en-US's (en-US does not load its `$localize` texts: the code has them);
// - the `errors` sections (the server's errors, by key): a key the server throws that its module's en-US lacks
//   (`translatableError(…, 'livechat.x')`, `TooManyRequestsException('base.y')`, a DTO's `context: {i18n}`, and
//   `validation.<constraint>` for each class-validator decorator the DTOs use, whose texts are base's), an
//   en-US key nothing throws, a language missing one or with other placeholders, or a text ICU cannot read.
// Run alone: node scripts/check-web-i18n.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { Block, Element, HtmlParser, Text } from '@angular/compiler';
import { IntlMessageFormat } from 'intl-messageformat';
import { LOOKED_UP_TEXT, webSections, SOURCE_LANGUAGE } from './gen-web-i18n.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Attributes read by people: they need i18n-<name>. */
const TEXT_ATTRIBUTES = new Set(['title', 'placeholder', 'aria-label', 'alt', 'label']);
/** Elements whose content is code or markup, not prose. */
const VERBATIM = new Set(['code', 'pre', 'kbd', 'script', 'style', 'svg']);
const hasWords = (text) => /\p{L}/u.test(text.replace(/\{\{[\s\S]*?\}\}/g, '').replace(/&[a-z]+;/gi, ''));
/** A quoted string in a binding that reads as prose ('Loading…', 'Sound off'), not a key ('page', 'livechat_manager'). */
const PROSE_LITERAL = /(['"])((?:[A-Z][a-z]+|[\p{L}]+ [\p{L}]+)[^'"]*)\1/u;
/** A quoted word an interpolation shows (`{{ n === 1 ? 'user' : 'users' }}`, `{{ name ?? 'nobody' }}`). */
const SHOWN_LITERAL = /(?:\?\??|:)\s*(['"])[^'"]*\p{L}[^'"]*\1/u;

const problems = [];
const problem = (where, text) => problems.push(`${relative(root, where)}: ${text}`);

function listFiles(dir, accept, out = []) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') listFiles(path, accept, out);
    } else if (accept(path)) out.push(path);
  }
  return out;
}

const modules = readdirSync(join(root, 'modules'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
/** Whose strings a file's are: a module's web part is that module's; the shell frame and the platform's are base's. */
const ownerOf = (file) => (relative(root, file).startsWith('modules/') ? relative(root, file).split('/')[1] : 'base');
const sourceFiles = [
  ...listFiles(join(root, 'apps/web/src'), (p) => /\.(ts|html)$/.test(p)),
  ...listFiles(join(root, 'libs/platform/web'), (p) => /\.(ts|html)$/.test(p)),
  ...modules.flatMap((m) => listFiles(join(root, 'modules', m, 'web'), (p) => /\.(ts|html)$/.test(p))),
].filter((p) => !/\.(spec|e2e)\.ts$|\.generated\.ts$|index\.html$/.test(p));

/** id → owner module, for every id the code uses. */
const used = new Map();
const use = (id, file) => used.set(id, [...(used.get(id) ?? []), file]);

function checkTemplate(template, file) {
  const parsed = new HtmlParser().parse(template, file, { tokenizeBlocks: true, tokenizeLet: true });
  for (const error of parsed.errors) problem(file, `template cannot be read: ${error.msg}`);
  const visit = (nodes, marked) => {
    for (const node of nodes) {
      if (node instanceof Element) {
        if (VERBATIM.has(node.name)) continue;
        const attrs = new Map(node.attrs.map((a) => [a.name, a.value]));
        for (const [name, value] of attrs) {
          const id = /^@@([\w.-]+)$/.exec(value)?.[1];
          if ((name === 'i18n' || name.startsWith('i18n-')) && id) use(id, file);
          else if (name === 'i18n' || name.startsWith('i18n-')) problem(file, `<${node.name} ${name}="${value}">: give it an explicit id ("@@module.page.text")`);
          if (TEXT_ATTRIBUTES.has(name) && hasWords(value) && !attrs.has(`i18n-${name}`)) problem(file, `<${node.name} ${name}="${value}"> is not marked for translation (i18n-${name}="@@…")`);
          // Angular sets an interpolated i18n attribute as a property: aria-* has none, so it would be lost.
          if (name.startsWith('aria-') && value.includes('{{') && attrs.has(`i18n-${name}`)) problem(file, `<${node.name} ${name}="${value}">: bind [attr.${name}] to a $localize text instead`);
          if (/^\[.*\]$|^\(.*\)$/.test(name) && PROSE_LITERAL.test(value)) problem(file, `<${node.name} ${name}="${value}"> has a text in English: use a $localize text from the component`);
        }
        visit(node.children, marked || attrs.has('i18n'));
      } else if (node instanceof Block) {
        visit(node.children, marked);
      } else if (node instanceof Text) {
        if (!marked && hasWords(node.value)) problem(file, `text "${node.value.trim().slice(0, 60)}" is not marked for translation (i18n="@@…")`);
        for (const [, expression] of node.value.matchAll(/\{\{([\s\S]*?)\}\}/g)) {
          // Pipes come last; their arguments ('short') are not shown.
          const code = expression.split('//')[0].replace(/(^|[^|])\|(?!\|)[\s\S]*$/, '$1');
          if (PROSE_LITERAL.test(code) || SHOWN_LITERAL.test(code)) problem(file, `{{${expression}}} has a text in English: use a $localize text from the component`);
        }
      }
    }
  };
  visit(parsed.rootNodes, false);
}

function checkScript(source, file) {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const walk = (node, inFunction) => {
    if (ts.isTaggedTemplateExpression(node) && node.tag.getText(sf) === '$localize') {
      const head = ts.isNoSubstitutionTemplateLiteral(node.template) ? node.template.text : node.template.head.text;
      const id = /^:(?:[^:@]*)@@([\w.-]+):/.exec(head)?.[1];
      if (id) use(id, file);
      else problem(file, `$localize\`${head.slice(0, 40)}…\` needs an explicit id (:@@module.page.text:)`);
      if (!inFunction) problem(file, `$localize\`${head.slice(0, 40)}…\` runs when the file loads, before the user's texts: move it into a function`);
    }
    if (ts.isPropertyAssignment(node) && node.name.getText(sf) === 'template' && ts.isNoSubstitutionTemplateLiteral(node.initializer)) checkTemplate(node.initializer.text, file);
    const deferred = ts.isFunctionLike(node) || ts.isClassDeclaration(node) || ts.isClassExpression(node);
    ts.forEachChild(node, (child) => walk(child, inFunction || deferred));
  };
  walk(sf, false);
}

for (const file of sourceFiles) {
  const source = readFileSync(file, 'utf8');
  if (file.endsWith('.html')) checkTemplate(source, file);
  else checkScript(source, file);
}

// The modules' menus are translated by id (`menu.<id>` in the declaring module's texts).
function manifestMenuIds(file) {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const ids = [];
  const collect = (node) => {
    if (ts.isObjectLiteralExpression(node)) {
      const id = node.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText(sf) === 'id');
      if (id && ts.isStringLiteral(id.initializer)) ids.push(id.initializer.text);
    }
    ts.forEachChild(node, collect);
  };
  const find = (node) => (ts.isPropertyAssignment(node) && node.name.getText(sf) === 'menus' ? collect(node.initializer) : ts.forEachChild(node, find));
  find(sf);
  return ids;
}
// The app's name and summary (`app.<name>.label` / `.summary`) and its groups' (`group.<id>.label` / `.description`).
function manifestTextIds(file, name) {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const ids = [];
  const props = (node) => new Map(node.properties.filter((p) => ts.isPropertyAssignment(p)).map((p) => [p.name.getText(sf), p.initializer]));
  const visit = (node) => {
    if (ts.isPropertyAssignment(node) && node.name.getText(sf) === 'groups' && ts.isArrayLiteralExpression(node.initializer)) {
      for (const group of node.initializer.elements.filter(ts.isObjectLiteralExpression)) {
        const fields = props(group);
        const id = fields.get('id');
        if (id && ts.isStringLiteral(id)) for (const field of ['label', 'description']) if (fields.has(field)) ids.push(`group.${id.text}.${field}`);
      }
    } else ts.forEachChild(node, visit);
  };
  visit(sf);
  // `export default defineModule({...})`: the object is the call's first argument.
  const exported = sf.statements.find(ts.isExportAssignment)?.expression;
  const manifest = exported && ts.isCallExpression(exported) ? exported.arguments.find(ts.isObjectLiteralExpression) : undefined;
  const top = manifest ? props(manifest) : new Map();
  for (const field of ['label', 'summary']) if (top.has(field)) ids.push(`app.${name}.${field}`);
  return ids;
}
for (const m of modules) {
  const manifest = join(root, 'modules', m, 'manifest.ts');
  if (!existsSync(manifest) || !existsSync(join(root, 'modules', m, 'web'))) continue;
  for (const id of manifestMenuIds(manifest)) use(`menu.${id}`, manifest);
  for (const id of manifestTextIds(manifest, m)) use(id, manifest);
}

const sections = webSections();
const source = sections[SOURCE_LANGUAGE] ?? {};
const placeholders = (text) => [...text.replace(/\{\s*\w+\s*,\s*(plural|select)\s*,/g, '{').matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
for (const [id, files] of used) {
  const owner = ownerOf(files[0]);
  if (!source[owner] || !(id in source[owner])) problem(files[0], `"${id}" is missing from modules/${owner}/i18n/${SOURCE_LANGUAGE}.json (web)`);
}
for (const [owner, texts] of Object.entries(source)) {
  for (const id of Object.keys(texts)) if (!used.has(id)) problem(join(root, 'modules', owner, 'i18n', `${SOURCE_LANGUAGE}.json`), `"${id}" is used nowhere: remove it from every language`);
}
/** The arguments of an ICU text (`{name}`, `{n, plural, …}`, `{kind, select, …}`), through its cases too; null if unreadable. */
function icuArguments(text) {
  const names = new Set();
  const visit = (elements) => {
    for (const element of elements) {
      if (element.value !== undefined && typeof element.value === 'string' && element.type !== 0 && element.type !== 7) names.add(element.value);
      for (const option of Object.values(element.options ?? {})) visit(option.value);
    }
  };
  try {
    visit(new IntlMessageFormat(text, SOURCE_LANGUAGE).getAst());
  } catch {
    return null;
  }
  return [...names].sort().join(',');
}

function checkLanguages(sections, sectionName) {
  const source = sections[SOURCE_LANGUAGE] ?? {};
  const argumentsOf = sectionName === 'errors' ? icuArguments : placeholders;
  for (const [lang, byModule] of Object.entries(sections)) {
    for (const [owner, english] of Object.entries(source)) {
      const file = join(root, 'modules', owner, 'i18n', `${lang}.json`);
      const texts = byModule[owner] ?? {};
      if (sectionName === 'errors') {
        for (const [id, text] of Object.entries(texts)) {
          try {
            new IntlMessageFormat(text, lang).format(Object.fromEntries((icuArguments(text) ?? '').split(',').filter(Boolean).map((name) => [name, 1])));
          } catch (error) {
            problem(file, `"${id}" (${sectionName}) cannot be read as ICU: ${error.message}`);
          }
        }
      }
      if (lang === SOURCE_LANGUAGE) continue;
      for (const [id, text] of Object.entries(english)) {
        if (!(id in texts)) problem(file, `"${id}" (${sectionName}) is missing`);
        else if (argumentsOf(texts[id]) !== argumentsOf(text)) problem(file, `"${id}" (${sectionName}) has placeholders {${argumentsOf(texts[id])}}, en-US has {${argumentsOf(text)}}`);
        else if (/,\s*plural\s*,/.test(text) && !/\bother\s*\{/.test(texts[id])) problem(file, `"${id}" (${sectionName}): a plural needs its "other" case`);
        else if (!texts[id].trim()) problem(file, `"${id}" (${sectionName}) is empty`);
      }
      for (const id of Object.keys(texts)) if (!(id in english)) problem(file, `"${id}" (${sectionName}) no longer exists in ${SOURCE_LANGUAGE}: remove it`);
    }
  }
}
checkLanguages(sections, 'web');

// en-US's `$localize` texts are not shipped (the code carries them, see gen-web-i18n.mjs): the code's must be
// en-US's. Angular's own extraction reads them (`ng extract-i18n`, a build without output: ~15 s).
function checkSourceTexts() {
  const out = mkdtempSync(join(tmpdir(), 'lc-i18n-'));
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/.bin/ng'), 'extract-i18n', '--format', 'json', '--output-path', out], { cwd: root, stdio: 'pipe', env: { ...process.env, NG_CLI_ANALYTICS: 'false' } });
    const extracted = JSON.parse(readFileSync(join(out, 'messages.json'), 'utf8')).translations;
    for (const [owner, texts] of Object.entries(source)) {
      for (const [id, text] of Object.entries(texts)) {
        if (LOOKED_UP_TEXT.test(id) || !(id in extracted)) continue;
        // Placeholders are `{$NAME}` there; spaces around a template's text are not the text.
        if (extracted[id].replace(/\{\$(\w+)\}/g, '{$1}').trim() !== text.trim()) problem(join(root, 'modules', owner, 'i18n', `${SOURCE_LANGUAGE}.json`), `"${id}" is "${text}" but the code says "${extracted[id]}": make them the same`);
      }
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
checkSourceTexts();

// The server's errors: the keys its code throws, each in the en-US `errors` of the module that owns it.
const errorSections = webSections('errors');
checkLanguages(errorSections, 'errors');
const serverFiles = [
  ...listFiles(join(root, 'apps/server/src'), (p) => p.endsWith('.ts')),
  ...listFiles(join(root, 'libs/platform/server'), (p) => p.endsWith('.ts')),
  ...listFiles(join(root, 'libs/protocol/src'), (p) => p.endsWith('.ts')),
  ...modules.flatMap((m) => listFiles(join(root, 'modules', m, 'server'), (p) => p.endsWith('.ts'))),
].filter((p) => !/\.spec\.ts$/.test(p));
/** class-validator decorators that check nothing themselves (conditions, transforms). */
const NOT_CONSTRAINTS = new Set(['IsOptional', 'IsOptionalNotNull', 'ValidateIf', 'Type', 'Transform', 'Allow', 'EmptyAsAbsent', 'QueryId', 'ApiProperty']);
/** Decorators whose constraint is not their name with a lower-case first letter. */
const CONSTRAINT_OF = { Length: 'isLength', ValidateNested: 'nestedValidation' };
const KEY_USES = [
  /translatableError\(\s*\d+,\s*'([\w.]+)'/g,
  /\bkey:\s*'([\w.]+)'/g, // only in files that call translatableErrors (system messages have keys too)
  /TooManyRequestsException\(\s*'([\w.]+)'/g,
  /consumeOrThrow\([^;]*?'([\w.]+)'\s*\)/g,
  /context:\s*\{\s*i18n:\s*'([\w.]+)'/g,
];
const thrown = new Map([['validation.whitelistValidation', 'class-validator'], ['validation.invalid', 'libs/platform/server/validation.ts']]);
for (const file of serverFiles) {
  const code = readFileSync(file, 'utf8');
  for (const pattern of KEY_USES) {
    if (pattern === KEY_USES[1] && !code.includes('translatableErrors(')) continue;
    for (const [, key] of code.matchAll(pattern)) thrown.set(key, file);
  }
  for (const [, decorator] of code.matchAll(/@([A-Z]\w+)\(/g)) {
    if (NOT_CONSTRAINTS.has(decorator) || !/^(Is|Max|Min|Array|Length$|Matches$|ValidateNested$)/.test(decorator)) continue;
    thrown.set(`validation.${CONSTRAINT_OF[decorator] ?? decorator[0].toLowerCase() + decorator.slice(1)}`, file);
  }
}
/** Whose `errors` a key is: `<module>.…`, and base's for the platform's (`platform.…`, `validation.…`). */
const errorOwner = (key) => (/^(platform|validation)\./.test(key) ? 'base' : key.split('.')[0]);
const errorSource = errorSections[SOURCE_LANGUAGE] ?? {};
for (const [key, file] of thrown) {
  const owner = errorOwner(key);
  if (!errorSource[owner] || !(key in errorSource[owner])) problem(file.startsWith('/') ? file : join(root, file), `error "${key}" is missing from modules/${owner}/i18n/${SOURCE_LANGUAGE}.json (errors)`);
}
for (const [owner, texts] of Object.entries(errorSource)) {
  for (const key of Object.keys(texts)) {
    if (errorOwner(key) !== owner) problem(join(root, 'modules', owner, 'i18n', `${SOURCE_LANGUAGE}.json`), `error "${key}" belongs to ${errorOwner(key)}'s texts`);
    else if (!thrown.has(key)) problem(join(root, 'modules', owner, 'i18n', `${SOURCE_LANGUAGE}.json`), `error "${key}" is thrown nowhere: remove it from every language`);
  }
}

if (problems.length) {
  console.error(`The shell's texts (i18n) have ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`i18n: ${used.size} texts and ${thrown.size} error keys, ${Object.keys(sections).length} languages, every one complete.`);
