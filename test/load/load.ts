/**
 * Load test (not part of `npm test`): `npm run test:load`, i.e.
 *   node --expose-gc --import tsx test/load/load.ts
 *
 * Loopback only, against one OpenRouter emulator running in a child process (`load-emulator.ts`,
 * so it has its own core and the heap figures measure the client side only):
 *   1. 500 concurrent `streamText` calls, each with its own marker that the emulator echoes
 *      into the answer (split into fragments, written in pieces), so a mixed-up stream is caught;
 *   2. 5,000 sequential calls, alternating `generateText` and `streamText`, all sharing one
 *      long-lived AbortSignal (as an app-wide shutdown signal would).
 * Asserts: no failed, mixed-up or unfinished streams; no unhandled rejections; no process
 * warnings (e.g. MaxListenersExceeded); heap roughly flat after GC. Prints a summary (counts,
 * durations, p50/p95/p99 latency, heap before/after/peak) and exits 1 on any failure.
 * Bounded: each stage has a time budget, and a watchdog ends the run after 170 s.
 *
 * Options (env): LOAD_CONCURRENT (default 500), LOAD_SEQUENTIAL (default 5000).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { getEventListeners } from 'node:events';
import { fileURLToPath } from 'node:url';
import { generateText, streamText } from 'ai';
import { createOpenRouter } from '../../src/index';

const CONCURRENT = Number(process.env.LOAD_CONCURRENT ?? 500);
const SEQUENTIAL = Number(process.env.LOAD_SEQUENTIAL ?? 5000);
const STAGE_BUDGET_MS = 75_000;
const WATCHDOG_MS = 170_000;
/** Heap growth allowed between the warmed-up baseline and the end (after GC). */
const HEAP_GROWTH_LIMIT_MB = 32;
/** Heap growth allowed over the last 80% of the sequential stage (after GC): the leak slope. */
const HEAP_SLOPE_LIMIT_MB = 12;
/** Abort listeners allowed on the shared signal at any point of the sequential stage. */
const MAX_SHARED_SIGNAL_LISTENERS = 50;

