/**
 * `npm run bench embeddings` (run `npm run build` first): `embedMany` of a large batch (2,048
 * inputs of 1,536 dimensions) over real HTTP from the emulator, with the vectors sent as float
 * JSON and as base64, against the raw floor (`fetch` + `JSON.parse` of the same float response).
 * This is the measurement behind the default `encoding_format`.
 *
 * Our package is the built `dist/` (BENCH_DIST for another build), as users load it. The
 * emulator runs in a child process serving two pre-serialised bodies (float and base64, chosen
 * by the request's `encoding_format`), so its work is not measured. Every round runs every client
 * once, in a rotated order; each run's vectors are checked (count, length, order, values) and a
 * wrong client ends the run with exit code 1. Env: BENCH_ROUNDS (default 7), BENCH_INPUTS
 * (2048), BENCH_DIMENSIONS (1536).
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { EmbeddingModelV4 } from '@ai-sdk/provider';
import { createOpenRouter as createIncumbent } from '@openrouter/ai-sdk-provider';
import { type EmbeddingModel, embedMany } from 'ai';
import { embeddingJson, embeddingVector, startOpenRouterEmulator } from '../src/testing/index';
import { median } from './measure';
import { fixed, table } from './report';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const WARMUP = 2;
const INPUTS = Number(process.env.BENCH_INPUTS ?? 2048);
const DIMENSIONS = Number(process.env.BENCH_DIMENSIONS ?? 1536);
const MODEL_ID = 'openai/text-embedding-3-small';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const inputs = Array.from(
  { length: INPUTS },
  (_, i) => `Document ${i}: a paragraph of a knowledge base, chunked for retrieval.`,
);

// ---------------------------------------------------------------------------------------------
// The emulator process
// ---------------------------------------------------------------------------------------------

async function serve(): Promise<void> {
  const vectors = inputs.map((input) => embeddingVector(input, DIMENSIONS));
  const info = { inputs, model: MODEL_ID, dimensions: DIMENSIONS };
  const id = 'gen-emb-1796000000-BenchBenchBenchBench';
  const bodies = {
    float: Buffer.from(JSON.stringify(embeddingJson({ vectors, id }, info))),
    base64: Buffer.from(JSON.stringify(embeddingJson({ vectors, id, encoding: 'base64' }, info))),
  };
  const emulator = await startOpenRouterEmulator({
    handler: (request) => {
      const format = (request.body as { encoding_format?: unknown } | undefined)?.encoding_format;
      const body = format === 'base64' ? bodies.base64 : bodies.float;
      return {
        type: 'raw',
        body,
        headers: {
          'content-type': 'application/json',
          'content-length': String(body.length),
          'x-generation-id': id,
          // A fresh connection per run: between runs of seconds on a loaded machine, a reused
          // keep-alive socket can be closed by the server just as the next request is written.
          connection: 'close',
        },
      };
    },
  });
  // Recorded requests (2,048 inputs each) would grow for the whole run: keep the list empty.
  setInterval(() => emulator.requests.splice(0), 1_000).unref();
  process.send?.({
    baseURL: emulator.baseURL,
    bytes: { float: bodies.float.length, base64: bodies.base64.length },
  });
  process.on('disconnect', () => void emulator.close().then(() => process.exit(0)));
}

interface Served {
  baseURL: string;
  bytes: { float: number; base64: number };
  stop: () => void;
}

async function startServer(): Promise<Served> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<Omit<Served, 'stop'>>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Omit<Served, 'stop'>));
    child.once('exit', (code) => reject(new Error(`The emulator process exited (${code}).`)));
  });
  return { ...ready, stop: () => child.disconnect() };
}

// ---------------------------------------------------------------------------------------------
// The clients
// ---------------------------------------------------------------------------------------------

interface Client {
  name: string;
  /** Resolves to the vectors in input order. */
  run(): Promise<number[][]>;
}

type WireData = { data: Array<{ embedding: number[] | string; index: number }> };

