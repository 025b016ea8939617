/**
 * Peak resident set size while one client reads one stream, over the process's RSS just before
 * the call. Each measurement is a fresh Node process (forked, `--expose-gc`), so no client
 * inherits another's heap growth, and the clients alternate across passes. Node's `fetch` is
 * loaded lazily: every child reads one `Response` before the baseline, so that is charged to no
 * client. Two modes:
 * - `first call`: modules imported, nothing run yet; the call loads whatever it loads lazily
 *   and compiles its code (what a one-shot script or serverless invocation sees);
 * - `after a short call`: one 20-delta stream of the same client first (its modules loaded, its
 *   code compiled), then the baseline. (A warm-up on the tool stream itself would leave the heap
 *   grown to its size, and RSS does not shrink back: nothing would show.)
 * No forced GC before the baseline (it leaves committed pages that the run then reuses unseen).
 * RSS is sampled at every part, every millisecond and at the end; the content is checked.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Client } from './clients';
import { WrongOutputError } from './measure';
import { fixed, type Spread, spreadOf, table, withRange } from './report';
import { CollectingSink } from './sink';

export type RssMode = 'first call' | 'after a short call';

class RssSink extends CollectingSink {
  peak = 0;
  override part(): void {
    this.sample();
  }
  sample(): void {
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) this.peak = rss;
  }
}

async function child(baseURL: string, scenarioKey: string, clientName: string, mode: RssMode) {
  const { createClients } = await import('./clients');
  const { buildStreamScenarios } = await import('./streams');
  // Only the streams measured here: the large memory scenarios would grow the heap beforehand.
  const scenarios = buildStreamScenarios();
  const scenario = scenarios[scenarioKey as keyof typeof scenarios];
  const client = createClients(baseURL).stream.find((candidate) => candidate.name === clientName);
  if (!client) throw new Error(`no client ${clientName}`);
  await (await fetch('data:text/plain,warm')).text();
  if (mode === 'after a short call') await client.run(scenarios.short, new CollectingSink());
  // Settled, but no forced GC: it would leave committed pages that the run then reuses unseen.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const baseline = process.memoryUsage.rss();
  const sink = new RssSink();
  sink.peak = baseline;
  // Every part, and every millisecond: our client emits a part per network read (deltas joined),
  // the floor one per event, so the timer keeps the sampling comparable.
  const timer = setInterval(() => sink.sample(), 1);
  await client.run(scenario, sink);
  clearInterval(timer);
  sink.sample();
  const problem = sink.mismatch(scenario.expected, client.parsedToolInputs);
  process.send?.({ problem, peakMB: (sink.peak - baseline) / 2 ** 20 }, () => process.exit(0));
}

function measureInChild(
  baseURL: string,
  scenarioKey: string,
  client: Client,
  mode: RssMode,
): Promise<number> {
  const proc = fork(
    fileURLToPath(import.meta.url),
    ['--rss-child', baseURL, scenarioKey, client.name, mode],
    {
      execArgv: ['--expose-gc', '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  return new Promise((resolve, reject) => {
    proc.once('message', (message) => {
      const { problem, peakMB } = message as { problem?: string; peakMB: number };
      proc.disconnect();
      if (problem) reject(new WrongOutputError(`${client.name} (RSS run): ${problem}`));
      else resolve(peakMB);
    });
    proc.once('exit', (code) => reject(new Error(`RSS child exited (${code})`)));
  });
}

/** Median (and range) of `passes` fresh processes per client and mode, clients alternating. */
export async function rssReport(
  baseURL: string,
  clients: Client[],
  scenarioKey: string,
  label: string,
  passes: number,
  progress: (message: string) => void,
): Promise<{ text: string; peaks: Map<Client, Record<RssMode, Spread>> }> {
  const modes: RssMode[] = ['first call', 'after a short call'];
  const raw = new Map<Client, Record<RssMode, number[]>>(
    clients.map((client) => [client, { 'first call': [], 'after a short call': [] }]),
  );
  for (let pass = 0; pass < passes; pass++) {
    progress(`peak RSS, pass ${pass + 1}/${passes}`);
    const offset = pass % clients.length;
    for (const client of [...clients.slice(offset), ...clients.slice(0, offset)]) {
      for (const mode of modes) {
        raw.get(client)![mode].push(await measureInChild(baseURL, scenarioKey, client, mode));
      }
    }
  }
  const peaks = new Map<Client, Record<RssMode, Spread>>(
    [...raw].map(([client, byMode]) => [
      client,
      {
        'first call': spreadOf(byMode['first call']),
        'after a short call': spreadOf(byMode['after a short call']),
      },
    ]),
  );
  const floor = [...peaks].find(([client]) => client.pkg === 'floor')![1];
  const text = [
    `## Peak RSS over the baseline: ${label}, MB (median of ${passes} fresh processes, min–max)`,
    '',
    table(
      ['client', 'first call', '× floor', 'after a short call', '× floor'],
      [...peaks].map(([client, byMode]) => [
        client.name,
        withRange(byMode['first call'], 1),
        fixed(byMode['first call'].median / floor['first call'].median),
        withRange(byMode['after a short call'], 1),
        fixed(byMode['after a short call'].median / floor['after a short call'].median),
      ]),
    ),
  ].join('\n');
  return { text, peaks };
}

const at = process.argv.indexOf('--rss-child');
if (at >= 0) {
  const [baseURL, scenarioKey, clientName, mode] = process.argv.slice(at + 1);
  await child(baseURL!, scenarioKey!, clientName!, mode as RssMode);
}
