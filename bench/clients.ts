/**
 * The clients under comparison. Each reads one scenario from the emulator over real HTTP and
 * reports the content to a `Sink`; none of them keeps the parts.
 */
import type { LanguageModelV4, LanguageModelV4CallOptions } from '@ai-sdk/provider';
import { createOpenRouter as createIncumbent } from '@openrouter/ai-sdk-provider';
import { generateText, jsonSchema, type LanguageModel, streamText, type ToolSet, tool } from 'ai';
import { createParser } from 'eventsource-parser';
import { ensureBuiltEntry } from './built-entry';
import type { Sink } from './sink';
import type { Scenario } from './streams';

export type Package = 'floor' | 'ours' | 'incumbent';
export type Way = 'floor' | 'doStream' | 'streamText' | 'doGenerate' | 'generateText';

export interface Client {
  name: string;
  pkg: Package;
  way: Way;
  /** The AI SDK's functions parse tool inputs: the sink compares parsed values. */
  parsedToolInputs: boolean;
  run(scenario: Scenario, sink: Sink): Promise<void>;
}

const PROMPT_TEXT = 'Write the files.';
const PROMPT: LanguageModelV4CallOptions['prompt'] = [
  { role: 'user', content: [{ type: 'text', text: PROMPT_TEXT }] },
];

/**
 * Our package as users load it: the built `dist/index.js` (built first when absent), or another
 * entry (BENCH_OURS_ENTRY: a sourcemapped bundle for profiling, or `src/index.ts` through tsx).
 */
export const oursEntry = process.env.BENCH_OURS_ENTRY ?? ensureBuiltEntry();
const { createOpenRouter: createOurs } = (await import(oursEntry)) as typeof import('../src/index');

// ai 7 would print the providers' setup warnings on every call.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

export function createClients(baseURL: string): { stream: Client[]; generate: Client[] } {
  const ours = createOurs({ apiKey: 'bench', baseURL });
  const incumbent = createIncumbent({ apiKey: 'bench', baseURL });
  // The incumbent bundles its own copy of the V4 types: structurally the same interface.
  const models: Record<'ours' | 'incumbent', (id: string) => LanguageModelV4> = {
    ours: (id) => ours.chat(id),
    incumbent: (id) => incumbent.chat(id) as unknown as LanguageModelV4,
  };
  const sdk = (pkg: 'ours' | 'incumbent', way: Way): Client => ({
    name: `${pkg === 'ours' ? 'ai-sdk-openrouter' : '@openrouter/ai-sdk-provider'} ${way}`,
    pkg,
    way,
    parsedToolInputs: way === 'streamText' || way === 'generateText',
    run: (scenario, sink) => {
      const model = models[pkg](scenario.id);
      if (way === 'doStream') return viaDoStream(model, sink);
      if (way === 'streamText') return viaStreamText(model, scenario, sink);
      if (way === 'doGenerate') return viaDoGenerate(model, sink);
      return viaGenerateText(model, scenario, sink);
    },
  });
  const floor = (way: Way): Client => ({
    name: 'floor (fetch + SSE parse + JSON.parse)',
    pkg: 'floor',
    way,
    parsedToolInputs: false,
    run: (scenario, sink) =>
      scenario.streaming
        ? floorStream(baseURL, scenario, sink)
        : floorJson(baseURL, scenario, sink),
  });
  return {
    stream: [
      floor('floor'),
      sdk('ours', 'doStream'),
      sdk('incumbent', 'doStream'),
      sdk('ours', 'streamText'),
      sdk('incumbent', 'streamText'),
    ],
    generate: [
      floor('floor'),
      sdk('ours', 'doGenerate'),
      sdk('incumbent', 'doGenerate'),
      sdk('ours', 'generateText'),
      sdk('incumbent', 'generateText'),
    ],
  };
}

async function viaDoStream(model: LanguageModelV4, sink: Sink): Promise<void> {
  const { stream } = await model.doStream({ prompt: PROMPT });
  const reader = stream.getReader();
  for (;;) {
    const { done, value: part } = await reader.read();
    if (done) return;
    sink.part();
    if (part.type === 'text-delta') sink.text(part.delta);
    else if (part.type === 'reasoning-delta') sink.reasoning(part.delta);
    else if (part.type === 'tool-call') sink.tool(part.toolName, part.input);
    else if (part.type === 'finish') sink.finish(part.finishReason.unified);
    else if (part.type === 'error') throw new Error(`stream error: ${String(part.error)}`);
  }
}

const toolSets = new WeakMap<Scenario, ToolSet>();
function toolsFor(scenario: Scenario): ToolSet {
  let tools = toolSets.get(scenario);
  if (!tools) {
    tools = Object.fromEntries(
      scenario.toolNames.map((name) => [
        name,
        tool({ inputSchema: jsonSchema({ type: 'object' }) }),
      ]),
    );
    toolSets.set(scenario, tools);
  }
  return tools;
}

