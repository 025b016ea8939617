/**
 * Cold start of each package's main entry, in fresh Node processes (no tsx), the packages
 * alternating (the order reversed every round, the first round discarded as disk-cache warm-up):
 *
 * - `alone`: `import()` of the entry in a process that has loaded nothing else;
 * - `after ai`: `import()` after `import('ai')` (untimed), which every provider user loads anyway:
 *   zod and provider-utils are then in memory, so this is what the provider itself adds;
 * - `first generate` / `first stream`: after `ai`, `import()` + `createOpenRouter({ fetch })` +
 *   one chat `doGenerate` (or a `doStream` read to its end) answered by an in-process `fetch`
 *   with a fixed body (no network): what a cold serverless invocation waits for before its first
 *   result, code that loads on first use included. The answer is checked; a wrong one fails.
 *
 * After `import('ai')` every mode pauses 50 ms and runs a full GC (untimed, the same for every
 * package), so that what `ai` left pending (its start-up garbage) is not charged to the package
 * imported next: right after `ai`, importing five empty modules took ~6 ms, after the pause ~2.
 * The first-call modes also read one `Response` before timing, so that Node's lazily loaded
 * fetch implementation is not charged to the first package that uses it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { newestMtime } from './built-entry';
import { median } from './measure';
import { fixed, table } from './report';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface ImportTarget {
  specifier: string;
  /** Extra node flags (`--import tsx` when only the sources exist). */
  nodeArgs: string[];
  note: string;
}

/**
 * Our built entry (`dist/`, or the directory in BENCH_DIST); the sources through tsx (slower:
 * includes transpiling) when there is no build. A `baseline` build (an older commit's, measured
 * alongside) is expected to be older than the sources.
 */
export function ourImportTarget(
  dist = process.env.BENCH_DIST ?? join(root, 'dist'),
  baseline = false,
): ImportTarget {
  const entry = join(dist, 'index.js');
  if (!existsSync(entry)) {
    return {
      specifier: pathToFileURL(join(root, 'src', 'index.ts')).href,
      nodeArgs: ['--import', 'tsx'],
      note: 'dist/ is absent: src/index.ts through tsx (includes transpiling; run `npm run build`)',
    };
  }
  const stale = !baseline && newestMtime(join(root, 'src')) > statSync(entry).mtimeMs;
  return {
    specifier: pathToFileURL(entry).href,
    nodeArgs: [],
    note: `${entry.startsWith(root) ? entry.slice(root.length + 1) : entry}${baseline ? ' (baseline)' : ''}${stale ? ', OLDER than src/ (run `npm run build` first)' : ''}`,
  };
}

export const incumbentImportTarget: ImportTarget = {
  specifier: '@openrouter/ai-sdk-provider',
  nodeArgs: [],
  note: 'dist/index.js',
};

export type ColdStartMode = 'alone' | 'after ai' | 'first generate' | 'first stream';

const TEXT = 'Hello from a cold start.';

/** A chat completion as OpenRouter sends it, for the `first generate` mode. */
const CANNED_COMPLETION = JSON.stringify({
  id: 'gen-cold-start',
  object: 'chat.completion',
  created: 1_750_000_000,
  model: 'openai/gpt-4o-mini',
  provider: 'OpenAI',
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: TEXT },
      finish_reason: 'stop',
    },
  ],
  usage: { prompt_tokens: 5, completion_tokens: 6, total_tokens: 11 },
});

/** The same answer streamed: two text deltas, the finish reason, then usage. */
const CANNED_STREAM = [
  { choices: [{ index: 0, delta: { role: 'assistant', content: 'Hello' }, finish_reason: null }] },
  {
    choices: [{ index: 0, delta: { content: TEXT.slice('Hello'.length) }, finish_reason: 'stop' }],
  },
  { choices: [], usage: { prompt_tokens: 5, completion_tokens: 6, total_tokens: 11 } },
]
  .map(
    (chunk) =>
      `data: ${JSON.stringify({ id: 'gen-cold-start', object: 'chat.completion.chunk', created: 1_750_000_000, model: 'openai/gpt-4o-mini', provider: 'OpenAI', ...chunk })}\n\n`,
  )
  .concat('data: [DONE]\n\n')
  .join('');

/**
 * The script a fresh process runs; it prints the wall and CPU ms of the import and of the call
 * as JSON. CPU time (user + system, every thread) is the work done whatever else runs on the
 * machine; wall time also counts the waits for a core.
 */
