import { execFile, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';
import { createTestApp, type TestApp } from './test-app';

const ROOT = resolve(__dirname, '../../..');
const EXAMPLE = join(ROOT, 'docs/examples/visitor-chat.ts');
const run = promisify(execFile);

/** Type-checks files of a folder the way an integrator's project would (strict, no emit). */
function typeErrors(files: string[]): string[] {
  const program = ts.createProgram(files, { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'], types: [], skipLibCheck: true });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** A client generated from the served document (openapi-typescript) compiles and runs the README's visitor chat. */
describe('an integrator typed by the OpenAPI document', () => {
  let t: TestApp;
  let folder: string;
  beforeAll(async () => {
    t = await createTestApp();
    folder = mkdtempSync(join(tmpdir(), 'lc-integrator-'));
    writeFileSync(join(folder, 'openapi.json'), JSON.stringify((await t.http.get('/api/docs-json').expect(200)).body));
    await run(process.execPath, [join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'), join(folder, 'openapi.json'), '-o', join(folder, 'api.d.ts')], { env: { ...process.env, NO_COLOR: '1' } });
    copyFileSync(EXAMPLE, join(folder, 'visitor-chat.ts'));
  });
  afterAll(async () => {
    await t?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('compiles the example against the generated types, and a typo in a field of an answer does not', () => {
    expect(typeErrors([join(folder, 'visitor-chat.ts')])).toEqual([]);
    const typo = readFileSync(EXAMPLE, 'utf8').replace('return { visitorToken: session.visitorToken,', 'return { visitorToken: session.visitorTokn,');
    writeFileSync(join(folder, 'typo.ts'), typo);
    expect(typeErrors([join(folder, 'typo.ts')]).join('\n')).toMatch(/visitorTokn/);
  });

  it('runs the example: a visitor session started, a message sent and read back', async () => {
    const channel = (await t.http.post('/api/livechat/channels').auth(t.adminToken, { type: 'bearer' }).send({ name: 'Integrators' }).expect(201)).body;
    const { outputText } = ts.transpileModule(readFileSync(EXAMPLE, 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
    const module = { exports: {} as { visitorChat: (base: string, channelId: number, name: string) => Promise<{ visitorToken: string; messages: Array<{ body: string; author: { kind: string } }> }> } };
    runInNewContext(outputText, { module, exports: module.exports, fetch, JSON, Error });
    const { visitorToken, messages } = await module.exports.visitorChat(t.url, channel.id, 'Ada');
    expect(visitorToken).toEqual(expect.any(String));
    expect(messages).toContainEqual(expect.objectContaining({ body: 'Hello, is anyone there?', author: expect.objectContaining({ kind: 'visitor' }) }));
  });

  it("runs the README's ten lines: a visitor session from socket.io-client, and the operator's reply arrives", async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const snippet = /```js\n(import \{ io \} from 'socket.io-client';[\s\S]*?)```/.exec(readme)![1];
    expect(snippet.trim().split('\n').length).toBeLessThanOrEqual(10);
    const channel = (await t.http.post('/api/livechat/channels').auth(t.adminToken, { type: 'bearer' }).send({ name: 'README' }).expect(201)).body;
    const operator = await t.createUser('readme_op', ['livechat_operator']);
    const opSocket = await t.connect({ token: operator.token });
    await t.http.post(`/api/livechat/channels/${channel.id}/join`).auth(operator.token, { type: 'bearer' }).expect(200);
    opSocket.on('message', (m: { conversationId: number; author: { kind: string } }) => {
      if (m.author.kind === 'visitor') opSocket.emit('message', { conversationId: m.conversationId, body: 'Hi Ada, how can I help?', clientId: 'reply-1' }, () => undefined);
    });
    const code = snippet.replace("'http://localhost:8069'", JSON.stringify(t.url)).replace('channelId = 1', `channelId = ${channel.id}`);
    // The snippet prints each operator reply as it comes; it runs until the reply is printed (or 20 s).
    const child = spawn(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    await new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no reply printed within 20 s; stdout: ${stdout}; stderr: ${stderr}`)), 20_000);
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        if (stdout.includes('Hi Ada')) (clearTimeout(timer), done());
      });
      child.on('exit', (status) => status && (clearTimeout(timer), fail(new Error(`exited ${status}: ${stderr}`))));
    }).finally(() => child.kill());
    expect(stdout).toContain('User readme_op: Hi Ada, how can I help?');
  });
});
