/**
 * Size budget of the main entry (dependencies external), and packaging checks (a provider that
 * bundles its own copies of the AI SDK packages ships their fixes late and duplicates their code):
 * - raw and gzip size of `dist/index.js` plus every chunk it imports statically (what
 *   `import 'ai-sdk-openrouter'` loads); chunks it loads with `import()` are listed apart;
 * - with an esbuild metafile (always with `--build`; `metafile-esm.json` in `--dist` if there):
 *   the largest source modules of each eager chunk, and what each `import()` target loads (its
 *   chunk and the chunks that one imports, beyond the main entry), by the folder of its source
 *   (one folder per model kind);
 * - the main entry imports neither zod nor `@ai-sdk/provider-utils` (which imports zod) eagerly:
 *   zod is most of a cold start, so only code reached through `import()` may use them;
 * - every other entry (`testing/`, ...) must not carry its own copy of main-entry code: main-entry
 *   names (`OpenRouterChatStreamState`, ...) and long string literals (error messages survive
 *   minification) may reach it only through a shared chunk;
 * - the AI SDK packages are imported, not bundled; `package.json` has `"sideEffects": false`.
 *
 *   tsx scripts/check-size.ts [budget KB gzip, default 15] [--dist <dir>] [--build]
 *
 * `--build`: build the current sources (repo tsup config, no d.ts) into temp dirs as configured,
 * unminified and minified, report all three, and check the budget on the configured build.
 * Exit codes: 0 ok, 1 over budget or a check failed, 2 usage / missing build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const budgetKB = Number(args.find((arg) => /^\d+(\.\d+)?$/.test(arg)) ?? 15);
/** External packages the main entry must not load eagerly (zod, and what imports it). */
const LAZY_ONLY_PACKAGES = [/^zod(\/|$)/, /^@ai-sdk\/provider-utils(\/|$)/];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gzip = (text: string) => gzipSync(text).length; // zlib default level (6), as servers use

// Code that must live only in the main entry's graph (unless in a shared chunk).
const MAIN_NAMES = [
  'OpenRouterChatStreamState',
  'convertToOpenRouterChatMessages',
  'OpenRouterChatLanguageModel',
  'createOpenRouterPartStream',
];
const STATIC_IMPORT =
  /(?:^|[;\s}])(?:import|export)\s*(?:[^'"();]*?from\s*)?["'](\.\.?\/[^"']+)["']/g;
const DYNAMIC_IMPORT = /import\(\s*["'](\.\.?\/[^"']+)["']\s*\)/g;
const BARE_DYNAMIC_IMPORT = /import\(\s*["']([^./"'][^"']*)["']\s*\)/g;
const BARE_IMPORT =
  /(?:^|[;\s}])(?:import|export)\s*(?:[^'"();]*?from\s*)?["']([^./"'][^"']*)["']/g;
const LONG_LITERAL = /"((?:[^"\\\n]|\\.){40,})"|'((?:[^'\\\n]|\\.){40,})'/g;
/"((?:[^"\\\n]|\\.){40,})"|'((?:[^'\\\n]|\\.){40,})'|`((?:[^`\\$]|\\.){40,})`/g;

interface Graph {
  /** Files loaded by importing the entry (the entry first). */
  static: string[];
  /** Files only reachable through `import()`. */
  lazy: string[];
  /** Bare specifiers imported by the static graph. */
  external: Set<string>;
  /** Bare specifiers imported only by files reached through `import()` (or imported dynamically). */
  lazyExternal: Set<string>;
}

function graphOf(entry: string): Graph {
  const seen = new Set<string>();
  const lazy = new Set<string>();
  const external = new Set<string>();
  const lazyExternal = new Set<string>();
  const visit = (file: string, isLazy: boolean) => {
    if (seen.has(file) || (isLazy && lazy.has(file))) return;
    if (!existsSync(file)) throw new Error(`${entry} imports ${file}, which does not exist`);
    (isLazy ? lazy : seen).add(file);
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(STATIC_IMPORT)) {
      visit(resolve(dirname(file), match[1]!), isLazy);
    }
    for (const match of code.matchAll(DYNAMIC_IMPORT)) {
      visit(resolve(dirname(file), match[1]!), true);
    }
    for (const match of code.matchAll(BARE_IMPORT))
      (isLazy ? lazyExternal : external).add(match[1]!);
    for (const match of code.matchAll(BARE_DYNAMIC_IMPORT)) lazyExternal.add(match[1]!);
  };
  visit(entry, false);
  for (const name of external) lazyExternal.delete(name);
  return {
    static: [...seen],
    lazy: [...lazy].filter((file) => !seen.has(file)),
    external,
    lazyExternal,
  };
}

