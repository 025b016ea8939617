/**
 * Heap during a stream, above the heap before the call (needs `--expose-gc`):
 * - live: every `liveEvery` parts (4,000, or an eighth of a long stream) and at the `finish`
 *   part, a full GC, then `heapUsed`; the highest.
 *   What the pipeline retains (accumulated reasoning, tool arguments, buffers): it must grow with
 *   the content, not with the number of chunks. (Sampling mid-stream matters: some accumulations
 *   are flattened or dropped when the calls are finalised, before `finish`.)
 * - peak: `heapUsed` every 64 parts: retained + at most `liveEvery` parts' worth of garbage (without
 *   the forced GCs this would mostly measure the size of V8's young generation).
 * The probe keeps no content itself, so the numbers are the client's.
 */
import type { Client } from './clients';
import { median, WrongOutputError } from './measure';
import type { Sink } from './sink';
import type { Scenario } from './streams';

const gc = (globalThis as { gc?: () => void }).gc;
export const canMeasureLiveHeap = gc !== undefined;

class MemoryProbe implements Sink {
  constructor(private readonly liveEvery: number) {}
  private parts = 0;
  peak = 0;
  live = 0;
  chars = 0;

  part(): void {
    this.parts++;
    if (this.parts % 64 === 0) this.peak = Math.max(this.peak, process.memoryUsage().heapUsed);
    if (this.parts % this.liveEvery === 0) this.sampleLive();
  }
  private sampleLive(): void {
    if (!gc) return;
    gc();
    this.live = Math.max(this.live, process.memoryUsage().heapUsed);
  }
  text(delta: string): void {
    this.chars += delta.length;
  }
  reasoning(delta: string): void {
    this.chars += delta.length;
  }
  tool(_name: string, input: string): void {
    this.chars += input.length;
  }
  finish(): void {
    this.peak = Math.max(this.peak, process.memoryUsage().heapUsed);
    this.sampleLive();
  }
}

export async function measureMemory(
  client: Client,
  scenario: Scenario,
): Promise<{ peakMB: number; liveMB: number }> {
  // Let the previous run's pending callbacks settle, so its objects are garbage by now.
  await new Promise((resolve) => setTimeout(resolve, 5));
  gc?.();
  gc?.();
  const baseline = process.memoryUsage().heapUsed;
  const probe = new MemoryProbe(Math.max(4_000, Math.ceil(scenario.chunks / 8)));
  await client.run(scenario, probe);
  const expected =
    scenario.expected.text.length +
    scenario.expected.reasoning.length +
    scenario.expected.tools.reduce((n, call) => n + call.input.length, 0);
  // Parsed tool inputs are re-serialised: only check the count where it is exact.
  if (!client.parsedToolInputs && probe.chars !== expected) {
    throw new WrongOutputError(`${client.name}: read ${probe.chars} chars instead of ${expected}`);
  }
  const mb = (bytes: number) => (bytes - baseline) / 2 ** 20;
  return { peakMB: mb(probe.peak), liveMB: canMeasureLiveHeap ? mb(probe.live) : Number.NaN };
}

/**
 * Several passes: the median peak, and the lowest live heap (the heap's noise between runs,
 * about ±150 KB of compiled code and connection buffers, only ever adds).
 */
export async function repeatedMemory(client: Client, scenario: Scenario, passes: number) {
  const results = [];
  for (let pass = 0; pass < passes; pass++) results.push(await measureMemory(client, scenario));
  return {
    peakMB: median(results.map((result) => result.peakMB)),
    liveMB: Math.min(...results.map((result) => result.liveMB)),
  };
}
