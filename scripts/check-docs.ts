/**
 * The documentation's TypeScript compiles and runs. Every ```ts / ```typescript block of
 * README.md and docs/**\/*.md (new pages are picked up by themselves) is written to its own module
 * under `.docs-check/` and type-checked under `strict` (the repository's compiler options), with
 * `ai-sdk-openrouter` and its subpaths resolved to `src/` as package.json `exports` maps them.
 * Then every runnable block runs against the emulator (its defaults, started here) with
 * `OPENROUTER_BASE_URL` pointed at it and no API key.
 *
 * A block is runnable when it imports only `ai-sdk-openrouter`, `ai`, `zod` and `node:` modules
 * and declares nothing with `declare` (a `declare const messages: ModelMessage[]` says the value
 * comes from elsewhere). A block may be exempted by an HTML comment on the line before it:
 *
 * - `<!-- not-run: reason -->`: type-checked, not run (it needs a browser, a real key, ...);
 * - `<!-- not-compiled: reason -->`: neither (shell or pseudo code only; the reason is required).
 *
 *   tsx scripts/check-docs.ts [--no-run] [--root <dir>] [files...]
 *
 * Relative links between the files are checked too: the file must exist, and an `#anchor` must
 * name a heading of a Markdown target.
 *
 * Prints each failure with its Markdown file and line; exit code 1 when any block fails.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const here = dirname(fileURLToPath(import.meta.url));

/** One fenced TypeScript block of a Markdown file. */
export interface DocBlock {
  /** The Markdown file, relative to the root. */
  file: string;
  /** The 1-based line of the block's first code line in the Markdown file. */
  line: number;
  code: string;
  /** `not-compiled` / `not-run` marker, with its reason. */
  skip?: { kind: 'not-compiled' | 'not-run'; reason: string };
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/;
const MARKER = /^<!--\s*(not-compiled|not-run)\s*(?::\s*(.*?))?\s*-->$/;
const TS_LANGUAGES = new Set(['ts', 'typescript']);

/** The TypeScript blocks of a Markdown text, with their markers; malformed markers throw. */
export function extractBlocks(markdown: string, file: string): DocBlock[] {
  const lines = markdown.split('\n');
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const [, indent = '', fence = '', language = ''] = open;
    let end = i + 1;
    while (end < lines.length) {
      const close = lines[end]!.trim();
      if (close.startsWith(fence) && close.replace(/[`~]/g, '') === '') break;
      end++;
    }
    if (TS_LANGUAGES.has(language.toLowerCase())) {
      const code = lines
        .slice(i + 1, end)
        .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()))
        .join('\n');
      const block: DocBlock = { file, line: i + 2, code };
      let before = i - 1;
      while (before >= 0 && lines[before]!.trim() === '') before--;
      const marker = before >= 0 ? MARKER.exec(lines[before]!.trim()) : null;
      if (marker) {
        const reason = marker[2]?.trim() ?? '';
        if (reason === '') throw new Error(`${file}:${before + 1}: ${marker[1]} needs a reason`);
        block.skip = { kind: marker[1] as 'not-compiled' | 'not-run', reason };
      }
      blocks.push(block);
    }
    i = end;
  }
  return blocks;
}

const RUNNABLE_IMPORT = /^(ai-sdk-openrouter(\/.*)?|ai|zod(\/.*)?|node:.*)$/;

/** The module specifiers a block imports (static and dynamic). */
export function importsOf(code: string): string[] {
  const source = ts.createSourceFile('block.ts', code, ts.ScriptTarget.ES2022, true);
  const specifiers: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      specifiers.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      specifiers.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers;
}

/** Whether a block declares a value with `declare` (so it cannot run on its own). */
export function declaresValues(code: string): boolean {
  const source = ts.createSourceFile('block.ts', code, ts.ScriptTarget.ES2022, true);
  return source.statements.some(
    (statement) =>
      (ts.isVariableStatement(statement) ||
        ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement)) &&
      statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword),
  );
}

/** Why a block does not run, or undefined when it runs. */
export function notRunReason(block: DocBlock): string | undefined {
  if (block.skip) return `${block.skip.kind}: ${block.skip.reason}`;
  const foreign = importsOf(block.code).filter((specifier) => !RUNNABLE_IMPORT.test(specifier));
  if (foreign.length > 0) return `imports ${foreign.join(', ')}`;
  if (declaresValues(block.code)) return 'declares values it does not define';
  return undefined;
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of a Markdown text's headings (outside code blocks), duplicates numbered. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const counts = new Map<string, number>();
  for (const line of proseLines(markdown)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line.text);
    if (!heading) continue;
    const base = headingAnchor(heading[1]!);
    const count = counts.get(base) ?? 0;
    counts.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** The lines of a Markdown text outside fenced code blocks, with their 1-based numbers. */
function proseLines(markdown: string): Array<{ text: string; line: number }> {
  const lines: Array<{ text: string; line: number }> = [];
  let fence: string | undefined;
  markdown.split('\n').forEach((text, index) => {
    const open = FENCE.exec(text);
    if (fence === undefined && open) fence = open[2];
    else if (fence !== undefined && text.trim().startsWith(fence) && !/[^`~]/.test(text.trim())) {
      fence = undefined;
    } else if (fence === undefined) lines.push({ text, line: index + 1 });
  });
  return lines;
}

/**
 * Relative links (`[text](docs/x.md#anchor)`) whose file does not exist, or whose anchor names
 * no heading of a Markdown target; links to other sites are not followed.
 */
export function brokenLinks(
  root: string,
  file: string,
  markdown: string,
): Array<{ line: number; message: string }> {
  const broken: Array<{ line: number; message: string }> = [];
  for (const { text, line } of proseLines(markdown)) {
    for (const match of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = match[1]!;
      if (/^[a-z][a-z+.-]*:/i.test(target)) continue; // https:, mailto:
      const [path = '', anchor] = target.split('#', 2);
      const resolved = path === '' ? join(root, file) : resolve(dirname(join(root, file)), path);
      if (!existsSync(resolved)) {
        broken.push({ line, message: `link to ${target}: no such file` });
      } else if (anchor && resolved.endsWith('.md')) {
        if (!anchorsOf(readFileSync(resolved, 'utf8')).has(anchor)) {
          broken.push({ line, message: `link to ${target}: no heading with that anchor` });
        }
      }
    }
  }
  return broken;
}

/** README.md and every Markdown file under docs/, sorted. */
export function documentationFiles(root: string): string[] {
  const files = existsSync(join(root, 'README.md')) ? ['README.md'] : [];
  const walk = (dir: string) => {
    if (!existsSync(join(root, dir))) return;
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) files.push(path);
    }
  };
  walk('docs');
  return files.sort();
}

