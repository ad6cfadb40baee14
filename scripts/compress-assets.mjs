// Writes <file>.br and <file>.gz beside every text file of the built shell and widget, compressed once at the
// highest levels (the server then only picks the variant a browser accepts: no compression per request).
// A variant is skipped when it would not save at least 5 % (tiny files); stale variants are rewritten.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|xml|webmanifest|ico)$/;
const MIN_BYTES = 256;

const encoders = {
  br: (data) => brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
  gz: (data) => gzipSync(data, { level: 9 }),
};

/** Compresses every compressible file under dir; returns {files, raw, br, gz} byte totals. */
export function compressTree(dir) {
  const totals = { files: 0, raw: 0, br: 0, gz: 0 };
  const visit = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const file = join(path, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (COMPRESSIBLE.test(entry.name)) compressFile(file, totals);
    }
  };
  if (existsSync(dir)) visit(dir);
  return totals;
}

function compressFile(file, totals) {
  const source = statSync(file);
  totals.files++;
  totals.raw += source.size;
  let data;
  for (const [suffix, encode] of Object.entries(encoders)) {
    const target = `${file}.${suffix}`;
    if (existsSync(target) && statSync(target).mtimeMs >= source.mtimeMs) {
      totals[suffix] += statSync(target).size;
      continue;
    }
    data ??= readFileSync(file);
    const packed = data.length >= MIN_BYTES ? encode(data) : null;
    if (packed && packed.length <= data.length * 0.95) {
      writeFileSync(target, packed);
      totals[suffix] += packed.length;
    } else {
      rmSync(target, { force: true });
      totals[suffix] += data.length;
    }
  }
}