(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

const gc = (globalThis as { gc?: () => void }).gc;
const failures: string[] = [];
const unhandled: unknown[] = [];
/** Process warnings by name: how many, and the first message. */
const warnings = new Map<string, { count: number; first: string }>();
process.on('unhandledRejection', (reason) => {
  unhandled.push(reason);
});
process.on('warning', (warning) => {
  const entry = warnings.get(warning.name) ?? { count: 0, first: warning.message };
  entry.count++;
  warnings.set(warning.name, entry);
});

const watchdog = setTimeout(() => {
  console.error(`load test: watchdog fired after ${WATCHDOG_MS / 1000} s; aborting the run`);
  process.exit(2);
}, WATCHDOG_MS);
watchdog.unref();

const MB = 1024 * 1024;
const heap = { baseline: 0, afterConcurrent: 0, sequentialEarly: 0, final: 0, peak: 0 };

function heapUsed(): number {
  const used = process.memoryUsage().heapUsed;
  if (used > heap.peak) heap.peak = used;
  return used;
}

async function collectedHeap(): Promise<number> {
  if (gc) {
    for (let i = 0; i < 3; i++) {
      gc();
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return process.memoryUsage().heapUsed;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function latencySummary(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const expectedText = (marker: string) => `Echo ${marker} ok`;

// ---------------------------------------------------------------------------------------------
// The emulator process
// ---------------------------------------------------------------------------------------------

async function startEmulatorProcess(): Promise<{ baseURL: string; child: ChildProcess }> {
  const script = fileURLToPath(new URL('./load-emulator.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const baseURL = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error('the emulator process did not start')), 20_000);
    child.once('exit', (code) => reject(new Error(`the emulator process exited (${code})`)));
    child.stdout!.on('data', (data: Buffer) => {
      output += data.toString();
      const match = /READY (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  return { baseURL, child };
}

async function emulatorStats(baseURL: string): Promise<{ chat: number; closedEarly: number }> {
  // A GET on a pooled keep-alive socket can meet the server closing that idle socket at the same
  // moment ("other side closed"); the request is idempotent, so one more try on a fresh socket.
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(`${baseURL}/load-stats`, {
        headers: { authorization: 'Bearer sk-or-v1-load-test' },
      });
      return (await response.json()) as { chat: number; closedEarly: number };
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// One call
// ---------------------------------------------------------------------------------------------

interface CallResult {
  ok: boolean;
  latencyMs: number;
  problem?: string;
}

type Model = ReturnType<ReturnType<typeof createOpenRouter>>;

async function streamCall(model: Model, marker: string, signal?: AbortSignal): Promise<CallResult> {
  const started = performance.now();
  try {
    const result = streamText({
      model,
      prompt: `Please echo ${marker}`,
      abortSignal: signal,
      maxRetries: 0,
    });
    const types: string[] = [];
    let text = '';
    for await (const part of result.stream) {
      types.push(part.type);
      if (part.type === 'text-delta') text += part.text;
      if (part.type === 'error') {
        return {
          ok: false,
          latencyMs: performance.now() - started,
          problem: `error part: ${String(part.error)}`,
        };
      }
    }
    const latencyMs = performance.now() - started;
    if (types.at(-1) !== 'finish') {
      return { ok: false, latencyMs, problem: `stream ended with ${types.at(-1)}` };
    }
    if (text !== expectedText(marker)) {
      return {
        ok: false,
        latencyMs,
        problem: `mixed-up text for ${marker}: ${JSON.stringify(text)}`,
      };
    }
    const finishReason = await result.finishReason;
    if (finishReason !== 'stop') return { ok: false, latencyMs, problem: `finish ${finishReason}` };
    return { ok: true, latencyMs };
  } catch (error) {
    return { ok: false, latencyMs: performance.now() - started, problem: `threw ${String(error)}` };
  }
}

async function generateCall(
  model: Model,
  marker: string,
  signal?: AbortSignal,
): Promise<CallResult> {
  const started = performance.now();
  try {
    const result = await generateText({
      model,
      prompt: `Please echo ${marker}`,
      abortSignal: signal,
      maxRetries: 0,
    });
    const latencyMs = performance.now() - started;
    if (result.text !== expectedText(marker)) {
      return {
        ok: false,
        latencyMs,
        problem: `mixed-up text for ${marker}: ${JSON.stringify(result.text)}`,
      };
    }
    if (result.finishReason !== 'stop') {
      return { ok: false, latencyMs, problem: `finish ${result.finishReason}` };
    }
    return { ok: true, latencyMs };
  } catch (error) {
    return { ok: false, latencyMs: performance.now() - started, problem: `threw ${String(error)}` };
  }
}

function tally(name: string, results: CallResult[], expected: number) {
  const failed = results.filter((result) => !result.ok);
  for (const result of failed.slice(0, 5)) failures.push(`${name}: ${result.problem}`);
  if (failed.length > 5) failures.push(`${name}: ... and ${failed.length - 5} more failures`);
  if (results.length !== expected) {
    failures.push(`${name}: only ${results.length} of ${expected} calls ran within the budget`);
  }
  return {
    calls: results.length,
    failed: failed.length,
    latencyMs: latencySummary(results.map((r) => r.latencyMs)),
  };
}

// ---------------------------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------------------------

const run = Math.random().toString(36).slice(2, 8);
const emulator = await startEmulatorProcess();
const model = createOpenRouter({ apiKey: 'sk-or-v1-load-test', baseURL: emulator.baseURL })(
  'openai/gpt-4o',
);
const summary: Record<string, unknown> = {
  node: process.version,
  gcExposed: gc !== undefined,
  concurrent: CONCURRENT,
  sequential: SEQUENTIAL,
};

try {
  // Warm-up (JIT, module state, connection pool), then the heap baseline.
  for (let i = 0; i < 50; i++) {
    const marker = `marker-${run}-warm-${i}`;
    const result = await (i % 2 ? generateCall(model, marker) : streamCall(model, marker));
    if (!result.ok) failures.push(`warm-up: ${result.problem}`);
  }
  const warmStats = await emulatorStats(emulator.baseURL);
  heap.baseline = await collectedHeap();
  heap.peak = heap.baseline;

  // Stage 1: concurrent streams.
  const concurrentStart = performance.now();
  const sampler = setInterval(heapUsed, 25);
  const concurrentResults = await Promise.race([
    Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        streamCall(model, `marker-${run}-c${i}-${hash(`${run}${i}`).toString(36)}`),
      ),
    ),
    new Promise<CallResult[]>((resolve) => setTimeout(() => resolve([]), STAGE_BUDGET_MS).unref()),
  ]);
  clearInterval(sampler);
  const concurrentMs = performance.now() - concurrentStart;
  const concurrentStats = await emulatorStats(emulator.baseURL);
  const requestsSeen = concurrentStats.chat - warmStats.chat;
  if (requestsSeen !== CONCURRENT) {
    failures.push(`concurrent: the emulator saw ${requestsSeen} requests, expected ${CONCURRENT}`);
  }
  summary.concurrentStage = {
    ...tally('concurrent', concurrentResults, CONCURRENT),
    durationMs: Math.round(concurrentMs),
  };
  heap.afterConcurrent = await collectedHeap();

  // Stage 2: sequential calls, one long-lived signal.
  const shared = new AbortController();
  let maxListeners = 0;
  const sequentialResults: CallResult[] = [];
  const sequentialStart = performance.now();
  const heapSamples: Array<[number, number]> = [];
  for (let i = 0; i < SEQUENTIAL; i++) {
    if (performance.now() - sequentialStart > STAGE_BUDGET_MS) break;
    const marker = `marker-${run}-s${i}`;
    const call = i % 2 === 0 ? streamCall : generateCall;
    sequentialResults.push(await call(model, marker, shared.signal));
    maxListeners = Math.max(maxListeners, getEventListeners(shared.signal, 'abort').length);
    if (i % 100 === 99) {
      heapSamples.push([i + 1, Math.round((heapUsed() / MB) * 10) / 10]);
    }
    if (i === Math.floor(SEQUENTIAL / 5)) heap.sequentialEarly = await collectedHeap();
  }
  const sequentialMs = performance.now() - sequentialStart;
  summary.sequentialStage = {
    ...tally('sequential', sequentialResults, SEQUENTIAL),
    durationMs: Math.round(sequentialMs),
    callsPerSecond: Math.round((sequentialResults.length / sequentialMs) * 1000),
    sharedSignalMaxAbortListeners: maxListeners,
    sharedSignalAbortListenersAfterGc: 0,
    heapUsedMbEvery500: heapSamples.filter(([n]) => n % 500 === 0).map(([n, mb]) => `${n}:${mb}`),
  };
  heap.final = await collectedHeap();
  const finalStats = await emulatorStats(emulator.baseURL);
  const served = finalStats.chat - concurrentStats.chat;
  if (served !== sequentialResults.length) {
    failures.push(
      `sequential: the emulator saw ${served} requests, expected ${sequentialResults.length}`,
    );
  }
  if (finalStats.closedEarly > 0) {
    failures.push(`${finalStats.closedEarly} connections were closed before the response ended`);
  }
  summary.emulator = finalStats;
  (summary.sequentialStage as Record<string, unknown>).sharedSignalAbortListenersAfterGc =
    getEventListeners(shared.signal, 'abort').length;
} finally {
  const exited = new Promise((resolve) => emulator.child.once('exit', resolve));
  emulator.child.stdin?.end();
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
  if (emulator.child.exitCode === null) emulator.child.kill();
}

// ---------------------------------------------------------------------------------------------
// Verdict
// ---------------------------------------------------------------------------------------------

await new Promise((resolve) => setTimeout(resolve, 50));
const toMb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;
summary.heapMb = {
  baseline: toMb(heap.baseline),
  afterConcurrent: toMb(heap.afterConcurrent),
  sequentialAfter20Percent: toMb(heap.sequentialEarly),
  final: toMb(heap.final),
  peak: toMb(heap.peak),
  growth: toMb(heap.final - heap.baseline),
  slopeOverLast80Percent: toMb(heap.final - heap.sequentialEarly),
};
summary.unhandledRejections = unhandled.length;
summary.processWarnings = Object.fromEntries(warnings);

if (!gc) failures.push('run with --expose-gc: heap figures need a forced GC');
if (unhandled.length > 0)
  failures.push(`${unhandled.length} unhandled rejections: ${String(unhandled[0])}`);
for (const [name, { count, first }] of warnings) {
  failures.push(`${count} process warning(s) ${name}; the first: ${first}`);
}
if (gc && heap.final - heap.baseline > HEAP_GROWTH_LIMIT_MB * MB) {
  failures.push(`heap grew ${toMb(heap.final - heap.baseline)} MB (limit ${HEAP_GROWTH_LIMIT_MB})`);
}
if (gc && heap.final - heap.sequentialEarly > HEAP_SLOPE_LIMIT_MB * MB) {
  failures.push(
    `heap grew ${toMb(heap.final - heap.sequentialEarly)} MB over the last 80% of the sequential calls (limit ${HEAP_SLOPE_LIMIT_MB})`,
  );
}
// Calls are sequential: a call that cleans up after itself leaves at most the one in flight.
const maxListeners = (
  summary.sequentialStage as { sharedSignalMaxAbortListeners?: number } | undefined
)?.sharedSignalMaxAbortListeners;
if (maxListeners !== undefined && maxListeners > MAX_SHARED_SIGNAL_LISTENERS) {
  failures.push(
    `abort listeners piled up on the shared signal: ${maxListeners} at most (limit ${MAX_SHARED_SIGNAL_LISTENERS}); only GC releases them (undici's Request keeps one per call)`,
  );
}
const afterGc = (
  summary.sequentialStage as { sharedSignalAbortListenersAfterGc?: number } | undefined
)?.sharedSignalAbortListenersAfterGc;
if (afterGc !== undefined && afterGc > 0) {
  failures.push(`${afterGc} abort listeners left on the shared signal after GC`);
}
summary.failures = failures;

const stage1 = summary.concurrentStage as ReturnType<typeof tally> & { durationMs: number };
const stage2 = summary.sequentialStage as
  | (ReturnType<typeof tally> & {
      durationMs: number;
      callsPerSecond: number;
      sharedSignalMaxAbortListeners: number;
    })
  | undefined;
const heapMb = summary.heapMb as Record<string, number>;
console.log('\nLoad test (loopback, OpenRouter emulator)');
console.log(`  node ${process.version}, gc exposed: ${gc !== undefined}`);
console.log(
  `  concurrent streamText: ${stage1.calls - stage1.failed}/${CONCURRENT} ok in ${stage1.durationMs} ms; latency p50 ${stage1.latencyMs.p50} ms, p95 ${stage1.latencyMs.p95} ms, p99 ${stage1.latencyMs.p99} ms, max ${stage1.latencyMs.max} ms`,
);
if (stage2) {
  console.log(
    `  sequential generate/stream: ${stage2.calls - stage2.failed}/${SEQUENTIAL} ok in ${stage2.durationMs} ms (${stage2.callsPerSecond}/s); latency p50 ${stage2.latencyMs.p50} ms, p95 ${stage2.latencyMs.p95} ms, p99 ${stage2.latencyMs.p99} ms, max ${stage2.latencyMs.max} ms`,
  );
  console.log(
    `  shared AbortSignal: at most ${stage2.sharedSignalMaxAbortListeners} abort listeners (undici, released on GC), ${afterGc} after GC`,
  );
}
console.log(
  `  heap used (MB): baseline ${heapMb.baseline}, after concurrent ${heapMb.afterConcurrent}, final ${heapMb.final}, peak ${heapMb.peak}; growth ${heapMb.growth}, slope over last 80% ${heapMb.slopeOverLast80Percent}`,
);
console.log(
  `  unhandled rejections: ${unhandled.length}; process warnings: ${[...warnings.values()].reduce((n, w) => n + w.count, 0)}`,
);
console.log(failures.length === 0 ? '  PASS' : `  FAIL\n    - ${failures.join('\n    - ')}`);
console.log(`LOAD_SUMMARY ${JSON.stringify(summary)}`);
process.exitCode = failures.length === 0 ? 0 : 1;
