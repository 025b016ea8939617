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

/** Per-chunk medians of one client on one scenario. */
export interface PerChunk {
  client: Client;
  wallUs: number;
  cpuUs: number;
}

export function perChunk(samples: Map<Client, Sample[]>, chunks: number): PerChunk[] {
  return [...samples].map(([client, runs]) => ({
    client,
    wallUs: (median(runs.map((run) => run.wallMs)) * 1000) / chunks,
    cpuUs: (median(runs.map((run) => run.cpuMs)) * 1000) / chunks,
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
  const floor = floorOf(rows);
  return table(
    [
      'client',
      `µs/${unit}`,
      `CPU µs/${unit}`,
      '× floor',
      'CPU × floor',
      '× incumbent',
      `overhead µs/${unit}`,
      'incumbent overhead ÷ ours',
    ],
    rows.map((row) => {
      const rival = counterpart(rows, row.client.way);
      const overhead = row.wallUs - floor.wallUs;
      const isOurs = row.client.pkg === 'ours';
      return [
        row.client.name,
        fixed(row.wallUs),
        fixed(row.cpuUs),
        fixed(row.wallUs / floor.wallUs),
        fixed(row.cpuUs / floor.cpuUs),
        isOurs && rival ? fixed(row.wallUs / rival.wallUs) : '',
        row.client.pkg === 'floor' ? '' : fixed(overhead),
        isOurs && rival ? fixed((rival.wallUs - floor.wallUs) / overhead, 1) : '',
      ];
    }),
  );
}
