/**
 * The built main entry (`dist/index.js`) that the benches measure, as users load it. Built with
 * `npm run build` when absent; when the build is older than the newest source file, a note says
 * so (the bench then measures the old build: run `npm run build`).
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Newest modification time of the files under `dir` (recursively), in ms. */
export function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function ensureBuiltEntry(): string {
  const entry = join(root, 'dist', 'index.js');
  if (!existsSync(entry)) {
    process.stderr.write('dist/index.js is absent: running `npm run build` first\n');
    execSync('npm run build', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  } else if (statSync(entry).mtimeMs < newestMtime(join(root, 'src'))) {
    process.stderr.write(
      'note: dist/ is older than src/: measuring the old build (run `npm run build`)\n',
    );
  }
  return entry;
}
