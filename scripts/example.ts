/**
 * `npm run example -- <name> [args...]`: runs `examples/<name>.ts` (against the emulator unless
 * OPENROUTER_API_KEY is set); without a name, lists the examples with their first comment line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const examplesDir = resolve(import.meta.dirname, '../examples');

/** The runnable examples: `examples/*.ts` (not the support files or the Next.js app). */
export function exampleNames(): string[] {
  return readdirSync(examplesDir)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.slice(0, -3))
    .sort();
}

function summary(name: string): string {
  const source = readFileSync(join(examplesDir, `${name}.ts`), 'utf8');
  const comment = /\/\*\*([\s\S]*?)\*\//.exec(source)?.[1] ?? '';
  const text = comment
    .split('\n')
    .map((line) => line.replace(/^\s*\*\s?/, '').trim())
    .join(' ')
    .trim()
    .replace(
      /^`(?:npm run example -- |npm run |npx tsx examples\/)[\w.-]+(?:\s\[[^\]]*\])?`:?\s*/,
      '',
    )
    .trim();
  const sentence = /^.*?\.(?=\s|$)/.exec(text)?.[0] ?? text;
  return sentence.length > 100 ? `${sentence.slice(0, 97)}...` : sentence;
}

function main(): void {
  const [name, ...args] = process.argv.slice(2);
  if (!name || name === '--list') {
    console.log('npm run example -- <name>, one of:');
    for (const example of exampleNames())
      console.log(`  ${example.padEnd(18)} ${summary(example)}`);
    process.exit(name ? 0 : 1);
  }
  const file = join(examplesDir, `${name}.ts`);
  if (!existsSync(file) || name.includes('/')) {
    console.error(`No example "${name}". Examples: ${exampleNames().join(', ')}`);
    process.exit(2);
  }
  const child = spawnSync(process.execPath, ['--import', 'tsx', file, ...args], {
    stdio: 'inherit',
  });
  process.exit(child.status ?? 1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
