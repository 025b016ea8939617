/**
 * The benchmark's workloads: OpenRouter responses built with the emulator's fixture builders,
 * serialised once, plus the content every client must reproduce exactly. Deterministic, so the
 * emulator process and the benchmark process build identical scenarios independently.
 */
import {
  type ChatScript,
  chatCompletionJson,
  chatCompletionStream,
  serializeSse,
} from '../src/testing/index';

export interface ExpectedContent {
  text: string;
  reasoning: string;
  tools: Array<{ name: string; input: string }>;
  finishReason: 'stop' | 'tool-calls';
}

export interface Scenario {
  /** Also the model id the clients request: the emulator routes on it. */
  id: string;
  label: string;
  streaming: boolean;
  /** The response body, pre-serialised (SSE or JSON). */
  body: Buffer;
  /** `data:` events in the stream (without `[DONE]`); 1 for JSON responses. */
  chunks: number;
  expected: ExpectedContent;
  /** Tool names in the response, for `streamText`'s `tools`. */
  toolNames: string[];
  script: ChatScript;
}

const CREATED = 1_767_225_600;

function words(count: number, offset = 0): string[] {
  return Array.from({ length: count }, (_, index) => `tok${index + offset} `);
}

/**
 * `text` in fragments of `min` to `max` characters, the lengths drawn from a fixed-seed
 * generator (the same on every run and in every process). ASCII, so never inside a code point.
 */
