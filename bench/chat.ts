/**
 * `npm run bench` (or `npm run bench chat`; see bench/run.ts): this package against
 * the raw-parse floor and against `@openrouter/ai-sdk-provider`, over real HTTP from the emulator
 * (in a child process, serving pre-serialised responses on loopback). Our package is the built
 * `dist/index.js` (built first when absent; BENCH_OURS_ENTRY for another entry). The stream shapes
 * are those of the performance issue: 20,000 text deltas of 3-5 chars; 10,000 reasoning deltas
 * (`reasoning` + `reasoning_details`) then 10,000 text deltas; 8 tool calls of ~2 KB JSON
 * arguments in 2-8 char pieces. 2 warm-up + 7 measured rounds, clients rotated within every
 * round; × floor is the median of the per-round ratios, with their min–max. Every run's content
 * is checked: a wrong output ends the run with exit code 1.
 * Flags: `--check-targets` prints the targets table (always printed) and exits 1 only on a
 * correctness mismatch, never on a missed time or memory target.
 * Env: BENCH_ROUNDS (default 7), BENCH_COLD_RUNS (fresh processes per cold-start measurement,
 * default 15), BENCH_RSS_PASSES (fresh processes per client for peak RSS, default 3),
 * BENCH_SKIP (comma-separated: generate, first, memory, rss, cold).
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { createClients, oursEntry } from './clients';
import { startEmulatorProcess } from './emulator-process';
import { coldStartReport, incumbentImportTarget, ourImportTarget } from './import-time';
import { interleaved, median, WrongOutputError } from './measure';
import { canMeasureLiveHeap } from './memory';
import { memoryReport } from './memory-report';
import {
  fixed,
  type PerChunk,
  perChunk,
  perChunkTable,
  perRoundRatio,
  type Spread,
  table,
  withRange,
} from './report';
import { rssReport } from './rss';
import { buildScenarios, type Scenario } from './streams';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const WARMUP = 2;
const RSS_PASSES = Number(process.env.BENCH_RSS_PASSES ?? 3);
const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const started = performance.now();
const progress = (message: string) =>
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0)}s] ${message}\n`);
const out = (text = '') => process.stdout.write(`${text}\n`);
const version = (name: string) =>
  (JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string })
    .version;

interface Target {
  name: string;
  value: string;
  met: boolean;
}
const targets: Target[] = [];
/** A target on a median, printed with its spread. */
const target = (name: string, spread: Spread, limit: number, digits = 2) =>
  targets.push({
    name,
    value: `${withRange(spread, digits)} (≤ ${limit})`,
    met: spread.median <= limit,
  });

