/**
 * Size budget of the main entry (dependencies external), and packaging checks (a provider that
 * bundles its own copies of the AI SDK packages ships their fixes late and duplicates their code):
 * - raw and gzip size of `dist/index.js` plus every chunk it imports statically (what
 *   `import 'ai-sdk-openrouter'` loads); chunks it loads with `import()` are listed apart;
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
}

function graphOf(entry: string): Graph {
  const seen = new Set<string>();
  const lazy = new Set<string>();
  const external = new Set<string>();
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
    if (!isLazy) for (const match of code.matchAll(BARE_IMPORT)) external.add(match[1]!);
  };
  visit(entry, false);
  return { static: [...seen], lazy: [...lazy].filter((file) => !seen.has(file)), external };
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
    const file = (target as { import?: unknown }).import;
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

/** Prints the report for one build; returns the failures. */
function check(dist: string, label: string, enforceBudget: boolean): string[] {
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
  console.log(`  external imports: ${[...main.external].sort().join(', ')}`);

  // The AI SDK's own packages must be imported, not inlined (their errors carry this marker).
  const mainCode = main.static.map((file) => readFileSync(file, 'utf8')).join('\n');
  if (mainCode.includes('vercel.ai.error')) {
    failures.push(
      `${label}: the main entry bundles @ai-sdk/provider code (vercel.ai.error marker)`,
    );
  }
  for (const dependency of ['@ai-sdk/provider', '@ai-sdk/provider-utils']) {
    if (![...main.external].some((name) => name === dependency)) {
      failures.push(`${label}: the main entry does not import ${dependency}`);
    }
  }

  const mainFiles = new Set([...main.static, ...main.lazy]);
  const mainLiterals = literals([...mainFiles]);
  const namesPresent = MAIN_NAMES.filter((name) => mainCode.includes(name));
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
      build(dir, flags);
      failures.push(...check(dir, label, index === 0));
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
  failures.push(...check(dist, 'dist', true));
}

if (failures.length > 0) {
  console.error(`\nFAILED:\n${failures.map((failure) => `- ${failure}`).join('\n')}`);
  process.exit(1);
}
console.log('\nAll size and packaging checks passed.');
