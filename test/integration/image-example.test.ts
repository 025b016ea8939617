/**
 * `examples/image.ts` runs against the emulator (no OPENROUTER_API_KEY) and prints what it
 * generated and edited, so the example cannot rot. It saves the images when IMAGE_OUT is set.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { TINY_PNG_BASE64 } from '../../src/testing/index';

const run = promisify(execFile);

it('examples/image.ts generates and edits an image on the emulator', async () => {
  const out = await mkdtemp(join(tmpdir(), 'image-example-'));
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, IMAGE_OUT: out };
    delete env.OPENROUTER_API_KEY;
    delete env.OPENROUTER_BASE_URL;
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'examples/image.ts'], {
      env,
      timeout: 60_000,
    });
    expect(stdout).toContain('using the local OpenRouter emulator');
    expect(stdout).toMatch(
      /^generated: image\/png, 82 bytes \(generation gen-\d+-\w{20}, cost 0\.04\)$/m,
    );
    expect(stdout).toMatch(/^edited: image\/png, 82 bytes /m);
    expect(stdout).not.toContain('warning:');
    expect((await readdir(out)).sort()).toEqual(['edited-0.png', 'generated-0.png']);
    expect((await readFile(join(out, 'generated-0.png'))).toString('base64')).toBe(TINY_PNG_BASE64);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}, 60_000);
