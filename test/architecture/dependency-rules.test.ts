/**
 * The dependency rules (`.dependency-cruiser.cjs`, run by `npm run depcheck` in `npm test`) must
 * catch what they are for: an import cycle, `shared/` importing a model kind or the platform
 * API, a kind importing another kind, and one emulator kind folder importing another. Each case
 * is a tiny source tree written to a temporary folder and checked with the project's own config.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const depcruise = join(root, 'node_modules/.bin/depcruise');
const config = join(root, '.dependency-cruiser.cjs');
const folders: string[] = [];

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function check(files: Record<string, string>): Promise<{ ok: boolean; output: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'depcheck-'));
  folders.push(folder);
  await writeFile(
    join(folder, 'tsconfig.json'),
    '{"compilerOptions":{"module":"ESNext","moduleResolution":"Bundler"}}',
  );
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(folder, path)), { recursive: true });
    await writeFile(join(folder, path), text);
  }
  try {
    const { stdout } = await run(depcruise, ['src', '--config', config, '--output-type', 'err'], {
      cwd: folder,
    });
    return { ok: true, output: stdout };
  } catch (error) {
    return { ok: false, output: String((error as { stdout?: string }).stdout) };
  }
}

describe('dependency rules', () => {
  it('pass on the real source tree', async () => {
    const { stdout } = await run(depcruise, ['src', '--config', config, '--output-type', 'err'], {
      cwd: root,
    });
    expect(stdout).toContain('no dependency violations found');
  });

  it.each([
    [
      'no-circular',
      {
        'src/chat/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
        'src/chat/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
      },
    ],
    [
      'shared-stands-alone',
      {
        'src/shared/a.ts': "import { b } from '../chat/b';\nexport const a = b;\n",
        'src/chat/b.ts': 'export const b = 1;\n',
      },
    ],
    [
      'shared-stands-alone',
      {
        'src/shared/a.ts': "import { p } from '../platform/p';\nexport const a = p;\n",
        'src/platform/p.ts': 'export const p = 1;\n',
      },
    ],
    [
      'kinds-stand-alone',
      {
        'src/embedding/e.ts': "import { c } from '../chat/c';\nexport const e = c;\n",
        'src/chat/c.ts': 'export const c = 1;\n',
      },
    ],
    [
      'proxy-stands-alone',
      {
        'src/proxy/p.ts': "import { s } from '../shared/s';\nexport const p = s;\n",
        'src/shared/s.ts': 'export const s = 1;\n',
      },
    ],
    [
      'emulator-kinds-stand-alone',
      {
        'src/testing/chat/x.ts': "import { p } from '../platform/p';\nexport const x = p;\n",
        'src/testing/platform/p.ts': 'export const p = 1;\n',
      },
    ],
  ])('fail on a %s violation', async (rule, files) => {
    const result = await check(files);
    expect(result.ok).toBe(false);
    expect(result.output).toContain(`error ${rule}:`);
  });
});