function script(target: ImportTarget, mode: ColdStartMode): string {
  const lines: string[] = [];
  if (mode !== 'alone') lines.push("await import('ai');");
  if (mode === 'first generate' || mode === 'first stream') {
    const [body, type] =
      mode === 'first generate'
        ? [CANNED_COMPLETION, 'application/json']
        : [CANNED_STREAM, 'text/event-stream'];
    lines.push(
      `const body = ${JSON.stringify(body)};`,
      `const fetch = async () => new Response(body, { headers: { 'content-type': '${type}' } });`,
      'await (await fetch()).text();',
    );
  }
  if (mode !== 'alone') {
    lines.push('await new Promise((resolve) => setTimeout(resolve, 50));', 'globalThis.gc();');
  }
  lines.push(
    'const c0 = process.cpuUsage();',
    'const t0 = performance.now();',
    `const mod = await import(${JSON.stringify(target.specifier)});`,
    'const t1 = performance.now();',
    'const c1 = process.cpuUsage();',
    'const cpuMs = (from, to) => (to.user - from.user + to.system - from.system) / 1000;',
  );
  if (mode === 'first generate' || mode === 'first stream') {
    lines.push(
      "const model = mod.createOpenRouter({ apiKey: 'sk-or-cold-start', fetch }).chat('openai/gpt-4o-mini');",
      "const call = { prompt: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }] };",
      "let text = '';",
    );
    lines.push(
      mode === 'first generate'
        ? "for (const part of (await model.doGenerate(call)).content) if (part.type === 'text') text += part.text;"
        : "for await (const part of (await model.doStream(call)).stream) if (part.type === 'text-delta') text += part.delta;",
    );
    lines.push(
      'const t2 = performance.now();',
      'const c2 = process.cpuUsage();',
      `if (text !== ${JSON.stringify(TEXT)}) throw new Error('wrong output: ' + JSON.stringify(text));`,
      'process.stdout.write(JSON.stringify({ importMs: t1 - t0, callMs: t2 - t1, importCpuMs: cpuMs(c0, c1), callCpuMs: cpuMs(c1, c2) }));',
    );
  } else {
    lines.push(
      'process.stdout.write(JSON.stringify({ importMs: t1 - t0, callMs: 0, importCpuMs: cpuMs(c0, c1), callCpuMs: 0 }));',
    );
  }
  return lines.join('\n');
}

interface Sample {
  importMs: number;
  callMs: number;
  importCpuMs: number;
  callCpuMs: number;
}

function runOnce(target: ImportTarget, mode: ColdStartMode): Sample {
  const output = execFileSync(
    process.execPath,
    [...target.nodeArgs, '--expose-gc', '--input-type=module', '-e', script(target, mode)],
    { cwd: root, encoding: 'utf8' },
  );
  return JSON.parse(output) as Sample;
}

/** Median and spread of a sample. */
export interface Spread {
  median: number;
  /** 25th and 75th percentiles (nearest rank). */
  p25: number;
  p75: number;
  min: number;
  max: number;
  runs: number;
}

export function spreadOf(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return {
    median: median(sorted),
    p25: rank(0.25),
    p75: rank(0.75),
    min: sorted[0]!,
    max: sorted.at(-1)!,
    runs: sorted.length,
  };
}

/** `12.3 (11.9–13.0)`: median (interquartile range), in ms. */
export const formatSpread = (spread: Spread, digits = 1) =>
  `${fixed(spread.median, digits)} (${fixed(spread.p25, digits)}–${fixed(spread.p75, digits)})`;

export interface ColdStart {
  /** The import time in this mode, wall and CPU. */
  importMs: Spread;
  importCpuMs: Spread;
  /** First-call modes only: from the end of the import to the call's (whole) result. */
  callMs?: Spread;
  /** First-call modes only: import and call together, wall and CPU. */
  totalMs?: Spread;
  totalCpuMs?: Spread;
}

/**
 * Every target in every mode, `runs` times each (plus one discarded round), the targets
 * alternating within each mode. Returns per target, per mode.
 */