function sizes(files: string[]) {
  let raw = 0;
  let gz = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    raw += Buffer.byteLength(text);
    gz += gzip(text);
  }
  return { raw, gz };
}

/** The other public entries, from package.json `exports` (mapped into `dist`). */
function entriesOf(dist: string, exports: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [subpath, target] of Object.entries(exports)) {
    if (subpath === '.' || typeof target !== 'object' || target === null) continue;
    // `import` is the file, or conditions (`{ types, default }`) whose `default` is.
    const condition = (target as { import?: unknown }).import;
    const file =
      typeof condition === 'object' && condition !== null
        ? (condition as { default?: unknown }).default
        : condition;
    if (typeof file !== 'string' || !file.startsWith('./dist/') || !file.endsWith('.js')) continue;
    const path = join(dist, file.slice('./dist/'.length));
    if (existsSync(path)) out.push(path);
    else console.log(`  ${subpath}: ${relative(dist, path)} is missing from the build`);
  }
  return out;
}

/** Long string literals of the files, without quotes. */
function literals(files: string[]): Set<string> {
  const out = new Set<string>();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(LONG_LITERAL)) {
      out.add(match[1] ?? match[2]!);
    }
  }
  return out;
}

/** The parts of an esbuild metafile read here (paths relative to the directory it was built in). */
interface Metafile {
  outputs: Record<
    string,
    {
      entryPoint?: string;
      imports: Array<{ path: string; kind: string; external?: boolean }>;
      inputs: Record<string, { bytesInOutput: number }>;
    }
  >;
}

/** The static closure of an output file in the metafile (itself first), as absolute paths. */
function metaClosure(meta: Metafile, start: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of meta.outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  visit(start);
  return [...seen].map((file) => resolve(root, file));
}

const metaKey = (meta: Metafile, file: string) =>
  Object.keys(meta.outputs).find((key) => resolve(root, key) === file);

/**
 * The metafile's view of the main entry: the largest source modules of each eager chunk, and
 * every `import()` target with what it loads beyond the main entry, by the folder of its source.
 * Also checks that esbuild's graph agrees with the import scan the budget is measured on.
 */
function metaReport(meta: Metafile, dist: string, main: Graph, label: string): string[] {
  const failures: string[] = [];
  const entryKey = metaKey(meta, join(dist, 'index.js'));
  if (!entryKey) return [`${label}: the metafile has no output for index.js`];
  const eager = new Set(metaClosure(meta, entryKey));
  const scanned = new Set(main.static);
  if (eager.size !== scanned.size || [...eager].some((file) => !scanned.has(file))) {
    failures.push(`${label}: esbuild's metafile and the import scan disagree on the eager chunks`);
  }
  console.log('  largest source modules per eager chunk (KB of output in the chunk):');
  for (const file of main.static) {
    const output = meta.outputs[metaKey(meta, file) ?? ''];
    if (!output) continue;
    const inputs = Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput);
    const shown = inputs.slice(0, 6).map(([input, { bytesInOutput }]) => {
      return `${input.replace(/^src\//, '')} ${(bytesInOutput / 1024).toFixed(1)}`;
    });
    const more = inputs.length > 6 ? `, +${inputs.length - 6} more` : '';
    console.log(`    ${relative(dist, file)}: ${shown.join(', ')}${more}`);
  }

  // Every import() target reachable from the main entry, grouped by the folder of its source.
  const targets = new Map<string, string>(); // output key -> source entry point
  const queue = [entryKey];
  const visited = new Set<string>();
  while (queue.length > 0) {
    const key = queue.pop()!;
    if (visited.has(key)) continue;
    visited.add(key);
    for (const imported of meta.outputs[key]?.imports ?? []) {
      if (imported.external) continue;
      if (imported.kind === 'dynamic-import') {
        targets.set(imported.path, meta.outputs[imported.path]?.entryPoint ?? imported.path);
      }
      queue.push(imported.path);
    }
  }
  const byFolder = new Map<string, Array<{ source: string; files: string[] }>>();
  for (const [key, source] of targets) {
    const folder = /^src\/([^/]+)\//.exec(source)?.[1] ?? '.';
    const files = metaClosure(meta, key).filter((file) => !eager.has(file));
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), { source, files }]);
  }
  console.log(
    '  on demand, by folder: each import() target and what it loads beyond the main entry (its chunk and the chunks it imports; shared chunks count in each):',
  );
  for (const [folder, entries] of [...byFolder].sort(([a], [b]) => a.localeCompare(b))) {
    const all = new Set(entries.flatMap((entry) => entry.files));
    const total = sizes([...all]);
    console.log(
      `    ${folder.padEnd(14)} ${kb(total.raw).padStart(9)} ${kb(total.gz).padStart(9)} gz in ${all.size} chunks`,
    );
    for (const { source, files } of entries.sort((a, b) => a.source.localeCompare(b.source))) {
      const size = sizes(files);
      console.log(
        `      ${source.replace(/^src\//, '').padEnd(48)} ${kb(size.raw).padStart(9)} ${kb(size.gz).padStart(9)} gz (${files.length} chunks)`,
      );
    }
  }
  return failures;
}

