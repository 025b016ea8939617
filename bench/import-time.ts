/**
 * Cold `import()` time of each package's main entry, in fresh Node processes (no tsx), the two
 * packages alternating, median of several.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from './measure';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Newest modification time of the files under `dir` (recursively), in ms. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

export interface ImportTarget {
  specifier: string;
  /** Extra node flags (`--import tsx` when only the sources exist). */
  nodeArgs: string[];
  note: string;
}

/**
 * Our built entry (`dist/`, or the directory in BENCH_DIST); the sources through tsx (slower:
 * includes transpiling) when there is no build.
 */
export function ourImportTarget(): ImportTarget {
  const dist = process.env.BENCH_DIST ?? join(root, 'dist');
  const entry = join(dist, 'index.js');
  if (!existsSync(entry)) {
    return {
      specifier: pathToFileURL(join(root, 'src', 'index.ts')).href,
      nodeArgs: ['--import', 'tsx'],
      note: 'dist/ is absent: src/index.ts through tsx (includes transpiling; run `npm run build`)',
    };
  }
  const stale = newest(join(root, 'src')) > statSync(entry).mtimeMs;
  return {
    specifier: pathToFileURL(entry).href,
    nodeArgs: [],
    note: `${entry.startsWith(root) ? entry.slice(root.length + 1) : entry}${stale ? ', OLDER than src/ (run `npm run build` first)' : ''}`,
  };
}

/** ms to import the target in a fresh process, optionally after importing `preload` (untimed). */
function importOnce(target: ImportTarget, preload: string | undefined): number {
  const before = preload ? `await import(${JSON.stringify(preload)}); ` : '';
  const script = `${before}const t = performance.now(); await import(${JSON.stringify(target.specifier)}); process.stdout.write(String(performance.now() - t));`;
  const output = execFileSync(
    process.execPath,
    [...target.nodeArgs, '--input-type=module', '-e', script],
    { cwd: root, encoding: 'utf8' },
  );
  return Number(output);
}

/**
 * Median import ms per target; the targets alternate, the first round is discarded. With
 * `preload` (e.g. `ai`, which every user of a provider loads anyway), only the provider's own
 * increment is timed: shared dependencies such as zod are already in memory.
 */
export function measureImportTime(
  targets: Record<string, ImportTarget>,
  runs: number,
  preload?: string,
): Record<string, number> {
  const times: Record<string, number[]> = {};
  for (const name of Object.keys(targets)) times[name] = [];
  for (let run = 0; run < runs + 1; run++) {
    const names = Object.keys(targets);
    if (run % 2) names.reverse();
    for (const name of names) {
      const ms = importOnce(targets[name]!, preload);
      if (run > 0) times[name]!.push(ms); // the first round warms the disk cache
    }
  }
  return Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]));
}
