/**
 * `npm run bench image|speech|transcription|completion`: one model kind of the built `dist/` (built
 * first when absent; BENCH_OURS_ENTRY for another entry) against its raw floor, over real HTTP
 * from the emulator in a child process (pre-serialised bodies, so its work is not measured):
 * - image: a `POST /images` answer with one ~4 MB base64 image (`b64_json`); floor: fetch +
 *   `JSON.parse`, the base64 string taken as it is;
 * - speech: ~4 MB of pcm audio; floor: fetch + `arrayBuffer()`;
 * - transcription: a ~3 MB WAV upload (base64 in the JSON body, as the API takes it); floor:
 *   base64 + `JSON.stringify` + fetch + `JSON.parse` of the answer;
 * - completion: a legacy completions stream of 20,000 text deltas of 3-5 chars; floor: fetch +
 *   eventsource-parser + `JSON.parse` + string concatenation.
 * Our client calls the model's `do*` method; a full GC before each run of the byte-heavy kinds,
 * none for the stream. 2 warm-up + 7 measured rounds (BENCH_ROUNDS), the
 * clients alternating; × floor as the median of per-round ratios (min–max). Every run's output is
 * checked (exit 1 when wrong). A copy of a few MB more than the floor makes shows as CPU time
 * above it. (Sampling `arrayBuffers` during the call was tried and dropped: it moved in steps of
 * whole MB that did not depend on the client.)
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { createParser } from 'eventsource-parser';
import {
  completionStream,
  imageGenerationJson,
  pcmTone,
  serializeSse,
  startOpenRouterEmulator,
  wavFile,
} from '../src/testing/index';
import { ensureBuiltEntry } from './built-entry';
import { forkServer } from './fork-server';
import { median } from './measure';
import { fixed, perRoundRatio, table, withRange } from './report';

type Kind = 'image' | 'speech' | 'transcription' | 'completion';
const KINDS: Kind[] = ['image', 'speech', 'transcription', 'completion'];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const WARMUP = 2;
const gc = (globalThis as { gc?: () => void }).gc;

/** Deterministic bytes (xorshift32), so both processes build the same payloads. */
function bytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    out[i] = state & 0xff;
  }
  return out;
}

const COMPLETION_TEXT = (() => {
  const prose = 'The quick brown fox jumps over the lazy dog while the model completes the text. ';
  const text = prose.repeat(1_300);
  const out: string[] = [];
  for (let at = 0, n = 0; out.length < 20_000; n++) {
    const size = 3 + ((n * 7919) % 3);
    out.push(text.slice(at, at + size));
    at += size;
  }
  return out;
})();

function payloads() {
  const image = Buffer.from(bytes(3 * 2 ** 20, 7)).toString('base64'); // ~4 MB of base64
  const speech = pcmTone({ durationMs: 87_000, sampleRate: 24_000 }); // ~4 MB
  const wav = wavFile(pcmTone({ durationMs: 65_000, sampleRate: 24_000 })); // ~3 MB
  const transcript = 'The quick brown fox jumps over the lazy dog.';
  return { image, speech, wav, transcript };
}

// ---------------------------------------------------------------------------------------------
// The emulator process
// ---------------------------------------------------------------------------------------------

async function serve(): Promise<void> {
  const { image, speech, transcript } = payloads();
  const json = (body: unknown) => Buffer.from(JSON.stringify(body));
  const bodies: Record<string, { body: Buffer; type: string }> = {
    '/images': {
      body: json(
        imageGenerationJson({ images: [{ b64_json: image, media_type: 'image/png' }] }, 1),
      ),
      type: 'application/json',
    },
    '/audio/speech': { body: Buffer.from(speech), type: 'audio/pcm' },
    '/audio/transcriptions': { body: json({ text: transcript }), type: 'application/json' },
    '/completions': {
      body: Buffer.from(
        serializeSse(
          completionStream({
            id: 'gen-bench-completion',
            model: 'bench/completion',
            created: 1_767_225_600,
            text: COMPLETION_TEXT,
          }),
        ),
      ),
      type: 'text/event-stream',
    },
  };
  const emulator = await startOpenRouterEmulator({
    handler: (request) => {
      const served = bodies[request.path];
      if (!served) return { type: 'error', status: 404, message: `nothing at ${request.path}` };
      return {
        type: 'raw',
        body: served.body,
        headers: {
          'content-type': served.type,
          'content-length': String(served.body.length),
          'x-generation-id': 'gen-bench-kinds',
        },
      };
    },
  });
  setInterval(() => emulator.requests.splice(0), 500).unref();
  process.send?.({ baseURL: emulator.baseURL });
  process.on('disconnect', () => void emulator.close().then(() => process.exit(0)));
}

