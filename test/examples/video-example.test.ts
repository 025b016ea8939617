/** examples/video.ts runs against the emulator (no key) and prints the video it made. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { SAMPLE_MP4 } from '../../src/testing/index';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'video-example-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('examples/video.ts generates a video through the emulator and saves it', async () => {
  const output = join(dir, 'clip.mp4');
  const env: Record<string, string | undefined> = { ...process.env, VIDEO_OUTPUT: output };
  delete env.OPENROUTER_API_KEY;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'examples/video.ts'], {
    cwd: root,
    env,
  });
  expect(stdout).toContain('using the local OpenRouter emulator');
  expect(stdout).toMatch(/job: gen-vid-\d+-\w{20}, generation: gen-\d+-\w{20}/);
  expect(stdout).toContain(`video: video/mp4, ${SAMPLE_MP4.length} bytes`);
  expect(stdout).toContain('cost: 0.5');
  expect(new Uint8Array(readFileSync(output))).toEqual(SAMPLE_MP4);
});
