/**
 * Runs documentation blocks for scripts/check-docs.ts: imports each module in turn (in this one
 * process, so a block costs its own run time only), with its console output captured, a time
 * limit, and `fetch` limited to loopback (a block must never reach the network), then writes the
 * results as JSON. Not meant to be run by hand.
 *
 *   node --import tsx scripts/docs-block-runner.ts <results.json> <module.ts>...
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';

const [resultsFile, ...modules] = process.argv.slice(2);
const TIME_LIMIT_MS = 30_000;

let output = '';
let current: { error?: string } | undefined;
const capture = (...args: unknown[]) => {
  output += `${format(...args)}\n`;
};
for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) console[method] = capture;
const writeOut = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string | Uint8Array) => {
  output += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
  return true;
}) as typeof process.stdout.write;

const realFetch = globalThis.fetch;
globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new Error(`a documentation block tried to reach ${url.origin}: only loopback is allowed`);
  }
  return realFetch(input, init);
}) as typeof fetch;

const describe = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : format(error);
process.on('unhandledRejection', (error) => {
  if (current) current.error ??= `unhandled rejection: ${describe(error)}`;
});
process.on('uncaughtException', (error) => {
  if (current) current.error ??= `uncaught exception: ${describe(error)}`;
});

const results: Array<{ module: string; ok: boolean; error?: string; output: string; ms: number }> =
  [];
for (const module of modules) {
  output = '';
  current = {};
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      import(pathToFileURL(module).href),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`did not finish within ${TIME_LIMIT_MS / 1000} s`)),
          TIME_LIMIT_MS,
        );
      }),
    ]);
    // Let rejections of promises the block left behind surface before it counts as passed.
    await new Promise((resolve) => setTimeout(resolve, 20));
  } catch (error) {
    current.error ??= describe(error);
  } finally {
    clearTimeout(timer);
  }
  results.push({
    module,
    ok: current.error === undefined,
    ...(current.error !== undefined ? { error: current.error } : {}),
    output,
    ms: Date.now() - started,
  });
  current = undefined;
}
writeFileSync(resultsFile!, JSON.stringify(results, null, 2));
writeOut('');
// Blocks may leave servers or timers behind; the results are written.
process.exit(0);
