/**
 * Memory load test (part of `npm run test:load`), run under a 256 MB heap:
 *   node --max-old-space-size=256 --expose-gc --import tsx test/load/memory.ts
 *
 * A hostile server in a child process (`memory-server.ts`) offers, with the provider's default
 * limits (16 MB per event, 64 MB per body):
 *   1. `streamText` on an event stream whose `data:` line never ends (GBs on offer);
 *   2. `streamText` on a gzip event stream of 1 MB that decompresses to one 1 GB line;
 *   3. `generateText` on a JSON body that never ends;
 *   4. `generateText` on a gzip JSON body of 1 MB that decompresses to 1 GB.
 * Asserts for each: the call ends with the non-retryable APICallError naming its limit (for
 * streams: an error part, then `finish`, the text before the fault kept), the server saw the
 * connection closed early having sent a bounded amount, the process's RSS stayed within
 * RSS_GROWTH_LIMIT_MB of its baseline, and once collected (the results still referenced) the heap
 * is back within HEAP_KEPT_LIMIT_MB of its baseline: nothing of the oversized data is kept.
 * Without the limits the first scenario exhausts the 256 MB heap and the process dies.
 * Prints a summary and a `MEMORY_SUMMARY {json}` line; exits 1 on any failed check.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { APICallError } from '@ai-sdk/provider';
import { generateText, streamText } from 'ai';
import { createOpenRouter } from '../../src/index';

const MB = 1024 * 1024;
const RSS_GROWTH_LIMIT_MB = 192;
const HEAP_KEPT_LIMIT_MB = 8;
const SCENARIO_BUDGET_MS = 60_000;
const WATCHDOG_MS = 240_000;

(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;
const gc = (globalThis as { gc?: () => void }).gc;
const failures: string[] = [];
const unhandled: unknown[] = [];
process.on('unhandledRejection', (reason) => {
  unhandled.push(reason);
});
const watchdog = setTimeout(() => {
  console.error(`memory test: watchdog fired after ${WATCHDOG_MS / 1000} s`);
  process.exit(2);
}, WATCHDOG_MS);
watchdog.unref();

async function startServer(): Promise<{ origin: string; child: ChildProcess; banner: string }> {
  const script = fileURLToPath(new URL('./memory-server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error('the server process did not start')), 30_000);
    child.once('exit', (code) => reject(new Error(`the server process exited (${code})`)));
    child.stdout!.on('data', (data: Buffer) => {
      output += data.toString();
      const match = /READY (\S+)(.*)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ origin: match[1]!, child, banner: match[2]!.trim() });
      }
    });
  });
}

async function collectedHeap(): Promise<number> {
  for (let i = 0; i < 4; i++) {
    gc?.();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
}

/** Samples RSS every 10 ms while `run` is in flight; returns its result and the peak. */
async function withPeakRss<T>(run: () => Promise<T>): Promise<{ value: T; peakRss: number }> {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 10);
  try {
    const value = await run();
    return { value, peakRss: Math.max(peakRss, process.memoryUsage().rss) };
  } finally {
    clearInterval(sampler);
  }
}

interface Outcome {
  error: unknown;
  text?: string;
  lastPart?: string;
  /** Keeps the result referenced until the heap has been measured. */
  keep: unknown;
}

const server = await startServer();
const toMb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;
const modelFor = (scenario: string) =>
  createOpenRouter({ apiKey: 'sk-or-v1-memory', baseURL: `${server.origin}/${scenario}` })(
    'openai/gpt-4o',
  );

async function streamScenario(scenario: string): Promise<Outcome> {
  const errors: unknown[] = [];
  const result = streamText({
    model: modelFor(scenario),
    prompt: 'hi',
    onError: ({ error }) => void errors.push(error),
  });
  const types: string[] = [];
  for await (const part of result.stream) types.push(part.type);
  return { error: errors[0], text: await result.text, lastPart: types.at(-1), keep: result };
}

async function generateScenario(scenario: string): Promise<Outcome> {
  try {
    const result = await generateText({ model: modelFor(scenario), prompt: 'hi' });
    return { error: undefined, text: result.text, keep: result };
  } catch (error) {
    return { error, keep: error };
  }
}

const scenarios: Array<{
  name: string;
  what: string;
  run: (scenario: string) => Promise<Outcome>;
  setting: string;
  stream: boolean;
}> = [
  {
    name: 'endless-line',
    what: 'streamText, endless data line',
    run: streamScenario,
    setting: 'limits.maxEventBytes',
    stream: true,
  },
  {
    name: 'stream-bomb',
    what: 'streamText, gzip bomb in one line',
    run: streamScenario,
    setting: 'limits.maxEventBytes',
    stream: true,
  },
  {
    name: 'endless-json',
    what: 'generateText, endless JSON body',
    run: generateScenario,
    setting: 'limits.maxResponseBytes',
    stream: false,
  },
  {
    name: 'json-bomb',
    what: 'generateText, gzip bomb JSON body',
    run: generateScenario,
    setting: 'limits.maxResponseBytes',
    stream: false,
  },
];