// ---------------------------------------------------------------------------------------------
// The clients
// ---------------------------------------------------------------------------------------------

class WrongOutput extends Error {}

interface KindClient {
  name: string;
  /** Resolves to the output, checked by `check` and held while `kept` is measured. */
  run(): Promise<unknown>;
}

interface KindBench {
  label: string;
  /** Bytes of the payload (the response's, or the upload's). */
  payloadBytes: number;
  clients: [KindClient, KindClient];
  check(output: unknown): string | undefined;
  /**
   * A full GC before every run: for the kinds that leave MB of garbage. Not for streams: it makes
   * V8 drop the previous run's maps, so every run re-optimises the per-event code (the chat bench
   * found the same).
   */
  gcBetweenRuns: boolean;
}

const headers = { authorization: 'Bearer bench', 'content-type': 'application/json' };

function sameBytes(got: Uint8Array, want: Uint8Array): boolean {
  return Buffer.from(got.buffer, got.byteOffset, got.byteLength).equals(want);
}

async function benches(baseURL: string, kind: Kind): Promise<KindBench> {
  const entry = process.env.BENCH_OURS_ENTRY ?? ensureBuiltEntry();
  const ours = (await import(entry)) as typeof import('../src/index');
  const openrouter = ours.createOpenRouter({ apiKey: 'bench', baseURL });
  const { image, speech, wav, transcript } = payloads();
  const post = (path: string, body: string) =>
    fetch(`${baseURL}${path}`, { method: 'POST', headers, body });

  if (kind === 'image') {
    const model = openrouter.imageModel('bench/image');
    return {
      label: 'image: one ~4 MB base64 image',
      payloadBytes: image.length,
      gcBetweenRuns: true,
      clients: [
        {
          name: 'floor (fetch + JSON.parse)',
          run: async () => {
            const response = await post('/images', JSON.stringify({ model: 'bench/image' }));
            const body = JSON.parse(await response.text()) as { data: Array<{ b64_json: string }> };
            return body.data.map((item) => item.b64_json);
          },
        },
        {
          name: 'ai-sdk-openrouter doGenerate',
          run: async () =>
            (
              await model.doGenerate({
                prompt: 'a fox',
                n: 1,
                size: undefined,
                aspectRatio: undefined,
                seed: undefined,
                files: undefined,
                mask: undefined,
                providerOptions: {},
              })
            ).images,
        },
      ],
      check: (output) => {
        const images = output as Array<string | Uint8Array>;
        const first = images[0];
        const got = typeof first === 'string' ? first : Buffer.from(first ?? []).toString('base64');
        return images.length === 1 && got === image ? undefined : 'image differs';
      },
    };
  }
  if (kind === 'speech') {
    const model = openrouter.speechModel('bench/speech');
    return {
      label: 'speech: ~4 MB of pcm audio',
      payloadBytes: speech.byteLength,
      gcBetweenRuns: true,
      clients: [
        {
          name: 'floor (fetch + arrayBuffer)',
          run: async () => {
            const response = await post(
              '/audio/speech',
              JSON.stringify({ model: 'bench/speech', input: 'hello', response_format: 'pcm' }),
            );
            return new Uint8Array(await response.arrayBuffer());
          },
        },
        {
          name: 'ai-sdk-openrouter doGenerate',
          run: async () =>
            (
              await model.doGenerate({
                text: 'hello',
                outputFormat: 'pcm',
                providerOptions: {},
              } as never)
            ).audio,
        },
      ],
      check: (output) =>
        output instanceof Uint8Array && sameBytes(output, speech) ? undefined : 'audio differs',
    };
  }
  if (kind === 'transcription') {
    const model = openrouter.transcriptionModel('bench/transcription');
    return {
      label: 'transcription: a ~3 MB WAV upload',
      payloadBytes: wav.byteLength,
      gcBetweenRuns: true,
      clients: [
        {
          name: 'floor (base64 + JSON.stringify + fetch + JSON.parse)',
          run: async () => {
            const data = Buffer.from(wav.buffer, wav.byteOffset, wav.byteLength).toString('base64');
            const response = await post(
              '/audio/transcriptions',
              JSON.stringify({
                model: 'bench/transcription',
                input_audio: { data, format: 'wav' },
              }),
            );
            return (JSON.parse(await response.text()) as { text: string }).text;
          },
        },
        {
          name: 'ai-sdk-openrouter doGenerate',
          run: async () =>
            (await model.doGenerate({ audio: wav, mediaType: 'audio/wav', providerOptions: {} }))
              .text,
        },
      ],
      check: (output) => (output === transcript ? undefined : `transcript ${String(output)}`),
    };
  }
  const model = openrouter.completion('bench/completion');
  const expected = COMPLETION_TEXT.join('');
  return {
    label: 'completion: 20,000 text deltas of 3-5 chars (streamed)',
    payloadBytes: expected.length,
    gcBetweenRuns: false,
    clients: [
      {
        name: 'floor (fetch + SSE parse + JSON.parse)',
        run: async () => {
          const response = await post(
            '/completions',
            JSON.stringify({ model: 'bench/completion', prompt: 'x', stream: true }),
          );
          const reader = response.body!.getReader();
          const decoder = new TextDecoder();
          let text = '';
          const parser = createParser({
            onEvent: (event) => {
              if (event.data === '[DONE]') return;
              const chunk = JSON.parse(event.data) as { choices: Array<{ text?: string }> };
              const piece = chunk.choices[0]?.text;
              if (piece) text += piece;
            },
          });
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            parser.feed(decoder.decode(value, { stream: true }));
          }
          return text;
        },
      },
      {
        name: 'ai-sdk-openrouter doStream',
        run: async () => {
          const { stream } = await model.doStream({
            prompt: [{ role: 'user', content: [{ type: 'text', text: 'x' }] }],
          });
          const reader = stream.getReader();
          let text = '';
          for (;;) {
            const { done, value: part } = await reader.read();
            if (done) return text;
            if (part.type === 'text-delta') text += part.delta;
            else if (part.type === 'error') throw new Error(String(part.error));
          }
        },
      },
    ],
    check: (output) =>
      output === expected ? undefined : `text differs (${String(output).length} chars)`,
  };
}