/** `paths` for every subpath of package.json `exports`: `dist/x.js` -> `src/x.ts`. */
export function sourcePaths(root: string): Record<string, string[]> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    name: string;
    exports: Record<string, string | { import?: { default?: string } }>;
  };
  const paths: Record<string, string[]> = {};
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const built = typeof target === 'object' ? target.import?.default : undefined;
    if (!built) continue;
    const source = built.replace(/^\.\/dist\//, './src/').replace(/\.js$/, '.ts');
    paths[join(pkg.name, subpath)] = [resolve(root, source)];
  }
  return paths;
}

/** A failed block: where (the Markdown line of the error, or of the block) and why. */
export interface Failure {
  block: DocBlock;
  line: number;
  message: string;
}

/** A name for the block's module: its Markdown path and line. */
const moduleName = (block: DocBlock) => `${block.file.replace(/[^\w]+/g, '_')}_L${block.line}.ts`;

/** Type-checks the blocks together, each as its own module; the failures by block. */
function typeCheck(root: string, workDir: string, blocks: DocBlock[]): Failure[] {
  const base = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!base) throw new Error('tsconfig.json cannot be read');
  const options: ts.CompilerOptions = {
    ...base.options,
    strict: true,
    noEmit: true,
    baseUrl: root,
    paths: sourcePaths(root),
  };
  const byFile = new Map<string, DocBlock>();
  for (const block of blocks) {
    const path = join(workDir, moduleName(block));
    // `export {}` makes every block a module: top-level await, and no names shared between blocks.
    writeFileSync(path, `${block.code}\nexport {};\n`);
    byFile.set(path, block);
  }
  const program = ts.createProgram([...byFile.keys()], options);
  const failures: Failure[] = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const block = diagnostic.file ? byFile.get(resolve(diagnostic.file.fileName)) : undefined;
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!block || !diagnostic.file || diagnostic.start === undefined) {
      const where = diagnostic.file
        ? `${relative(root, diagnostic.file.fileName)}: `
        : 'the compiler options: ';
      failures.push({
        block: { file: '(outside the docs)', line: 0, code: '' },
        line: 0,
        message: `${where}TS${diagnostic.code} ${text}`,
      });
      continue;
    }
    const position = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    failures.push({
      block,
      line: block.line + position.line,
      message: `TS${diagnostic.code} (column ${position.character + 1}) ${text}`,
    });
  }
  return failures;
}

interface RunResult {
  module: string;
  ok: boolean;
  error?: string;
  output: string;
  ms: number;
}

