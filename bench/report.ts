/** Turning samples into the printed (markdown) tables. */
import type { Client, Way } from './clients';
import { median, type Sample } from './measure';

export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}

export const fixed = (value: number, digits = 2) =>
  Number.isFinite(value) ? value.toFixed(digits) : 'n/a';

/** The median of some values and how far they spread. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  /** Interquartile range. */
  q1: number;
  q3: number;
}

function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

export function spreadOf(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: median(sorted),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
  };
}

/** `1.23 (1.10–1.40)`: the median and the min–max. */
export const withRange = (spread: Spread, digits = 2) =>
  `${fixed(spread.median, digits)} (${fixed(spread.min, digits)}–${fixed(spread.max, digits)})`;

/**
 * Per-round ratios `a[i] / b[i]` of two clients' samples (the same round ran both, close in time,
 * so the machine's load mostly cancels out), summarised.
 */
export function perRoundRatio(
  a: Array<Pick<Sample, 'cpuMs' | 'wallMs'>>,
  b: Array<Pick<Sample, 'cpuMs' | 'wallMs'>>,
  key: 'cpuMs' | 'wallMs',
): Spread {
  return spreadOf(a.map((sample, round) => sample[key] / b[round]![key]));
}

/** Per-chunk medians of one client on one scenario, and its per-round ratios to the floor. */
export interface PerChunk {
  client: Client;
  samples: Sample[];
  wallUs: number;
  cpuUs: number;
  /** CPU time ÷ the floor's, per round. */
  cpuRatio: Spread;
  wallRatio: Spread;
  /** CPU µs per chunk above the floor, per round. */
  cpuOverheadUs: Spread;
}

export function perChunk(samples: Map<Client, Sample[]>, chunks: number): PerChunk[] {
  const floor = [...samples].find(([client]) => client.pkg === 'floor')![1];
  return [...samples].map(([client, runs]) => ({
    client,
    samples: runs,
    wallUs: (median(runs.map((run) => run.wallMs)) * 1000) / chunks,
    cpuUs: (median(runs.map((run) => run.cpuMs)) * 1000) / chunks,
    cpuRatio: perRoundRatio(runs, floor, 'cpuMs'),
    wallRatio: perRoundRatio(runs, floor, 'wallMs'),
    cpuOverheadUs: spreadOf(
      runs.map((run, round) => ((run.cpuMs - floor[round]!.cpuMs) * 1000) / chunks),
    ),
  }));
}

/** The incumbent's row for the same way of calling (doStream vs doStream, ...). */
export function counterpart(rows: PerChunk[], way: Way): PerChunk | undefined {
  return rows.find((row) => row.client.pkg === 'incumbent' && row.client.way === way);
}

export function floorOf(rows: PerChunk[]): PerChunk {
  return rows.find((row) => row.client.pkg === 'floor')!;
}

/** The table for one scenario: medians per chunk (or call), ratios to the floor and the incumbent. */
export function perChunkTable(rows: PerChunk[], unit: 'chunk' | 'call' = 'chunk'): string {
  return table(
    [
      'client',
      `µs/${unit}`,
      `CPU µs/${unit}`,
      '× floor (wall)',
      'CPU × floor (min–max)',
      'CPU × incumbent',
      `CPU +µs/${unit}`,
      'incumbent +µs ÷ ours',
    ],
    rows.map((row) => {
      const rival = counterpart(rows, row.client.way);
      const isOurs = row.client.pkg === 'ours';
      const isFloor = row.client.pkg === 'floor';
      return [
        row.client.name,
        fixed(row.wallUs),
        fixed(row.cpuUs),
        isFloor ? '' : fixed(row.wallRatio.median),
        isFloor ? '' : withRange(row.cpuRatio),
        isOurs && rival ? withRange(perRoundRatio(row.samples, rival.samples, 'cpuMs')) : '',
        isFloor ? '' : fixed(row.cpuOverheadUs.median),
        isOurs && rival ? fixed(rival.cpuOverheadUs.median / row.cpuOverheadUs.median, 1) : '',
      ];
    }),
  );
}