function cutVarying(text: string, min: number, max: number, seed: number): string[] {
  let state = seed >>> 0 || 1;
  const next = () => {
    // xorshift32: deterministic, no dependency
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
  const out: string[] = [];
  for (let at = 0; at < text.length; ) {
    const size = min + (next() % (max - min + 1));
    out.push(text.slice(at, at + size));
    at += size;
  }
  return out;
}

const PROSE =
  'The quick brown fox jumps over the lazy dog while the model streams its answer token by token. ';

/** Exactly `count` fragments of 3 to 5 characters of prose (as a tokenizer's deltas look). */
function deltas(count: number, seed: number): string[] {
  // 4 characters per fragment on average: enough text for `count` fragments, then trimmed.
  const text = PROSE.repeat(Math.ceil((count * 5) / PROSE.length) + 1);
  return cutVarying(text, 3, 5, seed).slice(0, count);
}

/** A JSON argument object (~2 KB for 40 lines), as a code-writing tool would receive. */
function toolArguments(index: number, lineCount = 40): string {
  const lines = Array.from(
    { length: lineCount },
    (_, line) => `export const value${index}_${line} = compute(${line}, "x");`,
  );
  return JSON.stringify({ path: `src/generated/file-${index}.ts`, content: lines.join('\n') });
}

function expectedOf(script: ChatScript, join: (value: string | string[] | undefined) => string) {
  const tools = (script.toolCalls ?? []).map((call) => ({
    name: call.name,
    input: join(call.arguments),
  }));
  return {
    text: join(script.text),
    reasoning: join(script.reasoning),
    tools,
    finishReason: tools.length > 0 ? ('tool-calls' as const) : ('stop' as const),
  };
}

const joinFragments = (value: string | string[] | undefined) =>
  value === undefined ? '' : typeof value === 'string' ? value : value.join('');

function streamScenario(id: string, label: string, script: ChatScript): Scenario {
  const events = chatCompletionStream({ id: `gen-${id}`, model: id, created: CREATED, ...script });
  const chunks = events.filter((event) => 'data' in event).length;
  return {
    id,
    label,
    streaming: true,
    body: Buffer.from(serializeSse(events)),
    chunks,
    expected: expectedOf(script, joinFragments),
    toolNames: (script.toolCalls ?? []).map((call) => call.name),
    script,
  };
}

function jsonScenario(id: string, label: string, script: ChatScript): Scenario {
  const body = chatCompletionJson({ id: `gen-${id}`, model: id, created: CREATED, ...script });
  return {
    id,
    label,
    streaming: false,
    body: Buffer.from(JSON.stringify(body)),
    chunks: 1,
    expected: expectedOf(script, joinFragments),
    toolNames: (script.toolCalls ?? []).map((call) => call.name),
    script,
  };
}

/** Joins every `size` consecutive fragments: the same content in fewer chunks. */
function coarser(fragments: string[], size: number): string[] {
  const out: string[] = [];
  for (let at = 0; at < fragments.length; at += size) {
    out.push(fragments.slice(at, at + size).join(''));
  }
  return out;
}

/** Reasoning as `delta.reasoning` plus `reasoning_details` fragments, then the text. */
const reasoningScript = (fragments: number, piece: (count: number, seed: number) => string[]) =>
  ({
    reasoning: piece(fragments, 2),
    reasoningFormat: 'anthropic-claude-v1',
    reasoningSignature: 'EqQBCkgIARABGAIiQL2bench-signature',
    text: piece(fragments, 3),
  }) satisfies ChatScript;

/** 8 calls whose JSON arguments stream in pieces of 2 to 8 characters. */
const toolCalls = (lineCount: number) =>
  Array.from({ length: 8 }, (_, index) => ({
    id: `call_bench_${index}`,
    name: `write_file_${index}`,
    arguments: cutVarying(toolArguments(index, lineCount), 2, 8, 100 + index),
  }));

/** The same content in a tenth (text, reasoning) or an eighth (tool arguments) of the chunks. */
function coarse(script: ChatScript): ChatScript {
  const merge = (value: string | string[] | undefined, size: number) =>
    Array.isArray(value) ? coarser(value, size) : value;
  return {
    ...script,
    text: merge(script.text, 10),
    reasoning: merge(script.reasoning, 10),
    toolCalls: script.toolCalls?.map((call) => ({ ...call, arguments: merge(call.arguments, 8)! })),
  };
}

/** The three streams of the performance issue and the short one (cheap to build). */
export function buildStreamScenarios() {
  // The three shapes of the performance issue, as an outside bench measures them.
  const text = streamScenario('bench/text', 'text: 20,000 deltas of 3-5 chars', {
    text: deltas(20_000, 1),
  });
  const reasoning = streamScenario(
    'bench/reasoning',
    'reasoning: 10,000 reasoning + 10,000 text deltas',
    reasoningScript(10_000, deltas),
  );
  const tools = streamScenario('bench/tools', 'tools: 8 calls, ~2 KB args in 2-8 char pieces', {
    toolCalls: toolCalls(40),
  });
  const short = streamScenario('bench/short', 'short stream (20 text deltas)', {
    text: words(20),
  });
  return { text, reasoning, tools, short };
}

export function buildScenarios() {
  const { text, reasoning, tools, short } = buildStreamScenarios();
  // Memory pairs: ~100,000 chunks against the same content in ~10,000, so what is retained per
  // chunk stands out of the heap's noise (±100-300 KB between runs, i.e. ±3 B per extra chunk).
  const textHuge = streamScenario('bench/text-huge', '100,000 text deltas', {
    text: words(100_000),
  });
  const textHugeCoarse = streamScenario(
    'bench/text-huge-coarse',
    '10,000',
    coarse(textHuge.script),
  );
  const reasoningHuge = streamScenario(
    'bench/reasoning-huge',
    '50,000 reasoning + 50,000 text',
    reasoningScript(50_000, (count, seed) => words(count, seed === 2 ? 100_000 : 0)),
  );
  const reasoningHugeCoarse = streamScenario(
    'bench/reasoning-huge-coarse',
    '5,000 + 5,000',
    coarse(reasoningHuge.script),
  );
  const toolsHuge = streamScenario(
    'bench/tools-huge',
    '8 tool calls, 100 KB args, 2-8 char pieces',
    {
      toolCalls: toolCalls(1_900),
    },
  );
  const toolsHugeCoarse = streamScenario(
    'bench/tools-huge-coarse',
    'pieces joined by 8',
    coarse(toolsHuge.script),
  );
  const generate = jsonScenario('bench/generate', 'doGenerate, ~50 KB JSON', {
    reasoning: words(1_000, 500_000).join(''),
    reasoningFormat: 'anthropic-claude-v1',
    reasoningSignature: 'EqQBCkgIARABGAIiQL2bench-signature',
    text: words(4_000).join(''),
    toolCalls: [
      { id: 'call_gen_0', name: 'write_file_0', arguments: toolArguments(0) },
      { id: 'call_gen_1', name: 'write_file_1', arguments: toolArguments(1) },
    ],
  });
  return {
    text,
    reasoning,
    tools,
    short,
    generate,
    textHuge,
    textHugeCoarse,
    reasoningHuge,
    reasoningHugeCoarse,
    toolsHuge,
    toolsHugeCoarse,
  };
}

export type Scenarios = ReturnType<typeof buildScenarios>;
