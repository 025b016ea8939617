/**
 * The package as users get it: `npm pack`, the tarball installed into a fresh app with `ai` and
 * `zod` from the registry (the versions of our lock file), then, under each Node version:
 *
 * - every subpath of `exports` loaded with `import` and with `require`, and each export compared
 *   with the sources' (same names; function, class, object with the same keys, ...): a bundle that
 *   lost an export, or exports one as `undefined`, fails;
 * - the `ai-sdk-openrouter-emulator` command run from the app's `node_modules/.bin` (`--help`,
 *   then a server on a free port);
 * - `generateText`, `streamText` and `embed` from the installed `ai` and package, against that
 *   emulator, from ESM and from CommonJS.
 *
 *   tsx scripts/pack-test.ts [--no-build] [--node current,22,24] [--keep]
 *
 * Node 22 and 24 come from the `node@22` / `node@24` npm packages (binaries in registry
 * packages), fetched once by `npx` and then taken from its cache. Prints one line per version and
 * module system, and the time of each part; exit code 1 when anything fails.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const versions = (option('--node') ?? 'current,22,24').split(',');
const started = Date.now();
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)}s`;
const log = (message: string) => console.log(`[pack-test ${seconds(started)}] ${message}`);

/** What a value is, as far as a caller can tell: its kind, and an object's own keys. */
export function describeExport(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'function') {
    const kind = /^class[\s{]/.test(Function.prototype.toString.call(value)) ? 'class' : 'function';
    const keys = Object.keys(value).sort();
    return keys.length > 0 ? `${kind} {${keys.join(',')}}` : kind;
  }
  if (typeof value !== 'object') return typeof value;
  if (Array.isArray(value)) return 'array';
  const className = (value as object).constructor?.name;
  if (className && className !== 'Object') return className;
  return `object {${Object.keys(value).sort().join(',')}}`;
}

/** Every export of a module, described. */
export function describeModule(module: Record<string, unknown>): Record<string, string> {
  const described: Record<string, string> = {};
  for (const name of Object.keys(module).sort()) {
    if (name === 'default' || name === '__esModule' || name === 'module.exports') continue;
    described[name] = describeExport(module[name]);
  }
  return described;
}

/** The runtime subpaths of `exports` (not ./package.json), with their source files. */
function subpaths(): Array<{ subpath: string; specifier: string; source: string }> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    name: string;
    exports: Record<string, string | { import?: { default?: string } }>;
  };
  return Object.entries(pkg.exports).flatMap(([subpath, target]) => {
    const built = typeof target === 'object' ? target.import?.default : undefined;
    if (!built) return [];
    const source = join(root, built.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts'));
    return [{ subpath, specifier: `${pkg.name}${subpath.slice(1)}`, source }];
  });
}

/** The script run in the app: loads everything, runs the command and the calls, prints JSON. */
function checkScript(system: 'esm' | 'cjs'): string {
  const load =
    system === 'esm'
      ? 'async (specifier) => import(specifier)'
      : 'async (specifier) => require(specifier)';
  const header =
    system === 'esm'
      ? `import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
const { embed, generateText, streamText } = await import('ai');`
      : `const { spawn, spawnSync } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { embed, generateText, streamText } = require('ai');`;
  return `${header}
const describeExport = ${describeExport.toString()};
const describeModule = ${describeModule.toString()};
const load = ${load};

async function main() {
  const failures = [];
  const expected = JSON.parse(readFileSync(join(process.cwd(), 'expected.json'), 'utf8'));
  let exportsChecked = 0;
  for (const [specifier, wanted] of Object.entries(expected)) {
    let actual;
    try {
      actual = describeModule(await load(specifier));
    } catch (error) {
      failures.push(specifier + ': cannot be loaded: ' + error.message);
      continue;
    }
    for (const name of new Set([...Object.keys(wanted), ...Object.keys(actual)])) {
      exportsChecked++;
      if (wanted[name] !== actual[name]) {
        failures.push(specifier + ' ' + name + ': expected ' + wanted[name] + ', got ' + actual[name]);
      }
    }
  }

  // The command, from node_modules/.bin, under this Node (first on PATH).
  const bin = join(process.cwd(), 'node_modules', '.bin', 'ai-sdk-openrouter-emulator');
  const env = { ...process.env, PATH: dirname(process.execPath) + ':' + process.env.PATH };
  const help = spawnSync(bin, ['--help'], { env, encoding: 'utf8' });
  if (help.status !== 0 || !help.stdout.includes('Usage: ai-sdk-openrouter-emulator')) {
    failures.push('the command --help: exit ' + help.status + ' ' + help.stderr);
  }
  const server = spawn(bin, ['--port', '0'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const baseURL = await new Promise((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error('the command printed no URL: ' + output)), 20000);
      server.stdout.on('data', (chunk) => {
        output += chunk;
        const match = /listening at (\\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      server.once('exit', (code) => reject(new Error('the command exited with ' + code)));
    });
    const { createOpenRouter, openrouterMetadata } = await load('ai-sdk-openrouter');
    const openrouter = createOpenRouter({ apiKey: 'sk-or-pack-test', baseURL });
    const generated = await generateText({ model: openrouter('openai/gpt-4o-mini'), prompt: 'Hello' });
    if (!generated.text.includes('demo agent')) failures.push('generateText: ' + generated.text);
    if (!(openrouterMetadata(generated.finalStep)?.usage?.cost > 0)) failures.push('generateText: no cost');
    const streamed = streamText({ model: openrouter('openai/gpt-4o-mini'), prompt: 'Stream' });
    let deltas = 0;
    for await (const delta of streamed.textStream) if (delta) deltas++;
    if (deltas < 2 || !(await streamed.text).includes('demo agent')) {
      failures.push('streamText: ' + deltas + ' deltas, ' + (await streamed.text));
    }
    const { embedding } = await embed({
      model: openrouter.embeddingModel('openai/text-embedding-3-small'),
      value: 'pack test',
    });
    if (!(embedding.length > 0) || embedding.some((n) => typeof n !== 'number')) {
      failures.push('embed: ' + JSON.stringify(embedding).slice(0, 80));
    }
  } catch (error) {
    failures.push('calls: ' + (error && error.stack ? error.stack : error));
  } finally {
    server.kill();
  }
  console.log(JSON.stringify({ node: process.version, exportsChecked, failures }));
  process.exit(failures.length === 0 ? 0 : 1);
}
main();
`;
}