// Warm-up: load every code path a call takes, so the heap comparison sees only what a call keeps.
for (let i = 0; i < 3; i++) {
  const streamed = streamText({ model: modelFor('ok'), prompt: 'hi' });
  const warm = [
    await streamed.text,
    (await generateText({ model: modelFor('ok'), prompt: 'hi' })).text,
  ];
  if (warm.join() !== 'ok,ok') failures.push(`warm-up calls failed: ${warm.join()}`);
}

const results: Record<string, unknown>[] = [];
const baselineRss = process.memoryUsage().rss;
for (const scenario of scenarios) {
  const heapBefore = await collectedHeap();
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const budget = new Promise<never>((_, reject) =>
    setTimeout(
      () => reject(new Error(`no end within ${SCENARIO_BUDGET_MS} ms`)),
      SCENARIO_BUDGET_MS,
    ).unref(),
  );
  let outcome: Outcome;
  let peakRss: number;
  try {
    ({ value: outcome, peakRss } = await Promise.race([
      withPeakRss(() => scenario.run(scenario.name)),
      budget,
    ]));
  } catch (error) {
    failures.push(`${scenario.name}: ${String(error)}`);
    continue;
  }
  const durationMs = Math.round(performance.now() - started);
  await new Promise((resolve) => setTimeout(resolve, 100)); // let the server see the close
  const heapAfter = await collectedHeap();
  const stats = (await (await fetch(`${server.origin}/stats`)).json()) as Record<
    string,
    { bytesWritten: number; closedEarly: boolean }
  >;
  const served = stats[scenario.name];
  const error = outcome.error;
  const problems: string[] = [];
  if (!APICallError.isInstance(error))
    problems.push(`expected an APICallError, got ${String(error)}`);
  else {
    if (error.isRetryable) problems.push('the error is retryable');
    if (!error.message.includes(scenario.setting))
      problems.push(`the message does not name ${scenario.setting}: ${error.message}`);
  }
  if (scenario.stream) {
    if (outcome.lastPart !== 'finish')
      problems.push(`the stream ended with ${outcome.lastPart}, not finish`);
    if (outcome.text !== 'Before. ')
      problems.push(`the text before the fault was not kept: ${JSON.stringify(outcome.text)}`);
  }
  if (!served?.closedEarly) problems.push('the server did not see the connection closed early');
  const rssGrowth = peakRss - Math.min(baselineRss, rssBefore);
  if (rssGrowth > RSS_GROWTH_LIMIT_MB * MB)
    problems.push(`RSS grew ${toMb(rssGrowth)} MB (limit ${RSS_GROWTH_LIMIT_MB})`);
  const heapKept = heapAfter - heapBefore;
  if (gc && heapKept > HEAP_KEPT_LIMIT_MB * MB)
    problems.push(`${toMb(heapKept)} MB of heap kept after GC (limit ${HEAP_KEPT_LIMIT_MB})`);
  for (const problem of problems) failures.push(`${scenario.name}: ${problem}`);
  results.push({
    scenario: scenario.name,
    what: scenario.what,
    durationMs,
    error: APICallError.isInstance(error) ? error.message.slice(0, 90) : String(error),
    serverBytesWritten: served?.bytesWritten,
    serverSawEarlyClose: served?.closedEarly,
    peakRssMb: toMb(peakRss),
    rssGrowthMb: toMb(rssGrowth),
    heapKeptAfterGcMb: toMb(heapKept),
    ok: problems.length === 0,
  });
  void outcome.keep; // referenced until here
}

server.child.stdin?.end();
if (!gc) failures.push('run with --expose-gc: the heap check needs a forced GC');
if (unhandled.length > 0)
  failures.push(`${unhandled.length} unhandled rejections: ${String(unhandled[0])}`);

const heapLimitMb = Math.round((await import('node:v8')).getHeapStatistics().heap_size_limit / MB);
console.log(
  `\nMemory test (hostile server on loopback; heap limit ${heapLimitMb} MB; ${server.banner})`,
);
console.log(`  node ${process.version}, baseline RSS ${toMb(baselineRss)} MB`);
for (const result of results) {
  console.log(
    `  ${result.ok ? 'ok  ' : 'FAIL'} ${result.what}: ${result.durationMs} ms; server wrote ${toMb(Number(result.serverBytesWritten))} MB before the client closed; peak RSS ${result.peakRssMb} MB (+${result.rssGrowthMb}); heap kept after GC ${result.heapKeptAfterGcMb} MB`,
  );
}
console.log(failures.length === 0 ? '  PASS' : `  FAIL\n    - ${failures.join('\n    - ')}`);
console.log(
  `MEMORY_SUMMARY ${JSON.stringify({ heapLimitMb, baselineRssMb: toMb(baselineRss), results, failures })}`,
);
process.exitCode = failures.length === 0 ? 0 : 1;
