import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Request, Response } from 'express';
import Negotiator from 'negotiator';

/** Cache-Control of a file whose name changes with its content (Angular's `main-<hash>.js`): kept for a year, never re-asked. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/** Cache-Control of a file under a fixed name (index.html, widget.js): kept, but checked on every use (304 while unchanged). */
export const CACHE_REVALIDATE = 'no-cache';

/**
 * Helmet's headers that only a document (HTML) obeys: framing, CSP, COOP, origin clusters, old-IE switches.
 * A script or style ignores them, and the shell's home loads ~50 of those: ~25 kB of headers per cold load.
 * nosniff, CORP, HSTS and Referrer-Policy stay on every file.
 */
export const DOCUMENT_ONLY_HEADERS = ['Content-Security-Policy', 'X-Frame-Options', 'Cross-Origin-Opener-Policy', 'Origin-Agent-Cluster', 'X-XSS-Protection', 'X-Download-Options', 'X-DNS-Prefetch-Control', 'X-Permitted-Cross-Domain-Policies'];

type Encoding = 'br' | 'gzip' | 'identity';
/** Preferred first: brotli is ~20 % smaller than gzip on the shell's scripts. */
const ENCODINGS: Encoding[] = ['br', 'gzip', 'identity'];
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz', identity: '' };

/** negotiator ≥ 1.0 takes the server's order for ties; @types/negotiator (0.6) does not know it yet. */
type PreferringNegotiator = { encodings(available: string[], options: { preferred: string[] }): string[] };

interface Variant {
  path: string;
  size: number;
  /** Strong, per representation: a brotli body and a gzip body of the same file are different bytes. */
  etag: string;
}

interface StaticFile {
  /** The extension, which decides the Content-Type. */
  type: string;
  variants: Partial<Record<Encoding, Variant>>;
}

/**
 * The files of a built folder and their `.br` / `.gz` variants (written by scripts/compress-assets.mjs at
 * build time), served as they are: the variant the browser accepts, a strong ETag from the content, a 304
 * to a matching If-None-Match. Only files present when the folder is read can be served (a name is a key of
 * a map, never a path joined from the request).
 */
export class PrecompressedFiles {
  private readonly files = new Map<string, StaticFile>();

  /** `names`: the files to serve, relative to root ('/'-separated); default every file under root except the variants. */
  constructor(private readonly root: string, names?: string[]) {
    for (const name of names ?? listFiles(root)) this.add(name);
  }

  has(name: string): boolean {
    return this.files.has(name);
  }

  /** Answers a GET or HEAD with the named file (which must exist: see has). */
  send(req: Request, res: Response, name: string, cacheControl: string): void {
    const file = this.files.get(name)!;
    // Ours decides among what the browser rates equally (Chrome sends `gzip, deflate, br, zstd`: brotli).
    const offered = ENCODINGS.filter((e) => file.variants[e]);
    const encoding = ((new Negotiator(req) as PreferringNegotiator).encodings(offered, { preferred: offered })[0] ?? 'identity') as Encoding;
    const variant = file.variants[encoding] ?? file.variants.identity!;
    if (file.type !== '.html') for (const header of DOCUMENT_ONLY_HEADERS) res.removeHeader(header);
    res.setHeader('Cache-Control', cacheControl);
    if (Object.keys(file.variants).length > 1) res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('ETag', variant.etag);
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.type(file.type); // express's table of types, with a charset for text
    if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', variant.size);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(variant.path)
      .on('error', (error) => res.destroy(error))
      .pipe(res);
  }

  private add(name: string): void {
    const path = join(this.root, name);
    if (!existsSync(path)) return;
    const tag = createHash('sha256').update(readFileSync(path)).digest('base64url').slice(0, 27);
    const variants: StaticFile['variants'] = {};
    for (const encoding of ENCODINGS) {
      const variantPath = path + SUFFIX[encoding];
      if (!existsSync(variantPath)) continue;
      // A variant older than its file is left over from an earlier build: not the same content.
      if (encoding !== 'identity' && statSync(variantPath).mtimeMs < statSync(path).mtimeMs) continue;
      variants[encoding] = { path: variantPath, size: statSync(variantPath).size, etag: `"${tag}${SUFFIX[encoding]}"` };
    }
    this.files.set(name, { type: extname(name), variants });
  }
}

/** Every file under root, relative and '/'-separated, without the compressed variants. */
function listFiles(root: string, prefix = ''): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(join(root, prefix), { withFileTypes: true }).flatMap((entry) => {
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return listFiles(root, name);
    return /\.(br|gz)$/.test(entry.name) ? [] : [name];
  });
}
