import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from '@lc/testing';

// The build step itself (scripts/compress-assets.mjs), run on a shell of our own.
const { compressTree } = require('../../../scripts/compress-assets.mjs') as { compressTree(dir: string): unknown };

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET with exactly this path (no `..` resolved) and these headers; the body as sent (no client-side decompression). */
function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  const { hostname, port, pathname } = /^http:\/\/(?<hostname>[^:/]+):(?<port>\d+)(?<pathname>\/.*)$/.exec(url)!.groups!;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path: pathname, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const decode = (res: RawResponse) => {
  const encoding = res.headers['content-encoding'];
  return encoding === 'br' ? brotliDecompressSync(res.body) : encoding === 'gzip' ? gunzipSync(res.body) : res.body;
};

/**
 * Delivery to browsers: the shell's files and the widget are served as compressed at build time, the
 * hashed ones cached for a year, the others (index.html, widget.js) revalidated with a strong ETag (304).
 */
describe('static delivery: precompressed, cached, revalidated', () => {
  const webRoot = mkdtempSync(join(tmpdir(), 'lc-shell-'));
  const script = `console.log(${JSON.stringify('the shell '.repeat(500))});\n`;
  const index = `<!doctype html><html><head><title>Live chat</title><script src="main-AB12CD34.js" type="module"></script></head><body>${'<!-- x -->'.repeat(50)}<lc-root></lc-root></body></html>`;
  let t: TestApp;

  beforeAll(async () => {
    writeFileSync(join(webRoot, 'index.html'), index);
    writeFileSync(join(webRoot, 'main-AB12CD34.js'), script);
    writeFileSync(join(webRoot, 'chunk-O-oIV-oK.js'), 'a;'); // a name from Angular's chunk optimizer; too small to gain from compression
    writeFileSync(join(webRoot, 'favicon.svg'), '<svg/>'); // a fixed name
    writeFileSync(join(webRoot, 'icons-Yw-68hI0.svg'), `<svg xmlns="http://www.w3.org/2000/svg">${'<symbol id="a"/>'.repeat(100)}</svg>`); // the icon sprite (scripts/gen-web-icons.mjs)
    mkdirSync(join(webRoot, 'i18n'));
    writeFileSync(join(webRoot, 'i18n/fr-FR.486fca7d9672.json'), '{"web":{}}'); // a language's texts (scripts/gen-web-i18n.mjs)
    mkdirSync(join(webRoot, 'media'));
    writeFileSync(join(webRoot, 'media/logo-QW12ER34.svg'), `<svg xmlns="http://www.w3.org/2000/svg">${'<g/>'.repeat(200)}</svg>`);
    compressTree(webRoot);
    t = await createTestApp({ webRoot });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('a hashed script: brotli when accepted, else gzip, else as is; immutable for a year; the same bytes once decoded', async () => {
    const url = `${t.url}/web/main-AB12CD34.js`;
    for (const [accept, encoding] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip'], ['identity', undefined], ['br;q=0, gzip;q=0.5', 'gzip']] as const) {
      const res = await get(url, { 'Accept-Encoding': accept });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['content-type']).toMatch(/^text\/javascript/);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
      expect(decode(res).toString()).toBe(script);
      // What only documents obey is left off; what scripts obey stays.
      expect(res.headers['content-security-policy']).toBeUndefined();
      expect(res.headers['x-frame-options']).toBeUndefined();
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    }
    const sizes = await Promise.all(['br', 'gzip', 'identity'].map(async (e) => (await get(url, { 'Accept-Encoding': e })).body.length));
    expect(sizes[0]).toBeLessThan(sizes[1]);
    expect(sizes[1]).toBeLessThan(sizes[2] / 10);
  });

  it('files in folders are served too; a file too small to compress is sent as is, without Vary; only hashed names are immutable', async () => {
    const svg = await get(`${t.url}/web/media/logo-QW12ER34.svg`, { 'Accept-Encoding': 'br' });
    expect([svg.status, svg.headers['content-encoding'], svg.headers['content-type'], svg.headers['cache-control']]).toEqual([200, 'br', 'image/svg+xml', 'public, max-age=31536000, immutable']);
    const chunk = await get(`${t.url}/web/chunk-O-oIV-oK.js`, { 'Accept-Encoding': 'br, gzip' });
    expect([chunk.status, chunk.headers['content-encoding'], chunk.headers['vary'], chunk.body.toString(), chunk.headers['cache-control']]).toEqual([200, undefined, undefined, 'a;', 'public, max-age=31536000, immutable']);
    const sprite = await get(`${t.url}/web/icons-Yw-68hI0.svg`, { 'Accept-Encoding': 'gzip' });
    expect([sprite.status, sprite.headers['content-encoding'], sprite.headers['cache-control']]).toEqual([200, 'gzip', 'public, max-age=31536000, immutable']);
    const texts = await get(`${t.url}/web/i18n/fr-FR.486fca7d9672.json`);
    expect([texts.status, texts.headers['content-type'], texts.headers['cache-control']]).toEqual([200, 'application/json; charset=utf-8', 'public, max-age=31536000, immutable']);
    const icon = await get(`${t.url}/web/favicon.svg`);
    expect([icon.status, icon.headers['cache-control'], icon.body.toString()]).toEqual([200, 'no-cache', '<svg/>']);
  });

  it('index.html at every shell path: no-cache with a strong ETag, and a 304 without a body when unchanged', async () => {
    for (const path of ['/web', '/web/', '/web/livechat/sessions', '/web/%E0%A4%A']) {
      const res = await get(`${t.url}${path}`, { 'Accept-Encoding': 'br, gzip' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['etag']).toMatch(/^"[\w-]+\.br"$/); // strong: no W/
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'"); // the security headers stay
      expect(decode(res).toString()).toBe(index);
      const again = await get(`${t.url}${path}`, { 'Accept-Encoding': 'br, gzip', 'If-None-Match': res.headers['etag'] as string });
      expect([again.status, again.body.length, again.headers['etag']]).toEqual([304, 0, res.headers['etag']]);
    }
    // Another representation's tag (the gzip body's) is no match for a brotli answer.
    const gzipTag = (await get(`${t.url}/web/`, { 'Accept-Encoding': 'gzip' })).headers['etag'] as string;
    expect((await get(`${t.url}/web/`, { 'Accept-Encoding': 'br', 'If-None-Match': gzipTag })).status).toBe(200);
  });

  it('HEAD gives the headers of GET and no body; nothing outside the built folder is reachable', async () => {
    const head = await get(`${t.url}/web/main-AB12CD34.js`, { 'Accept-Encoding': 'br' }, 'HEAD');
    expect([head.status, head.headers['content-encoding'], head.body.length]).toEqual([200, 'br', 0]);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    for (const path of ['/web/../package.json', '/web/%2e%2e/package.json', '/web/main-AB12CD34.js.br', '/web/..%2fpackage.json']) {
      const res = await get(`${t.url}${path}`);
      expect(res.body.toString()).toBe(index); // an unknown shell path: index.html, never another file
    }
  });

  it('the widget: compressed, no-cache with a strong ETag (304 when unchanged), loadable by any website', async () => {
    const res = await get(`${t.url}/livechat/widget.js`, { 'Accept-Encoding': 'br, gzip' });
    expect(res.status).toBe(200); // 404: the widget is not built (npm run build)
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['etag']).toMatch(/^"[\w-]+\.br"$/);
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.body.length).toBeLessThanOrEqual(25 * 1024);
    expect(decode(res).toString()).toContain('data-channel');
    const again = await get(`${t.url}/livechat/widget.js`, { 'Accept-Encoding': 'br, gzip', 'If-None-Match': res.headers['etag'] as string });
    expect([again.status, again.body.length, again.headers['cross-origin-resource-policy']]).toEqual([304, 0, 'cross-origin']);
  });
});
