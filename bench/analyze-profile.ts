/**
 * Summarises a V8 .cpuprofile: self time per area (file or package), per function, and, when
 * the profiled bundle has a source map next to it, per line of our sources.
 *   npx tsx bench/analyze-profile.ts <file.cpuprofile> [top=25]
 * Note: builtins without a JS frame (JSON.parse, string concatenation...) count as self time of
 * the function that called them: the per-line table shows which line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import { table } from './report';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  positionTicks?: Array<{ line: number; ticks: number }>;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [path, topArg = '25'] = process.argv.slice(2);
if (!path) throw new Error('usage: analyze-profile.ts <file.cpuprofile> [top]');
const top = Number(topArg);
const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;

// Self time per node: the time until the next sample (hitCount alone ignores the intervals).
const selfUs = new Map<number, number>();
const hits = new Map<number, number>();
profile.samples.forEach((id, index) => {
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index + 1] ?? 0));
  hits.set(id, (hits.get(id) ?? 0) + 1);
});

const maps = new Map<string, SourceMap | undefined>();
function sourceMapOf(url: string): SourceMap | undefined {
  if (!maps.has(url)) {
    let map: SourceMap | undefined;
    // Only bundles we built: dependencies' maps point at sources that are not installed.
    if (
      url.includes('/node_modules/.cache/') ||
      (url.startsWith('file:') && !url.includes('/node_modules/'))
    ) {
      const file = `${fileURLToPath(url)}.map`;
      if (existsSync(file)) map = new SourceMap(JSON.parse(readFileSync(file, 'utf8')));
    }
    maps.set(url, map);
  }
  return maps.get(url);
}

/** Original `file:line` of a generated position (0-based line), when a source map exists. */
function original(url: string, line: number, column: number) {
  const entry = sourceMapOf(url)?.findEntry(line, column);
  if (!entry || !('originalSource' in entry)) return undefined;
  return { source: new URL(entry.originalSource, url).href, line: entry.originalLine };
}

function area(source: string, name: string): string {
  if (source === '') return name.startsWith('(') ? name : '(native)';
  const own = source.match(/\/((?:src|bench)\/.+)$/);
  if (own && !source.includes('node_modules')) return own[1]!;
  const pkg = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1]!;
  if (source.startsWith('node:')) return `node:${source.slice(5).split('/')[0]}`;
  return source;
}

const sourceLines = new Map<string, string[]>();
function lineText(source: string, line: number): string {
  if (!sourceLines.has(source)) {
    const file = source.startsWith('file:') ? fileURLToPath(source) : source;
    sourceLines.set(source, existsSync(file) ? readFileSync(file, 'utf8').split('\n') : []);
  }
  return (sourceLines.get(source)![line] ?? '').trim().slice(0, 70);
}

let total = 0;
const functions = new Map<string, number>();
const areas = new Map<string, number>();
const ourLines = new Map<string, number>();
for (const node of profile.nodes) {
  const us = selfUs.get(node.id);
  if (!us) continue;
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  if (functionName === '(idle)' || functionName === '(program)') continue;
  total += us;
  const at = original(url, lineNumber, columnNumber);
  const where = area(at?.source ?? url, functionName);
  const key = `${where}:${functionName || '(anonymous)'}`;
  functions.set(key, (functions.get(key) ?? 0) + us);
  areas.set(where, (areas.get(where) ?? 0) + us);
  if (!where.startsWith('src/') || !node.positionTicks) continue;
  const perTick = us / (hits.get(node.id) ?? 1);
  for (const tick of node.positionTicks) {
    const mapped = original(url, tick.line - 1, 1_000);
    if (!mapped) continue;
    const line = `${area(mapped.source, '')}:${mapped.line + 1}  ${lineText(mapped.source, mapped.line)}`;
    ourLines.set(line, (ourLines.get(line) ?? 0) + tick.ticks * perTick);
  }
}

const rows = (map: Map<string, number>, count: number) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, us]) => [key, `${((100 * us) / total).toFixed(1)}%`, (us / 1000).toFixed(0)]);

console.log(`busy time ${(total / 1000).toFixed(0)} ms (idle and (program) excluded)\n`);
console.log(table(['area', 'self %', 'ms'], rows(areas, 15)));
console.log();
console.log(table(['function (area:name)', 'self %', 'ms'], rows(functions, top)));
const own = new Map([...functions].filter(([key]) => key.startsWith('src/')));
console.log();
console.log(table(['our functions', 'self %', 'ms'], rows(own, top)));
if (ourLines.size > 0) {
  console.log();
  console.log(table(['our lines (self time)', 'self %', 'ms'], rows(ourLines, top)));
}
