/**
 * Every export of every entry point has TSDoc in the built declarations: for each `types` file
 * in package.json `exports` (ESM and CommonJS), every exported name must resolve to a declaration
 * with a `/** … *\/` comment that says something (a bare `@internal` or an empty comment does
 * not count). Checking the built `.d.ts` files, not the sources, also catches comments the
 * declaration bundler drops.
 *
 *   tsx scripts/check-tsdoc.ts [--dist <dir>] [--build]
 *
 * `--build` runs `npm run build` first when the declarations are missing. Prints the undocumented
 * exports by entry; exit code 1 when there are any, 2 when the declarations are missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const distArg = args.indexOf('--dist');
const packageRoot = distArg >= 0 ? resolve(args[distArg + 1] ?? '.') : root;

interface ExportConditions {
  types?: string;
  import?: ExportConditions | string;
  require?: ExportConditions | string;
}

/** The `types` files of every subpath and condition in `exports`. */
export function declarationEntries(packageJson: {
  exports: Record<string, ExportConditions | string>;
}): Array<{ subpath: string; file: string }> {
  const entries: Array<{ subpath: string; file: string }> = [];
  for (const [subpath, target] of Object.entries(packageJson.exports)) {
    if (typeof target === 'string') continue; // ./package.json
    for (const condition of [target.import, target.require, target]) {
      if (condition && typeof condition === 'object' && condition.types) {
        entries.push({ subpath, file: condition.types });
      }
    }
  }
  return entries.filter(
    (entry, index) => entries.findIndex((other) => other.file === entry.file) === index,
  );
}

/** The exported names of `file` without a TSDoc comment. */
export function undocumentedExports(program: ts.Program, file: string): string[] {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`${file} is not in the program`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) return [];
  const missing: string[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (!isDocumented(symbol, checker)) missing.push(exported.name);
  }
  return missing.sort();
}

function isDocumented(symbol: ts.Symbol, checker: ts.TypeChecker): boolean {
  if (ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() !== '') return true;
  // Overloads and merged declarations: one documented declaration is enough.
  for (const declaration of symbol.declarations ?? []) {
    for (const doc of ts.getJSDocCommentsAndTags(declaration)) {
      if (!ts.isJSDoc(doc)) continue;
      const text = ts.getTextOfJSDocComment(doc.comment)?.trim() ?? '';
      const tags = (doc.tags ?? []).filter((tag) => tag.tagName.text !== 'internal');
      if (text !== '' || tags.some((tag) => ts.getTextOfJSDocComment(tag.comment)?.trim())) {
        return true;
      }
    }
  }
  return false;
}

function main(): void {
  const packageJson = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));
  const entries = declarationEntries(packageJson).map((entry) => ({
    ...entry,
    path: join(packageRoot, entry.file),
  }));
  if (entries.some((entry) => !existsSync(entry.path))) {
    if (args.includes('--build') && packageRoot === root) {
      execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    } else {
      console.error('check-tsdoc: declarations missing; run `npm run build` (or pass --build).');
      process.exit(2);
    }
  }
  const program = ts.createProgram(
    entries.map((entry) => entry.path),
    {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      skipLibCheck: true,
      noEmit: true,
    },
  );
  let total = 0;
  let undocumented = 0;
  for (const entry of entries) {
    const missing = undocumentedExports(program, entry.path);
    const source = program.getSourceFile(entry.path)!;
    const count = program
      .getTypeChecker()
      .getExportsOfModule(program.getTypeChecker().getSymbolAtLocation(source)!).length;
    total += count;
    undocumented += missing.length;
    if (missing.length > 0) {
      console.error(
        `${entry.subpath} (${entry.file}): ${missing.length} of ${count} exports without TSDoc:`,
      );
      for (const name of missing) console.error(`  ${name}`);
    }
  }
  if (undocumented > 0) process.exit(1);
  console.log(
    `check-tsdoc: all ${total} exports of ${entries.length} declaration files have TSDoc`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