export function measureColdStart(
  targets: Record<string, ImportTarget>,
  modes: ColdStartMode[],
  runs: number,
  progress?: (message: string) => void,
): Record<string, Partial<Record<ColdStartMode, ColdStart>>> {
  const results: Record<string, Partial<Record<ColdStartMode, ColdStart>>> = {};
  for (const name of Object.keys(targets)) results[name] = {};
  for (const mode of modes) {
    progress?.(`cold start, ${mode}: ${runs} fresh processes per package`);
    const samples: Record<string, Sample[]> = {};
    for (const name of Object.keys(targets)) samples[name] = [];
    for (let round = 0; round < runs + 1; round++) {
      const names = Object.keys(targets);
      if (round % 2) names.reverse();
      for (const name of names) {
        const sample = runOnce(targets[name]!, mode);
        if (round > 0) samples[name]!.push(sample); // the first round warms the disk cache
      }
    }
    for (const [name, values] of Object.entries(samples)) {
      results[name]![mode] = {
        importMs: spreadOf(values.map((value) => value.importMs)),
        importCpuMs: spreadOf(values.map((value) => value.importCpuMs)),
        ...(mode === 'first generate' || mode === 'first stream'
          ? {
              callMs: spreadOf(values.map((value) => value.callMs)),
              totalMs: spreadOf(values.map((value) => value.importMs + value.callMs)),
              totalCpuMs: spreadOf(values.map((value) => value.importCpuMs + value.callCpuMs)),
            }
          : {}),
      };
    }
  }
  return results;
}

export interface ColdStartTarget {
  name: string;
  value: string;
  met: boolean;
}

/**
 * The cold-start tables (markdown) and the targets: our package adds at most 10 ms after `ai`,
 * and `import()` alone is well below (at most half of) the incumbent's.
 */
export function coldStartReport(
  targets: Record<string, ImportTarget>,
  runs: number,
  progress?: (message: string) => void,
): { text: string; targets: ColdStartTarget[] } {
  const loadBefore = loadavg();
  const modes: ColdStartMode[] = ['alone', 'after ai', 'first generate', 'first stream'];
  const results = measureColdStart(targets, modes, runs, progress);
  const loadAfter = loadavg();
  const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' / ');
  const firstCallTable = (mode: 'first generate' | 'first stream') =>
    table(
      [
        'package',
        'import()',
        mode === 'first generate' ? 'doGenerate' : 'doStream, read to the end',
        'together',
        'together, CPU',
      ],
      Object.keys(targets).map((name) => {
        const firstCall = results[name]![mode]!;
        return [
          name,
          formatSpread(firstCall.importMs),
          formatSpread(firstCall.callMs!),
          formatSpread(firstCall.totalMs!),
          formatSpread(firstCall.totalCpuMs!),
        ];
      }),
    );
  const lines: string[] = [];
  lines.push(
    `Fresh Node ${process.version} processes, ${runs} per package and mode (plus one discarded round), packages alternating. ms as median (interquartile range); wall time, and CPU time (user + system, all threads: the work itself, whatever else the machine runs). Load average (1 / 5 / 15 min): ${load(loadBefore)} before, ${load(loadAfter)} after.`,
    '',
    table(
      ['package', 'import() alone', 'CPU', 'import() after ai', 'CPU', 'entry'],
      Object.entries(targets).map(([name, target]) => [
        name,
        formatSpread(results[name]!.alone!.importMs),
        formatSpread(results[name]!.alone!.importCpuMs),
        formatSpread(results[name]!['after ai']!.importMs),
        formatSpread(results[name]!['after ai']!.importCpuMs),
        target.note,
      ]),
    ),
    '',
    'The first result of a cold process, after `ai` is loaded: `import()`, then `createOpenRouter({ fetch })` and one chat call answered by an in-process `fetch` (a fixed body, no network), including whatever loads on first use:',
    '',
    firstCallTable('first generate'),
    '',
    firstCallTable('first stream'),
  );

  const checks: ColdStartTarget[] = [];
  const ours = results['ai-sdk-openrouter'];
  const incumbent = results['@openrouter/ai-sdk-provider'];
  if (ours) {
    const afterAi = ours['after ai']!.importMs;
    checks.push({
      name: 'cold import() after `ai` is loaded: what ai-sdk-openrouter adds, ms',
      value: `${fixed(afterAi.median, 1)} (≤ 10; IQR ${fixed(afterAi.p25, 1)}–${fixed(afterAi.p75, 1)}, min–max ${fixed(afterAi.min, 1)}–${fixed(afterAi.max, 1)})`,
      met: afterAi.median <= 10,
    });
  }
  if (ours && incumbent) {
    const alone = ours.alone!.importMs;
    const rival = incumbent.alone!.importMs;
    checks.push({
      name: 'cold import() alone: ai-sdk-openrouter ÷ incumbent',
      value: `${fixed(alone.median / rival.median)} (≤ 0.5; ${formatSpread(alone)} / ${formatSpread(rival)} ms)`,
      met: alone.median <= rival.median / 2,
    });
  }
  return { text: lines.join('\n'), targets: checks };
}
