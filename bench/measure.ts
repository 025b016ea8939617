/**
 * Interleaved timing: every round runs every client once, in a rotated order, and each run's
 * content is checked against the scenario's expected content (a wrong client fails the run).
 */
import type { Client } from './clients';
import { CollectingSink } from './sink';
import type { Scenario } from './streams';

export interface Sample {
  wallMs: number;
  cpuMs: number;
  /** From the call to the first text / reasoning / tool part. */
  firstContentMs: number;
}

export class WrongOutputError extends Error {}

export async function runOnce(client: Client, scenario: Scenario): Promise<Sample> {
  // No forced gc() between runs: a full GC lets the maps of the previous run's (dead) chunk
  // objects be collected, so each run re-warms its inline caches and optimised code (measured:
  // ours 2.3 -> 8-10 µs per reasoning event). Interleaving spreads the GC cost fairly instead.
  const sink = new CollectingSink();
  const cpu = process.cpuUsage();
  const start = performance.now();
  await client.run(scenario, sink);
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const problem = sink.mismatch(scenario.expected, client.parsedToolInputs);
  if (problem) throw new WrongOutputError(`${client.name} on ${scenario.label}: ${problem}`);
  return {
    wallMs,
    cpuMs: (used.user + used.system) / 1000,
    firstContentMs: (sink.firstContentAt ?? Number.NaN) - start,
  };
}

export async function interleaved(
  clients: Client[],
  scenario: Scenario,
  rounds: number,
  warmup: number,
): Promise<Map<Client, Sample[]>> {
  const samples = new Map<Client, Sample[]>(clients.map((client) => [client, []]));
  for (let round = -warmup; round < rounds; round++) {
    const offset = ((round % clients.length) + clients.length) % clients.length;
    const order = [...clients.slice(offset), ...clients.slice(0, offset)];
    for (const client of order) {
      const sample = await runOnce(client, scenario);
      if (round >= 0) samples.get(client)!.push(sample);
    }
  }
  return samples;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