async function viaStreamText(model: LanguageModelV4, scenario: Scenario, sink: Sink) {
  const result = streamText({
    model: model as LanguageModel,
    prompt: PROMPT_TEXT,
    tools: toolsFor(scenario),
    onError: () => {}, // error parts are thrown below
  });
  for await (const part of result.fullStream) {
    sink.part();
    if (part.type === 'text-delta') sink.text(part.text);
    else if (part.type === 'reasoning-delta') sink.reasoning(part.text);
    else if (part.type === 'tool-call') sink.tool(part.toolName, JSON.stringify(part.input));
    else if (part.type === 'finish') sink.finish(part.finishReason);
    else if (part.type === 'error') throw new Error(`stream error: ${String(part.error)}`);
  }
}

async function viaDoGenerate(model: LanguageModelV4, sink: Sink): Promise<void> {
  const result = await model.doGenerate({ prompt: PROMPT });
  for (const part of result.content) {
    sink.part();
    if (part.type === 'text') sink.text(part.text);
    else if (part.type === 'reasoning') sink.reasoning(part.text);
    else if (part.type === 'tool-call') sink.tool(part.toolName, part.input);
  }
  sink.finish(result.finishReason.unified);
}

async function viaGenerateText(model: LanguageModelV4, scenario: Scenario, sink: Sink) {
  const result = await generateText({
    model: model as LanguageModel,
    prompt: PROMPT_TEXT,
    tools: toolsFor(scenario),
  });
  for (const part of result.content) {
    sink.part();
    if (part.type === 'text') sink.text(part.text);
    else if (part.type === 'reasoning') sink.reasoning(part.text);
    else if (part.type === 'tool-call') sink.tool(part.toolName, JSON.stringify(part.input));
  }
  sink.finish(result.finishReason);
}

/** The wire shapes the floor reads (everything else in the chunk is ignored). */
interface WireDelta {
  content?: string | null;
  reasoning_details?: Array<{ type: string; text?: string }>;
  tool_calls?: Array<{ index: number; function?: { name?: string; arguments?: string } }>;
}
interface WireChoice {
  delta?: WireDelta;
  message?: WireDelta;
  finish_reason?: string | null;
}

function post(baseURL: string, scenario: Scenario): Promise<Response> {
  return fetch(`${baseURL}/chat/completions`, {
    method: 'POST',
    headers: { authorization: 'Bearer bench', 'content-type': 'application/json' },
    body: JSON.stringify({
      model: scenario.id,
      messages: [{ role: 'user', content: PROMPT_TEXT }],
      ...(scenario.streaming ? { stream: true } : {}),
    }),
  });
}

/** What any client must at least do: read, split SSE events, JSON.parse each, pick the fields. */
async function floorStream(baseURL: string, scenario: Scenario, sink: Sink): Promise<void> {
  const response = await post(baseURL, scenario);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const tools: Array<{ name: string; input: string }> = [];
  let finishReason = '';
  const parser = createParser({
    onEvent: (event) => {
      sink.part();
      if (event.data === '[DONE]') return;
      const chunk = JSON.parse(event.data) as { choices: WireChoice[] };
      const choice = chunk.choices[0];
      if (!choice) return;
      if (choice.delta) readDelta(choice.delta, sink, tools, false);
      if (choice.finish_reason) finishReason = choice.finish_reason;
    },
  });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.feed(decoder.decode(value, { stream: true }));
  }
  for (const call of tools) sink.tool(call.name, call.input);
  sink.finish(finishReason === 'tool_calls' ? 'tool-calls' : finishReason);
}

async function floorJson(baseURL: string, scenario: Scenario, sink: Sink): Promise<void> {
  const response = await post(baseURL, scenario);
  const body = JSON.parse(await response.text()) as { choices: WireChoice[] };
  const choice = body.choices[0]!;
  sink.part();
  const tools: Array<{ name: string; input: string }> = [];
  readDelta(choice.message!, sink, tools, true);
  for (const call of tools) sink.tool(call.name, call.input);
  const finishReason = choice.finish_reason ?? '';
  sink.finish(finishReason === 'tool_calls' ? 'tool-calls' : finishReason);
}

function readDelta(
  delta: WireDelta,
  sink: Sink,
  tools: Array<{ name: string; input: string }>,
  whole: boolean,
): void {
  if (delta.reasoning_details) {
    for (const detail of delta.reasoning_details) {
      if (detail.type === 'reasoning.text' && detail.text) sink.reasoning(detail.text);
    }
  }
  if (delta.content) sink.text(delta.content);
  if (delta.tool_calls) {
    for (const [position, call] of delta.tool_calls.entries()) {
      const index = whole ? position : call.index;
      let entry = tools[index];
      if (!entry) {
        entry = { name: '', input: '' };
        tools[index] = entry;
      }
      if (call.function?.name) entry.name = call.function.name;
      if (call.function?.arguments) entry.input += call.function.arguments;
    }
  }
}