/** Prints the report for one build; returns the failures. */
function check(
  dist: string,
  label: string,
  enforceBudget: boolean,
  meta: Metafile | undefined,
): string[] {
  const failures: string[] = [];
  const mainEntry = join(dist, 'index.js');
  const main = graphOf(mainEntry);
  const mainSize = sizes(main.static);
  const shown = relative(root, dist);
  console.log(`\n${label}: ${shown.startsWith('..') ? dist : shown}`);
  console.log(
    `  main entry (index.js + ${main.static.length - 1} static chunks): ${kb(mainSize.raw)} raw, ${kb(mainSize.gz)} gzip`,
  );
  for (const file of main.static) {
    const size = sizes([file]);
    console.log(
      `    ${relative(dist, file).padEnd(42)} ${kb(size.raw).padStart(9)} ${kb(size.gz).padStart(9)} gz`,
    );
  }
  if (main.lazy.length > 0) {
    const lazySize = sizes(main.lazy);
    console.log(
      `  loaded on demand (import()): ${main.lazy.length} chunks, ${kb(lazySize.raw)} raw, ${kb(lazySize.gz)} gzip`,
    );
  }
  console.log(`  external imports, eager: ${[...main.external].sort().join(', ')}`);
  console.log(`  external imports, on demand only: ${[...main.lazyExternal].sort().join(', ')}`);
  if (meta) failures.push(...metaReport(meta, dist, main, label));
  else console.log('  (no esbuild metafile: run with --build for the per-module breakdown)');

  // Importing the package must cost little beyond its own code: zod takes ~100 ms to load in a
  // fresh process, so neither it nor provider-utils (which imports it) may load eagerly.
  for (const name of main.external) {
    if (LAZY_ONLY_PACKAGES.some((pattern) => pattern.test(name))) {
      failures.push(
        `${label}: the main entry imports ${name} eagerly (only import() may reach it)`,
      );
    }
  }

  // The AI SDK's own packages must be imported, not inlined (their errors carry this marker).
  const mainCode = main.static.map((file) => readFileSync(file, 'utf8')).join('\n');
  const lazyCode = main.lazy.map((file) => readFileSync(file, 'utf8')).join('\n');
  if (`${mainCode}\n${lazyCode}`.includes('vercel.ai.error')) {
    failures.push(
      `${label}: the main entry bundles @ai-sdk/provider code (vercel.ai.error marker)`,
    );
  }
  const imported = new Set([...main.external, ...main.lazyExternal]);
  for (const dependency of ['@ai-sdk/provider', '@ai-sdk/provider-utils']) {
    if (!imported.has(dependency)) {
      failures.push(`${label}: the main entry does not import ${dependency}`);
    }
  }

  const mainFiles = new Set([...main.static, ...main.lazy]);
  const mainLiterals = literals([...mainFiles]);
  const namesPresent = MAIN_NAMES.filter((name) => `${mainCode}\n${lazyCode}`.includes(name));
  for (const entry of entriesOf(dist, pkg.exports ?? {})) {
    const other = graphOf(entry);
    const own = [...other.static, ...other.lazy].filter((file) => !mainFiles.has(file));
    const shared = [...other.static, ...other.lazy].filter((file) => mainFiles.has(file));
    const ownCode = own.map((file) => readFileSync(file, 'utf8')).join('\n');
    const size = sizes(other.static);
    const duplicateNames = namesPresent.filter((name) => new RegExp(`\\b${name}\\b`).test(ownCode));
    const duplicateLiterals = [...literals(own)].filter((literal) => mainLiterals.has(literal));
    console.log(
      `  ${relative(dist, entry)}: ${kb(size.raw)} raw, ${kb(size.gz)} gzip; ${shared.length} chunks shared with the main entry; main-entry names in its own code: ${duplicateNames.length}; long literals shared with the main entry: ${duplicateLiterals.length}`,
    );
    for (const literal of duplicateLiterals.slice(0, 3))
      console.log(`    e.g. "${literal.slice(0, 80)}"`);
    if (duplicateNames.length > 0) {
      failures.push(
        `${label}: ${relative(dist, entry)} copies main-entry code (${duplicateNames.join(', ')})`,
      );
    }
    if (duplicateLiterals.length >= 5) {
      failures.push(
        `${label}: ${relative(dist, entry)} repeats ${duplicateLiterals.length} main-entry string literals`,
      );
    }
  }
  if (namesPresent.length < MAIN_NAMES.length) {
    console.log(
      `  (${MAIN_NAMES.length - namesPresent.length} of the marker names are minified away: the literal check covers them)`,
    );
  }
  if (enforceBudget) {
    const ok = mainSize.gz <= budgetKB * 1024;
    console.log(
      `  budget: ${kb(mainSize.gz)} gzip ${ok ? '<=' : '>'} ${budgetKB} KB: ${ok ? 'ok' : 'OVER BUDGET'}`,
    );
    if (!ok)
      failures.push(
        `${label}: main entry ${kb(mainSize.gz)} gzip is over the ${budgetKB} KB budget`,
      );
  }
  return failures;
}

