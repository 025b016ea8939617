/**
 * The memory part of the run: heap during each workload for every client, and whether the
 * live heap is bounded by the content (same content, 10× the chunks: nothing more retained).
 */
import type { Client } from './clients';
import { canMeasureLiveHeap, measureMemory, repeatedMemory } from './memory';
import { fixed, table } from './report';
import type { Scenario, Scenarios } from './streams';

export interface MemoryTarget {
  name: string;
  value: string;
  met: boolean;
}

/** A pipeline that keeps nothing per chunk retains less than this per extra chunk (noise ±3 B). */
const BYTES_PER_CHUNK_LIMIT = 16;

export async function memoryReport(
  clients: Client[],
  scenarios: Scenarios,
  progress: (message: string) => void,
): Promise<{ text: string; targets: MemoryTarget[] }> {
  const workloads = [scenarios.text, scenarios.reasoning, scenarios.tools];
  const heapRows: string[][] = [];
  for (const client of clients) {
    progress(`memory: ${client.name}`);
    const cells: string[] = [];
    for (const scenario of workloads) {
      const result = await measureMemory(client, scenario);
      cells.push(`${fixed(result.peakMB, 1)} / ${fixed(result.liveMB)}`);
    }
    heapRows.push([client.name, ...cells]);
  }

  // Only the cheap clients: a 100,000-chunk pass of the incumbent or streamText takes seconds.
  const pairs: Array<[string, Scenario, Scenario]> = [
    ['text', scenarios.textHuge, scenarios.textHugeCoarse],
    ['reasoning', scenarios.reasoningHuge, scenarios.reasoningHugeCoarse],
    ['tool arguments', scenarios.toolsHuge, scenarios.toolsHugeCoarse],
  ];
  const targets: MemoryTarget[] = [];
  const boundRows: string[][] = [];
  for (const client of clients.filter((c) => c.pkg === 'floor' || c.way === 'doStream')) {
    if (client.pkg === 'incumbent') continue;
    progress(`memory, 100,000 chunks: ${client.name}`);
    const cells: string[] = [];
    for (const [kind, many, few] of pairs) {
      const fine = await repeatedMemory(client, many, 2);
      const coarse = await repeatedMemory(client, few, 2);
      const perChunk = ((fine.liveMB - coarse.liveMB) * 2 ** 20) / (many.chunks - few.chunks);
      cells.push(`${fixed(fine.liveMB)} / ${fixed(coarse.liveMB)} → ${fixed(perChunk, 1)} B`);
      if (client.pkg === 'ours' && canMeasureLiveHeap) {
        targets.push({
          name: `doStream live heap bounded by content (${kind}): bytes retained per extra chunk`,
          value: `${fixed(perChunk, 1)} B (≤ ${BYTES_PER_CHUNK_LIMIT})`,
          met: perChunk <= BYTES_PER_CHUNK_LIMIT,
        });
      }
    }
    boundRows.push([client.name, ...cells]);
  }

  const text = [
    '## Heap during a stream, MB above the heap before the call: peak (garbage included) / live (after a full GC)',
    '',
    table(
      ['client', ...workloads.map((scenario) => `${scenario.label} (${scenario.chunks} chunks)`)],
      heapRows,
    ),
    '',
    '## Bounded by content? Live MB with ~100,000 chunks / the same content in ~10,000 → bytes retained per extra chunk',
    '',
    table(
      ['client', ...pairs.map(([kind, many, few]) => `${kind} (${many.chunks} / ${few.chunks})`)],
      boundRows,
    ),
  ].join('\n');
  return { text, targets };
}
