import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createTestApp, type TestApp } from './test-app';

const ROOT = resolve(__dirname, '../../..');
const run = promisify(execFile);

/** The OpenAPI document as an integrator gets it: served, lint-clean, complete, and following the modules' state. */
describe('the OpenAPI document', () => {
  let t: TestApp;
  let folder: string;
  beforeAll(async () => {
    t = await createTestApp();
    folder = mkdtempSync(join(tmpdir(), 'lc-openapi-'));
  });
  afterAll(async () => {
    await t?.close();
    rmSync(folder, { recursive: true, force: true });
  });
  const admin = () => ({ Authorization: `Bearer ${t.adminToken}` });
  const document = async () => (await t.http.get('/api/docs-json').expect(200)).body;
  const operations = (doc: any) => Object.entries<Record<string, any>>(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));

  it('passes `redocly lint` with the recommended rules (redocly.yaml): no error', async () => {
    const yaml = await t.http.get('/api/docs-yaml').expect(200);
    expect(yaml.headers['content-type']).toMatch(/yaml/);
    writeFileSync(join(folder, 'openapi.yaml'), yaml.text);
    const cli = join(ROOT, 'node_modules/@redocly/cli/bin/cli.js');
    // No network: telemetry off (redocly.yaml and env), no update check.
    const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };
    const result = await run(process.execPath, [cli, 'lint', join(folder, 'openapi.yaml'), '--config', join(ROOT, 'redocly.yaml'), '--format', 'json'], { env, maxBuffer: 1 << 24 }).catch((error) => error);
    const report = JSON.parse(result.stdout);
    const errors = report.problems.filter((p: { severity: string }) => p.severity === 'error').map((p: { ruleId: string; message: string; location: Array<{ pointer: string }> }) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(errors).toEqual([]);
    expect(report.totals.errors).toBe(0);
  });

  it('describes every operation: summary, module tag, unique operationId, security, errors with schemas', async () => {
    const doc = await document();
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(50);
    const ids = ops.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, op } of ops) {
      const where = `${method.toUpperCase()} ${path}`;
      expect({ where, summary: typeof op.summary === 'string' && op.summary.length > 0 }).toEqual({ where, summary: true });
      expect({ where, tags: op.tags }).toEqual({ where, tags: [expect.stringMatching(/^[a-z_]+$/)] });
      expect({ where, security: Array.isArray(op.security) }).toEqual({ where, security: true });
      const success = Object.keys(op.responses).filter((s) => /^2/.test(s));
      expect({ where, success: success.length > 0 }).toEqual({ where, success: true });
      for (const status of Object.keys(op.responses).filter((s) => /^4/.test(s))) {
        expect({ where, status, schema: op.responses[status].content['application/json'].schema }).toEqual({ where, status, schema: { $ref: '#/components/schemas/HttpError' } });
      }
      for (const status of success.filter((s) => s !== '204')) expect({ where, status, content: !!op.responses[status].content }).toEqual({ where, status, content: true });
      for (const header of (op.parameters ?? []).filter((p: { in: string }) => p.in === 'header')) expect({ where, header: header.name, required: header.required }).toEqual({ where, header: header.name, required: false });
    }
    expect(doc.components.securitySchemes.bearer).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
    expect(doc.components.securitySchemes.bearer.bearerFormat).toBeUndefined(); // opaque tokens, not JWTs
    expect(doc.components.securitySchemes.visitorToken).toEqual(expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-Visitor-Token' }));
  });

  it('says who may call each route: public, a user, a visitor', async () => {
    const doc = await document();
    const security = (method: string, path: string) => doc.paths[path][method].security;
    expect(security('get', '/api/health')).toEqual([]);
    expect(security('post', '/api/auth/login')).toEqual([]);
    expect(security('post', '/api/livechat/channels/{id}/sessions')).toEqual([]);
    expect(security('get', '/api/me')).toEqual([{ bearer: [] }, { cookie: [] }]);
    expect(security('get', '/api/livechat/sessions/{id}/messages')).toEqual([{ visitorToken: [] }]);
    expect(security('post', '/api/livechat/sessions/{id}/close')).toEqual([{ visitorToken: [] }, { bearer: [] }, { cookie: [] }]);
    expect(Object.keys(doc.paths['/api/users'].post.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409', '413', '415']));
    expect(Object.keys(doc.paths['/api/auth/login'].post.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '429']));
  });

  it('gives request bodies the limits their validation has, and refuses unknown fields', async () => {
    const { components } = await document();
    const schema = (name: string) => components.schemas[name];
    expect(schema('LoginDto')).toEqual(expect.objectContaining({ required: ['login', 'password'], additionalProperties: false }));
    expect(schema('LoginDto').properties.password).toEqual(expect.objectContaining({ type: 'string', maxLength: 200 }));
    expect(schema('CreateUserDto').properties.password).toEqual(expect.objectContaining({ minLength: 8, maxLength: 200 }));
    expect(schema('CreateUserDto').properties.login.pattern).toBeDefined();
    expect(schema('RateSessionRequest').properties.value).toEqual(expect.objectContaining({ enum: [5, 3, 1] }));
    expect(schema('RateSessionRequest').properties.comment).toEqual(expect.objectContaining({ maxLength: 1000 }));
    expect(schema('BlockVisitorRequest').properties.days).toEqual(expect.objectContaining({ minimum: 1, maximum: 365 }));
    expect(schema('PageReportRequest').properties.url).toEqual(expect.objectContaining({ maxLength: 2048 }));
    // My preferences: `lang` and the user fields every module declares, composed at start-up as the route validates them.
    expect(schema('UpdatePreferences')).toEqual({
      type: 'object',
      additionalProperties: false,
      properties: { lang: expect.objectContaining({ maxLength: 35 }), livechatUsername: expect.objectContaining({ maxLength: 64 }), livechatLanguages: expect.objectContaining({ type: 'array', maxItems: 200 }) },
    });
  });

  it('answers with the protocol types: responses reference libs/protocol schemas', async () => {
    const doc = await document();
    expect(doc.paths['/api/me'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Me' });
    expect(doc.components.schemas.Message).toEqual(expect.objectContaining({ required: expect.arrayContaining(['id', 'conversationId', 'author', 'body', 'clientId', 'createdAt']), additionalProperties: false }));
  });

  it('describes only the enabled modules: a disabled module\'s routes and tag leave it at once, and come back', async () => {
    const livechatPaths = (doc: any) => Object.keys(doc.paths).filter((p) => p.startsWith('/api/livechat/'));
    expect(livechatPaths(await document()).length).toBeGreaterThan(10);
    await t.http.post('/api/modules/livechat/disable').set(admin()).expect(200);
    try {
      const doc = await document();
      expect(livechatPaths(doc)).toEqual([]);
      expect(doc.tags.map((tag: { name: string }) => tag.name)).not.toContain('livechat');
      expect(Object.keys(doc.components.schemas)).not.toContain('PublicChannel');
      expect(Object.keys(doc.components.securitySchemes)).toEqual(['bearer', 'cookie']);
      expect((await t.http.get('/api/docs/openapi.json').expect(200)).body.paths).toEqual(doc.paths);
    } finally {
      await t.http.post('/api/modules/livechat/enable').set(admin()).expect(200);
    }
    expect(livechatPaths(await document()).length).toBeGreaterThan(10);
  });

  it('serves the Swagger UI without a sign-in', async () => {
    const page = await t.http.get('/api/docs').redirects(1).expect(200);
    expect(page.text).toContain('swagger-ui');
  });
});
