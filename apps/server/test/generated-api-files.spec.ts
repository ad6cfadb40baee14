import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(__dirname, '../../..');
const run = promisify(execFile);

/**
 * The API documents are built from committed files generated from the sources (the build rewrites them):
 * a DTO or a protocol type changed without running the generators fails here, naming the command.
 */
describe('generated API document files', () => {
  it.each(['gen-openapi-metadata.mjs', 'gen-protocol-schemas.mjs'])('scripts/%s --check: the committed files are what the sources give', async (script) => {
    const result = await run(process.execPath, [`scripts/${script}`, '--check'], { cwd: ROOT }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(result).toEqual({ code: 0, stderr: '' });
  }, 120_000);
});