const emulator = await startEmulatorProcess();
try {
  const scenarios = buildScenarios();
  const clients = createClients(emulator.baseURL);
  const find = (rows: PerChunk[], pkg: 'ours' | 'incumbent', way: string) =>
    rows.find((row) => row.client.pkg === pkg && row.client.way === way)!;

  out('## Machine');
  out();
  out(`- CPU: ${cpus()[0]?.model ?? 'unknown'}, ${availableParallelism()} cores available`);
  out(
    `- Node ${process.version}; ai ${version('ai')}; @openrouter/ai-sdk-provider ${version('@openrouter/ai-sdk-provider')}`,
  );
  out(
    `- load average at start: ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' / ')} (others' work on the machine skews all timings)`,
  );
  out(`- ai-sdk-openrouter under test: ${oursEntry}`);
  out(
    `- ${ROUNDS} measured rounds (+${WARMUP} warm-up) per workload, clients interleaved; medians, × floor as the median of per-round ratios (min–max)`,
  );
  out(
    `- heap: ${canMeasureLiveHeap ? 'live heap measured (--expose-gc)' : 'run with --expose-gc for live heap'}`,
  );

  const streams: Array<[Scenario, number]> = [
    [scenarios.text, 1.3],
    [scenarios.reasoning, 1.6],
    [scenarios.tools, 1.6],
  ];
  const summary: string[][] = [];
  const streamTextRatios: Array<[Scenario, Spread]> = [];
  for (const [scenario, limit] of streams) {
    progress(`${scenario.label}: ${scenario.chunks} chunks, ${scenario.body.length} bytes`);
    const rows = perChunk(
      await interleaved(clients.stream, scenario, ROUNDS, WARMUP),
      scenario.chunks,
    );
    out();
    out(
      `## ${scenario.label} (${scenario.chunks} chunks, ${(scenario.body.length / 1024).toFixed(0)} KB)`,
    );
    out();
    out(perChunkTable(rows));
    const floor = rows.find((row) => row.client.pkg === 'floor')!;
    const mine = find(rows, 'ours', 'doStream');
    const theirs = find(rows, 'incumbent', 'doStream');
    target(`${scenario.label}: doStream CPU × floor`, mine.cpuRatio, limit);
    const viaSdk = perRoundRatio(
      find(rows, 'ours', 'streamText').samples,
      find(rows, 'incumbent', 'streamText').samples,
      'cpuMs',
    );
    streamTextRatios.push([scenario, viaSdk]);
    summary.push([
      scenario.label,
      fixed(floor.cpuUs),
      withRange(mine.cpuRatio),
      fixed(mine.cpuOverheadUs.median),
      fixed(theirs.cpuOverheadUs.median),
      fixed(theirs.cpuOverheadUs.median / mine.cpuOverheadUs.median, 1),
    ]);
  }
  for (const [scenario, ratio] of streamTextRatios) {
    target(`${scenario.label}: streamText CPU, ours ÷ incumbent`, ratio, 1);
  }
  out();
  out('## Summary in the shape of the issue (CPU time per delta; medians of 7 rounds)');
  out();
  out(
    table(
      [
        'stream',
        'floor µs/δ',
        'ours × floor (min–max)',
        'ours +µs/δ',
        'incumbent +µs/δ',
        'incumbent ÷ ours',
      ],
      summary,
    ),
  );

  if (!skip.has('rss')) {
    const rss = await rssReport(
      emulator.baseURL,
      clients.stream,
      'tools',
      scenarios.tools.label,
      RSS_PASSES,
      progress,
    );
    out();
    out(rss.text);
    const peakOf = (pkg: string, way: string) =>
      [...rss.peaks].find(([client]) => client.pkg === pkg && client.way === way)![1];
    const floorPeak = peakOf('floor', 'floor');
    const ourPeak = peakOf('ours', 'doStream');
    for (const mode of ['first call', 'after a short call'] as const) {
      targets.push({
        name: `peak RSS over baseline on the tool stream (${mode}): doStream ÷ floor`,
        value: `${fixed(ourPeak[mode].median / floorPeak[mode].median)} (${fixed(ourPeak[mode].median, 1)} MB, ${fixed(ourPeak[mode].min, 1)}–${fixed(ourPeak[mode].max, 1)}, vs ${fixed(floorPeak[mode].median, 1)} MB) (≤ 2)`,
        met: ourPeak[mode].median <= 2 * floorPeak[mode].median,
      });
    }
  }

  if (!skip.has('generate')) {
    progress(scenarios.generate.label);
    const generateRows = perChunk(
      await interleaved(clients.generate, scenarios.generate, ROUNDS * 4, WARMUP * 2),
      1,
    );
    out();
    out(
      `## ${scenarios.generate.label} (${(scenarios.generate.body.length / 1024).toFixed(0)} KB): µs per call`,
    );
    out();
    out(perChunkTable(generateRows, 'call'));
  }

  if (!skip.has('first')) {
    progress('time to first part');
    const firstSamples = await interleaved(clients.stream, scenarios.short, ROUNDS * 4, WARMUP * 2);
    const firstMs = new Map(
      [...firstSamples].map(([client, runs]) => [
        client,
        median(runs.map((r) => r.firstContentMs)),
      ]),
    );
    const floorFirst = [...firstMs].find(([client]) => client.pkg === 'floor')![1];
    out();
    out(`## Time to first part: ${scenarios.short.label}, from the call to the first text delta`);
    out();
    out(
      table(
        ['client', 'ms', '× floor'],
        [...firstMs].map(([client, ms]) => [client.name, fixed(ms, 3), fixed(ms / floorFirst)]),
      ),
    );
  }

  if (!skip.has('memory')) {
    const memory = await memoryReport(clients.stream, scenarios, progress);
    out();
    out(memory.text);
    targets.push(...memory.targets);
  }

  if (!skip.has('cold')) {
    progress('cold start');
    const coldStart = coldStartReport(
      {
        'ai-sdk-openrouter': ourImportTarget(),
        '@openrouter/ai-sdk-provider': incumbentImportTarget,
      },
      Number(process.env.BENCH_COLD_RUNS ?? 15),
      progress,
    );
    out();
    out('## Cold start (bench/import-time.ts)');
    out();
    out(coldStart.text);
    targets.push(...coldStart.targets);
  }

  out();
  out('## Targets');
  out();
  out(
    table(
      ['target', 'value', 'met'],
      targets.map((t) => [t.name, t.value, t.met ? 'yes' : 'NO']),
    ),
  );
  out();
  out(
    `load average at end: ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' / ')}`,
  );
  progress(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  // Targets on time and memory are reported, never enforced: a loaded machine must not fail a
  // check. Only a wrong output (WrongOutputError below) makes the run fail.
} catch (error) {
  if (!(error instanceof WrongOutputError)) throw error;
  process.stderr.write(`WRONG OUTPUT: ${error.message}\n`);
  process.exitCode = 1;
} finally {
  emulator.stop();
}