// ---------------------------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------------------------

interface Run {
  wallMs: number;
  cpuMs: number;
}

async function runOnce(bench: KindBench, client: KindClient): Promise<Run> {
  await new Promise((resolve) => setTimeout(resolve, 5));
  if (bench.gcBetweenRuns) gc?.();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const output = await client.run();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const problem = bench.check(output);
  if (problem) throw new WrongOutput(`${client.name} on ${bench.label}: ${problem}`);
  const cpuMs = (used.user + used.system) / 1000;
  return { wallMs, cpuMs };
}

async function measure(kind: Kind, baseURL: string): Promise<string> {
  const bench = await benches(baseURL, kind);
  const samples = new Map<KindClient, Run[]>(bench.clients.map((client) => [client, []]));
  for (let round = -WARMUP; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? bench.clients : [...bench.clients].reverse();
    for (const client of order) {
      const run = await runOnce(bench, client);
      if (round >= 0) samples.get(client)!.push(run);
    }
  }
  const [floor] = bench.clients;
  const floorRuns = samples.get(floor)!;
  const rows = bench.clients.map((client) => {
    const runs = samples.get(client)!;
    const isFloor = client === floor;
    return [
      client.name,
      fixed(median(runs.map((run) => run.wallMs))),
      fixed(median(runs.map((run) => run.cpuMs))),
      isFloor ? '' : withRange(perRoundRatio(runs, floorRuns, 'wallMs')),
      isFloor ? '' : withRange(perRoundRatio(runs, floorRuns, 'cpuMs')),
    ];
  });
  return [
    `## ${bench.label} (${(bench.payloadBytes / 2 ** 20).toFixed(1)} MB payload)`,
    '',
    table(['client', 'ms', 'CPU ms', '× floor (min–max)', 'CPU × floor (min–max)'], rows),
  ].join('\n');
}

if (process.argv.includes('--serve')) await serve();
else {
  const chosen = process.argv
    .slice(2)
    .filter((arg) => !arg.startsWith('-'))
    .filter((arg): arg is Kind => (KINDS as string[]).includes(arg));
  const kinds = chosen.length > 0 ? chosen : KINDS;
  const server = await forkServer(import.meta.url);
  try {
    process.stdout.write(
      `- ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores; Node ${process.version}; load average ${loadavg()
        .map((load) => load.toFixed(1))
        .join(' / ')}\n- ${ROUNDS} rounds + ${WARMUP} warm-up, clients alternating\n\n`,
    );
    for (const kind of kinds) process.stdout.write(`${await measure(kind, server.baseURL)}\n\n`);
    process.stdout.write(
      `load average at end: ${loadavg()
        .map((load) => load.toFixed(1))
        .join(' / ')}\n`,
    );
  } catch (error) {
    if (!(error instanceof WrongOutput)) throw error;
    process.stderr.write(`WRONG OUTPUT: ${error.message}\n`);
    process.exitCode = 1;
  } finally {
    server.stop();
  }
}