/** Little-endian float32 base64 -> numbers, with web APIs only (what a careful client does). */
function decodeBase64(text: string): number[] {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const floats = new Float32Array(bytes.buffer);
  const vector = new Array<number>(floats.length);
  for (let i = 0; i < floats.length; i++) vector[i] = floats[i]!;
  return vector;
}

async function createClients(baseURL: string): Promise<Client[]> {
  const dist = process.env.BENCH_DIST ?? join(root, 'dist');
  const entry = join(dist, 'index.js');
  if (!existsSync(entry)) {
    throw new Error(`${entry} does not exist: run \`npm run build\` first.`);
  }
  const ours = (await import(pathToFileURL(entry).href)) as typeof import('../src/index');
  const openrouter = ours.createOpenRouter({ apiKey: 'bench', baseURL });
  const incumbent = createIncumbent({ apiKey: 'bench', baseURL });
  const model = openrouter.embeddingModel(MODEL_ID);

  const floor = (encoding: 'float' | 'base64'): Client => ({
    name:
      encoding === 'float'
        ? 'floor: fetch + JSON.parse (float)'
        : 'floor: fetch + JSON.parse + atob decode (base64)',
    run: async () => {
      const response = await fetch(`${baseURL}/embeddings`, {
        method: 'POST',
        headers: { authorization: 'Bearer bench', 'content-type': 'application/json' },
        body: JSON.stringify({ model: MODEL_ID, input: inputs, encoding_format: encoding }),
      });
      const { data } = JSON.parse(await response.text()) as WireData;
      const vectors = new Array<number[]>(data.length);
      for (const entry of data) {
        vectors[entry.index] =
          typeof entry.embedding === 'string' ? decodeBase64(entry.embedding) : entry.embedding;
      }
      return vectors;
    },
  });
  const sdk = (name: string, embeddingModel: EmbeddingModel, encoding?: string): Client => ({
    name,
    run: async () =>
      (
        await embedMany({
          model: embeddingModel,
          values: inputs,
          maxRetries: 0,
          ...(encoding ? { providerOptions: { openrouter: { encodingFormat: encoding } } } : {}),
        })
      ).embeddings,
  });
  return [
    floor('float'),
    floor('base64'),
    sdk('ai-sdk-openrouter embedMany, float', model, 'float'),
    sdk('ai-sdk-openrouter embedMany, base64', model, 'base64'),
    sdk('ai-sdk-openrouter embedMany, default', model),
    sdk(
      '@openrouter/ai-sdk-provider embedMany (float only)',
      // The incumbent bundles its own copy of the V4 types: structurally the same interface.
      incumbent.textEmbeddingModel(MODEL_ID) as unknown as EmbeddingModelV4,
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// Checking and timing
// ---------------------------------------------------------------------------------------------

class WrongOutputError extends Error {}

/** Inputs whose vectors every run checks, value by value (as float32). */
const CHECKED = [0, 1, Math.floor(INPUTS / 2), INPUTS - 1].filter((i) => i >= 0 && i < INPUTS);
const expected = new Map(CHECKED.map((i) => [i, embeddingVector(inputs[i]!, DIMENSIONS)]));

function check(client: Client, vectors: number[][]): void {
  const fail = (problem: string) => {
    throw new WrongOutputError(`${client.name}: ${problem}`);
  };
  if (vectors.length !== INPUTS) fail(`${vectors.length} vectors for ${INPUTS} inputs`);
  for (let i = 0; i < vectors.length; i++) {
    if (vectors[i]?.length !== DIMENSIONS) fail(`vector ${i} has ${vectors[i]?.length} values`);
  }
  for (const [i, vector] of expected) {
    const got = vectors[i]!;
    for (let k = 0; k < DIMENSIONS; k++) {
      if (Math.fround(got[k]!) !== Math.fround(vector[k]!)) {
        fail(`vector ${i}[${k}] is ${got[k]}, expected ${vector[k]}`);
      }
    }
  }
}

interface Sample {
  wallMs: number;
  cpuMs: number;
}

const collectGarbage = (globalThis as { gc?: () => void }).gc;

async function runOnce(client: Client): Promise<Sample> {
  // Each run allocates a few hundred MB; a full GC first keeps one client's garbage from being
  // collected on the next client's time.
  collectGarbage?.();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const vectors = await client.run();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  check(client, vectors);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

async function interleaved(clients: Client[]): Promise<Map<Client, Sample[]>> {
  const samples = new Map<Client, Sample[]>(clients.map((client) => [client, []]));
  for (let round = -WARMUP; round < ROUNDS; round++) {
    const offset = (((round % clients.length) + clients.length) % clients.length) as number;
    for (const client of [...clients.slice(offset), ...clients.slice(0, offset)]) {
      const sample = await runOnce(client);
      if (round >= 0) samples.get(client)!.push(sample);
    }
  }
  return samples;
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const out = (text = '') => process.stdout.write(`${text}\n`);
  const started = performance.now();
  const progress = (message: string) =>
    process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0)}s] ${message}\n`);
  (globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

  progress(`serialising ${INPUTS} x ${DIMENSIONS} vectors in the emulator process`);
  const server = await startServer();
  try {
    const clients = await createClients(server.baseURL);
    out('## Machine');
    out();
    out(`- CPU: ${cpus()[0]?.model ?? 'unknown'}, ${availableParallelism()} cores available`);
    out(`- Node ${process.version}; ai-sdk-openrouter from ${process.env.BENCH_DIST ?? 'dist/'}`);
    out(
      `- load average at start: ${loadavg()
        .map((load) => load.toFixed(1))
        .join(' / ')}`,
    );
    out(
      `- ${ROUNDS} measured rounds (+${WARMUP} warm-up), clients interleaved; ${collectGarbage ? 'full GC before every run' : 'no forced GC (run with --expose-gc)'}`,
    );
    progress(`${clients.length} clients, ${ROUNDS + WARMUP} rounds`);
    const samples = await interleaved(clients);

    const rows = [...samples].map(([client, runs]) => {
      const walls = runs.map((run) => run.wallMs);
      return {
        client,
        wall: median(walls),
        min: Math.min(...walls),
        max: Math.max(...walls),
        cpu: median(runs.map((run) => run.cpuMs)),
      };
    });
    const floor = rows[0]!;
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    out();
    out(
      `## embedMany: ${INPUTS} inputs x ${DIMENSIONS} dimensions (response: float JSON ${mb(server.bytes.float)} MB, base64 ${mb(server.bytes.base64)} MB)`,
    );
    out();
    out(
      table(
        [
          'client',
          'median ms',
          'min–max ms',
          'CPU ms (median)',
          '× float floor',
          'CPU × float floor',
        ],
        rows.map((row) => [
          row.client.name,
          fixed(row.wall, 1),
          `${fixed(row.min, 0)}–${fixed(row.max, 0)}`,
          fixed(row.cpu, 1),
          fixed(row.wall / floor.wall),
          fixed(row.cpu / floor.cpu),
        ]),
      ),
    );
    const byName = (name: string) => rows.find((row) => row.client.name.endsWith(name))!;
    const float = byName('embedMany, float');
    const base64 = byName('embedMany, base64');
    out();
    out(
      `base64 ÷ float (ours): ${fixed(base64.wall / float.wall)} wall, ${fixed(base64.cpu / float.cpu)} CPU; the default should request ${base64.wall < float.wall ? 'base64' : 'float'} on this evidence.`,
    );
    out();
    out(
      `load average at end: ${loadavg()
        .map((load) => load.toFixed(1))
        .join(' / ')}`,
    );
    progress(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } catch (error) {
    if (!(error instanceof WrongOutputError)) throw error;
    process.stderr.write(`WRONG OUTPUT: ${error.message}\n`);
    process.exitCode = 1;
  } finally {
    server.stop();
  }
}

if (process.argv.includes('--serve')) await serve();
else await main();
