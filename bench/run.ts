/**
 * `npm run bench [name]`: runs one benchmark (best through npm, which adds `--expose-gc`).
 *
 * - `chat` (the default): streaming and non-streaming chat, on the built `dist/`, against the raw-parse floor and
 *   `@openrouter/ai-sdk-provider` (bench/chat.ts); `--check-targets` prints the targets and fails only on a wrong output.
 * - `embeddings`: `embedMany` of 2,048 x 1,536 with float JSON against base64 and the raw floor,
 *   on the built `dist/` (bench/embeddings.ts; `npm run build` first).
 * - `cold-start`: `import()` of the built main entry in fresh processes, alone and after `ai`,
 *   and the first chat result, against the incumbent (bench/cold-start.ts; `npm run build` first).
 * - `image`, `speech`, `transcription`, `completion` (or `kinds` for all four): one model kind of
 *   the built `dist/` against its raw floor (bench/kinds.ts).
 */
const BENCHMARKS: Record<string, () => Promise<unknown>> = {
  chat: () => import('./chat'),
  embeddings: () => import('./embeddings'),
  'cold-start': () => import('./cold-start'),
  image: () => import('./kinds'),
  speech: () => import('./kinds'),
  transcription: () => import('./kinds'),
  completion: () => import('./kinds'),
  kinds: () => import('./kinds'),
};

const chosen = process.argv.slice(2).find((arg) => !arg.startsWith('-')) ?? 'chat';
const benchmark = BENCHMARKS[chosen];
if (benchmark) await benchmark();
else {
  process.stderr.write(
    `Unknown benchmark "${chosen}"; choose one of: ${Object.keys(BENCHMARKS).join(', ')}.\n`,
  );
  process.exitCode = 2;
}

export {};
