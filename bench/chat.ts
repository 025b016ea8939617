/**
 * `npm run bench` (or `npm run bench chat`; see bench/run.ts): this package against
 * the raw-parse floor and against `@openrouter/ai-sdk-provider`, over real HTTP from the emulator
 * (in a child process, serving pre-serialised responses on loopback). Clients alternate within
 * every round; medians of the rounds; every run's content is checked (exit 1 when wrong).
 * Flags: `--check-targets` exits 2 when a target is missed. Env: BENCH_ROUNDS (default 7),
 * BENCH_COLD_RUNS (fresh processes per cold-start measurement, default 15).
 * Our code is imported from src/ (through tsx, as built); the cold-start test uses dist/.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { createClients } from './clients';
import { startEmulatorProcess } from './emulator-process';
import { coldStartReport, incumbentImportTarget, ourImportTarget } from './import-time';
import { interleaved, median, WrongOutputError } from './measure';
import { canMeasureLiveHeap } from './memory';
import { memoryReport } from './memory-report';
import { fixed, floorOf, type PerChunk, perChunk, perChunkTable, table } from './report';
import { buildScenarios, type Scenario } from './streams';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const WARMUP = 2;
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
const target = (name: string, value: number, limit: number, atMost: boolean, digits = 2) =>
  targets.push({
    name,
    value: `${fixed(value, digits)} (${atMost ? '≤' : '≥'} ${limit})`,
    met: atMost ? value <= limit : value >= limit,
  });

const emulator = await startEmulatorProcess();
try {
  const scenarios = buildScenarios();
  const clients = createClients(emulator.baseURL);
  const ours = (rows: PerChunk[]) =>
    rows.find((row) => row.client.pkg === 'ours' && row.client.way === 'doStream')!;
  const incumbent = (rows: PerChunk[]) =>
    rows.find((row) => row.client.pkg === 'incumbent' && row.client.way === 'doStream')!;

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
  out(`- ai-sdk-openrouter under test: ${process.env.BENCH_OURS_ENTRY ?? 'src/ through tsx'}`);
  out(
    `- ${ROUNDS} measured rounds (+${WARMUP} warm-up) per workload, clients interleaved; medians`,
  );
  out(
    `- heap: ${canMeasureLiveHeap ? 'live heap measured (--expose-gc)' : 'run with --expose-gc for live heap'}`,
  );

  const streams: Array<[Scenario, number]> = [
    [scenarios.text, 1.5],
    [scenarios.reasoning, 2],
    [scenarios.tools, 2],
  ];
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
    const floor = floorOf(rows);
    const mine = ours(rows);
    const theirs = incumbent(rows);
    target(`${scenario.label}: doStream wall × floor`, mine.wallUs / floor.wallUs, limit, true);
    target(`${scenario.label}: doStream CPU × floor`, mine.cpuUs / floor.cpuUs, limit, true);
    target(
      `${scenario.label}: incumbent overhead ÷ ours (doStream)`,
      (theirs.wallUs - floor.wallUs) / (mine.wallUs - floor.wallUs),
      5,
      false,
      1,
    );
  }

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

  progress('time to first part');
  const firstSamples = await interleaved(clients.stream, scenarios.short, ROUNDS * 4, WARMUP * 2);
  const firstMs = new Map(
    [...firstSamples].map(([client, runs]) => [client, median(runs.map((r) => r.firstContentMs))]),
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

  const memory = await memoryReport(clients.stream, scenarios, progress);
  out();
  out(memory.text);
  targets.push(...memory.targets);

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
  if (process.argv.includes('--check-targets') && targets.some((t) => !t.met)) {
    process.exitCode = 2;
  }
} catch (error) {
  if (!(error instanceof WrongOutputError)) throw error;
  process.stderr.write(`WRONG OUTPUT: ${error.message}\n`);
  process.exitCode = 1;
} finally {
  emulator.stop();
}
