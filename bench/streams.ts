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

/** `text` in fragments of `size` characters (ASCII, so never inside a code point). */
function cut(text: string, size: number): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length; at += size) out.push(text.slice(at, at + size));
  return out;
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

const TEXT_WORDS = words(20_000);

/** Joins every `size` consecutive fragments: the same content in fewer chunks. */
function coarser(fragments: string[], size: number): string[] {
  const out: string[] = [];
  for (let at = 0; at < fragments.length; at += size) {
    out.push(fragments.slice(at, at + size).join(''));
  }
  return out;
}

const reasoningScript = (fragments: number) =>
  ({
    reasoning: words(fragments, 100_000),
    reasoningFormat: 'anthropic-claude-v1',
    reasoningSignature: 'EqQBCkgIARABGAIiQL2bench-signature',
    text: words(fragments),
  }) satisfies ChatScript;

const toolCalls = (lineCount: number) =>
  Array.from({ length: 8 }, (_, index) => ({
    id: `call_bench_${index}`,
    name: `write_file_${index}`,
    arguments: cut(toolArguments(index, lineCount), 8),
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

export function buildScenarios() {
  const text = streamScenario('bench/text', '20,000 text deltas', { text: TEXT_WORDS });
  const reasoning = streamScenario(
    'bench/reasoning',
    '5,000 reasoning + 5,000 text',
    reasoningScript(5_000),
  );
  const tools = streamScenario('bench/tools', '8 parallel tool calls, 2 KB args in 8-byte pieces', {
    toolCalls: toolCalls(40),
  });
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
    reasoningScript(50_000),
  );
  const reasoningHugeCoarse = streamScenario(
    'bench/reasoning-huge-coarse',
    '5,000 + 5,000',
    coarse(reasoningHuge.script),
  );
  const toolsHuge = streamScenario('bench/tools-huge', '8 tool calls, 100 KB args, 8-byte pieces', {
    toolCalls: toolCalls(1_900),
  });
  const toolsHugeCoarse = streamScenario(
    'bench/tools-huge-coarse',
    '64-byte pieces',
    coarse(toolsHuge.script),
  );
  const short = streamScenario('bench/short', 'short stream (20 text deltas)', {
    text: words(20),
  });
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