/** The ESM build's metafile (tsup `--metafile` writes `metafile-esm.json`), if there is one. */
function readMetafile(dir: string): Metafile | undefined {
  const file = join(dir, 'metafile-esm.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Metafile) : undefined;
}

function build(outDir: string, flags: string[]): void {
  execFileSync('npx', ['tsup', '--out-dir', outDir, '--no-dts', '--silent', ...flags], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const failures: string[] = [];
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  sideEffects?: unknown;
  exports?: Record<string, unknown>;
};
console.log(`package.json sideEffects: ${JSON.stringify(pkg.sideEffects)}`);
if (pkg.sideEffects !== false) failures.push('package.json must declare "sideEffects": false');

if (args.includes('--build')) {
  const temp = mkdtempSync(join(tmpdir(), 'check-size-'));
  try {
    const builds: Array<[string, string[]]> = [
      ['as configured (tsup.config.ts)', []],
      [
        'unminified',
        ['--no-minify', '--no-minify-whitespace', '--no-minify-syntax', '--no-minify-identifiers'],
      ],
      ['minified (--minify)', ['--minify']],
    ];
    builds.forEach(([label, flags], index) => {
      const dir = join(temp, String(index));
      build(dir, ['--metafile', ...flags]);
      failures.push(...check(dir, label, index === 0, readMetafile(dir)));
    });
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
} else {
  const dist = resolve(root, option('--dist') ?? 'dist');
  if (!existsSync(join(dist, 'index.js'))) {
    console.error(`${join(dist, 'index.js')} is missing: run \`npm run build\` (or pass --build).`);
    process.exit(2);
  }
  failures.push(...check(dist, 'dist', true, readMetafile(dist)));
}

if (failures.length > 0) {
  console.error(`\nFAILED:\n${failures.map((failure) => `- ${failure}`).join('\n')}`);
  process.exit(1);
}
console.log('\nAll size and packaging checks passed.');