/** Runs the blocks one after another in one child process (tsx, with the docs' tsconfig). */
async function runBlocks(
  root: string,
  workDir: string,
  blocks: DocBlock[],
): Promise<{ failures: Failure[]; results: RunResult[] }> {
  const { startOpenRouterEmulator } = await import('../src/testing/index.js');
  const emulator = await startOpenRouterEmulator({ requireAuth: false });
  const resultsFile = join(workDir, 'run-results.json');
  const env: NodeJS.ProcessEnv = { ...process.env, OPENROUTER_BASE_URL: emulator.baseURL };
  delete env.OPENROUTER_API_KEY;
  try {
    await new Promise<void>((resolveRun, reject) => {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          join(here, 'docs-block-runner.ts'),
          resultsFile,
          ...blocks.map((block) => join(workDir, moduleName(block))),
        ],
        {
          cwd: root,
          env: { ...env, TSX_TSCONFIG_PATH: join(workDir, 'tsconfig.json') },
          stdio: ['ignore', 'inherit', 'inherit'],
        },
      );
      child.once('error', reject);
      child.once('exit', (code) =>
        code === 0 ? resolveRun() : reject(new Error(`the block runner exited with ${code}`)),
      );
    });
  } finally {
    await emulator.close();
  }
  const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as RunResult[];
  const failures: Failure[] = [];
  results.forEach((result, index) => {
    if (!result.ok) {
      const output = result.output.trim() ? `\n    output:\n${indent(result.output, 6)}` : '';
      const block = blocks[index]!;
      failures.push({ block, line: block.line, message: `run failed: ${result.error}${output}` });
    }
  });
  return { failures, results };
}

const indent = (text: string, spaces: number) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => ' '.repeat(spaces) + line)
    .join('\n');

/**
 * Checks the blocks of `files` (default: README.md and docs/) under `root`, in `workDir` (default
 * `.docs-check`; inside the root, so that its node_modules resolve).
 */
export async function checkDocs(options: {
  root: string;
  files?: string[];
  run?: boolean;
  workDir?: string;
  log?: (line: string) => void;
}): Promise<{ failures: Failure[]; compiled: number; ran: number; skipped: number }> {
  const { root } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const started = Date.now();
  const files = options.files?.length ? options.files : documentationFiles(root);
  const blocks = files.flatMap((file) =>
    extractBlocks(readFileSync(join(root, file), 'utf8'), file),
  );
  const workDir = join(root, options.workDir ?? '.docs-check');
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  writeFileSync(
    join(workDir, 'tsconfig.json'),
    JSON.stringify(
      {
        extends: '../tsconfig.json',
        compilerOptions: { strict: true, baseUrl: '..', paths: sourcePaths(root) },
        include: ['*.ts'],
      },
      null,
      2,
    ),
  );
  const compiled = blocks.filter((block) => block.skip?.kind !== 'not-compiled');
  const failures = typeCheck(root, workDir, compiled);
  for (const file of files) {
    for (const link of brokenLinks(root, file, readFileSync(join(root, file), 'utf8'))) {
      failures.push({ block: { file, line: link.line, code: '' }, ...link });
    }
  }
  const failedBlocks = new Set(failures.map((failure) => failure.block));
  log(
    `check-docs: ${files.length} files, ${blocks.length} TypeScript blocks, ${compiled.length} type-checked (${((Date.now() - started) / 1000).toFixed(1)}s)`,
  );
  let ran = 0;
  if (options.run !== false) {
    const runnable = compiled.filter(
      (block) => notRunReason(block) === undefined && !failedBlocks.has(block),
    );
    const runStarted = Date.now();
    const run = await runBlocks(root, workDir, runnable);
    failures.push(...run.failures);
    ran = runnable.length;
    log(
      `check-docs: ${ran} blocks run against the emulator (${((Date.now() - runStarted) / 1000).toFixed(1)}s)`,
    );
  }
  return { failures, compiled: compiled.length, ran, skipped: blocks.length - compiled.length };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const rootAt = args.indexOf('--root');
  const root = rootAt >= 0 ? resolve(args[rootAt + 1]!) : resolve(here, '..');
  const files = args.filter(
    (arg, index) => !arg.startsWith('--') && (rootAt < 0 || index !== rootAt + 1),
  );
  const { failures } = await checkDocs({ root, files, run: !args.includes('--no-run') });
  for (const failure of failures) {
    console.error(`${failure.block.file}:${failure.line}: ${failure.message}`);
  }
  if (failures.length > 0) {
    console.error(`check-docs: ${failures.length} failures`);
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