/** The path of a Node binary: this one, or `node@<major>` from npm (cached by npx). */
function nodeBinary(version: string): string {
  if (version === 'current') return process.execPath;
  return execFileSync('npx', ['-y', '-p', `node@${version}`, 'node', '-p', 'process.execPath'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'ai-sdk-openrouter-pack-'));
  const timings: string[] = [];
  const time = async <T>(label: string, action: () => T | Promise<T>): Promise<T> => {
    const at = Date.now();
    const result = await action();
    timings.push(`${label} ${seconds(at)}`);
    return result;
  };
  let failed = false;
  try {
    if (!args.includes('--no-build')) {
      await time('build', () =>
        execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' }),
      );
    }
    const tarball = await time('pack', () => {
      const packed = JSON.parse(
        execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
          cwd: root,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
        }),
      ) as Array<{ filename: string; entryCount: number; size: number }>;
      const { filename, entryCount, size } = packed[0]!;
      log(`packed ${filename}: ${entryCount} files, ${(size / 1024).toFixed(0)} KB`);
      return join(work, filename);
    });

    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version: string }>;
    };
    const pinned = ['ai', 'zod'].map(
      (name) => `${name}@${lock.packages[`node_modules/${name}`]!.version}`,
    );
    const app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(
      join(app, 'package.json'),
      `${JSON.stringify({ name: 'pack-test-app', version: '1.0.0', private: true }, null, 2)}\n`,
    );
    await time('install', () => {
      log(`npm install ${tarball} ${pinned.join(' ')}`);
      execFileSync(
        'npm',
        [
          'install',
          '--no-audit',
          '--no-fund',
          '--prefer-offline',
          '--loglevel=error',
          tarball,
          ...pinned,
        ],
        { cwd: app, stdio: 'inherit' },
      );
    });

    // What every subpath exports, from the sources: the installed package must match it.
    const expected: Record<string, Record<string, string>> = {};
    for (const { specifier, source } of subpaths()) {
      expected[specifier] = describeModule(await import(pathToFileURL(source).href));
    }
    writeFileSync(join(app, 'expected.json'), JSON.stringify(expected, null, 2));
    writeFileSync(join(app, 'check.mjs'), checkScript('esm'));
    writeFileSync(join(app, 'check.cjs'), checkScript('cjs'));
    const names = Object.values(expected).reduce(
      (sum, entry) => sum + Object.keys(entry).length,
      0,
    );
    log(`${Object.keys(expected).length} subpaths, ${names} exports expected`);

    for (const version of versions) {
      const binary = await time(`node ${version} (fetch)`, () => nodeBinary(version));
      for (const script of ['check.mjs', 'check.cjs']) {
        await time(`node ${version} ${script}`, () => {
          let output: string;
          try {
            output = execFileSync(binary, [script], {
              cwd: app,
              encoding: 'utf8',
              stdio: ['ignore', 'pipe', 'inherit'],
              timeout: 120_000,
            });
          } catch (error) {
            output = String((error as { stdout?: string }).stdout ?? error);
            failed = true;
          }
          const line = output.trim().split('\n').at(-1) ?? '';
          try {
            const result = JSON.parse(line) as {
              node: string;
              exportsChecked: number;
              failures: string[];
            };
            const status = result.failures.length === 0 ? 'ok' : 'FAILED';
            log(
              `${result.node} ${script}: ${status}, ${result.exportsChecked} exports checked, command and generateText/streamText/embed run`,
            );
            for (const failure of result.failures) console.error(`  ${failure}`);
            if (result.failures.length > 0) failed = true;
          } catch {
            console.error(`  ${script} under node ${version} printed no result:\n${output}`);
            failed = true;
          }
        });
      }
    }
  } finally {
    if (args.includes('--keep')) log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
  log(`timings: ${timings.join(', ')}`);
  if (failed) {
    console.error('pack-test: FAILED');
    process.exit(1);
  }
  log('pack-test: passed');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
