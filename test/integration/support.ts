/**
 * Shared support for the integration tests (and the hostile-stream tests, which use the same
 * emulator set-up): one OpenRouter emulator per test file (started in `beforeAll`, reset before
 * every test, closed in `afterAll`) and providers pointed at it, so every call goes through
 * `ai` 7 -> provider -> real HTTP -> emulator; readers for the recorded chat bodies; the weather
 * tools of the tool-loop tests; and small assertion helpers.
 */
import { APICallError } from '@ai-sdk/provider';
import { convertReadableStreamToArray } from '@ai-sdk/provider-utils/test';
import {
  readUIMessageStream,
  streamText,
  type ToolSet,
  tool,
  type UIMessage,
  type UIMessageChunk,
  type Warning,
} from 'ai';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { z } from 'zod';
import {
  createOpenRouter,
  type OpenRouterChatLanguageModel,
  type OpenRouterChatSettings,
  type OpenRouterProvider,
  type OpenRouterProviderSettings,
} from '../../src/index.js';
import {
  type ChatScript,
  type EmulatorHandler,
  type OpenRouterEmulator,
  type RecordedRequest,
  type ScenarioStep,
  scriptedChat,
  startOpenRouterEmulator,
} from '../../src/testing/index.js';

// ---------------------------------------------------------------------------------------------
// The emulator and providers pointed at it
// ---------------------------------------------------------------------------------------------

/** The model id every integration test asks for, unless it tests model ids. */
export const MODEL_ID = 'openai/gpt-4o';

/** A key that is obviously fake; `secrets.test.ts` uses its own distinctive keys. */
export const TEST_API_KEY = 'sk-or-v1-test-0000';

export interface EmulatorFixture {
  readonly emulator: OpenRouterEmulator;
  /** `emulatorProvider(emulator)`, one instance for the whole file. */
  readonly openrouter: OpenRouterProvider;
  /** A chat model of `openrouter`: `MODEL_ID` unless another id is given. */
  model(modelId?: string, settings?: OpenRouterChatSettings): OpenRouterChatLanguageModel;
  /** The bodies of the `POST /chat/completions` requests received so far, in order. */
  chatBodies(): WireBody[];
  /** A `POST` of `body` as JSON to the emulator's `path`, with a key: raw HTTP, no provider code. */
  postJson(path: string, body: unknown): Promise<Response>;
}

/**
 * Starts one emulator for the calling test file and resets it (queue, handler, recorded requests)
 * before each test. Read the fixture's properties inside tests and hooks only.
 */
export function useEmulator(): EmulatorFixture {
  let emulator: OpenRouterEmulator | undefined;
  let openrouter: OpenRouterProvider | undefined;
  beforeAll(async () => {
    emulator = await startOpenRouterEmulator();
    openrouter = emulatorProvider(emulator);
  });
  beforeEach(() => {
    emulator?.reset();
  });
  afterAll(async () => {
    await emulator?.close();
  });
  const fixture: EmulatorFixture = {
    get emulator() {
      if (!emulator) throw new Error('The emulator is not running (use it inside tests).');
      return emulator;
    },
    get openrouter() {
      if (!openrouter) throw new Error('The provider is not created yet (use it inside tests).');
      return openrouter;
    },
    model: (modelId = MODEL_ID, settings) => fixture.openrouter(modelId, settings),
    chatBodies: () =>
      fixture.emulator.requests
        .filter((request) => request.path === '/chat/completions')
        .map((request) => request.json<WireBody>()),
    postJson: (path, body) =>
      fetch(`${fixture.emulator.baseURL}${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TEST_API_KEY}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }),
  };
  return fixture;
}

/** A provider pointed at the emulator, with a test key unless the settings give another. */
export function emulatorProvider(
  emulator: OpenRouterEmulator,
  settings: OpenRouterProviderSettings = {},
): OpenRouterProvider {
  return createOpenRouter({ apiKey: TEST_API_KEY, baseURL: emulator.baseURL, ...settings });
}

/** The recorded request at `index` (negative counts from the end); fails when there is none. */
export function requestAt(emulator: OpenRouterEmulator, index = -1): RecordedRequest {
  const request = emulator.requests.at(index);
  if (!request) {
    throw new Error(
      `No recorded request at index ${index} (${emulator.requests.length} requests recorded).`,
    );
  }
  return request;
}

/** The JSON body of the recorded request at `index`. */
export function bodyAt(emulator: OpenRouterEmulator, index = -1): Record<string, unknown> {
  return requestAt(emulator, index).json();
}

// ---------------------------------------------------------------------------------------------
// Chat request bodies as sent
// ---------------------------------------------------------------------------------------------

/** The parts of a chat request body these tests read. */
export interface WireBody {
  model: string;
  stream?: boolean;
  messages: WireMessage[];
  tools?: Array<{ type: string; function: { name: string; parameters: unknown } }>;
  tool_choice?: unknown;
  response_format?: unknown;
  [key: string]: unknown;
}

export interface WireToolCall {
  id: string;
  type: string;
  function: { name: string; arguments: string };
}

export interface WireMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: unknown;
  tool_calls?: WireToolCall[];
  tool_call_id?: string;
  reasoning?: string;
  reasoning_details?: unknown[];
  [key: string]: unknown;
}

/** The assistant and tool messages of a request (what the loop sent back). */
export function historyOf(body: WireBody): WireMessage[] {
  return body.messages.filter((message) => message.role === 'assistant' || message.role === 'tool');
}

/** The assistant messages of a request. */
export function assistantsOf(body: WireBody): WireMessage[] {
  return body.messages.filter((message) => message.role === 'assistant');
}

/** The `tool_calls` of each assistant message (`[]` for one without). */
export function toolCallsOf(messages: WireMessage[]): WireToolCall[][] {
  return messages.filter((m) => m.role === 'assistant').map((m) => m.tool_calls ?? []);
}

/** The tool messages, reduced to what pairs them with their calls. */
export function toolMessagesOf(
  messages: WireMessage[],
): Array<{ tool_call_id: string | undefined; content: unknown }> {
  return messages
    .filter((m) => m.role === 'tool')
    .map((m) => ({ tool_call_id: m.tool_call_id, content: m.content }));
}

/**
 * A scenario step's `reasoning_details` as the next request must carry them on `sent` (the
 * step's assistant message as sent): unchanged, except that an entry referring by `id` to a call
 * whose repeated upstream id was replaced (Gemini's `tool_0_<name>` every step) refers to the
 * call's new id, the one `sent` carries. Checks that the calls are the step's, in order.
 */
export function detailsAsSent(
  step: ScenarioStep,
  sent: WireMessage,
): ScenarioStep['reasoningDetails'] {
  const calls = sent.tool_calls ?? [];
  expect(
    calls.map((call) => call.function.name),
    step.label,
  ).toEqual(step.toolCalls.map((call) => call.name));
  const renamed = new Map<string, string>();
  step.toolCalls.forEach((call, index) => {
    const id = calls[index]!.id;
    if (id !== call.id && !renamed.has(call.id)) renamed.set(call.id, id);
  });
  return step.reasoningDetails?.map((detail) => {
    const id = typeof detail.id === 'string' ? renamed.get(detail.id) : undefined;
    return id === undefined ? detail : { ...detail, id };
  });
}

/** Number of assistant messages in a request: 0 on the first step of a loop, 1 on the second... */
export function assistantTurns(request: RecordedRequest): number {
  const body = request.json<Partial<WireBody>>() ?? {};
  return (body.messages ?? []).filter((message) => message.role === 'assistant').length;
}

/**
 * A handler that plays one script per step of a tool loop, chosen by the number of assistant
 * messages already in the conversation (so the same handler serves streamed and non-streamed
 * calls, and a request that lost its history gets the wrong script and fails the test).
 */
export function scriptedTurns(scripts: ChatScript[]): EmulatorHandler {
  return scriptedChat((request) => {
    const turn = assistantTurns(request);
    const script = scripts[turn];
    if (!script) throw new Error(`no script for turn ${turn}`);
    return script;
  });
}

// ---------------------------------------------------------------------------------------------
// The weather tools of the tool-loop tests
// ---------------------------------------------------------------------------------------------

const TEMPERATURES_C: Record<string, number> = { Paris: 18, London: 12, Rome: 24 };

/**
 * What `getWeather` answers for `city` (sunny, 0°C for an unknown city), recorded in `executed`
 * as `getWeather:<city>`. The keys are deliberately not sorted: the provider must send the
 * result in the tool's own key order (`{"tempC":…,"city":…,"conditions":"sunny"}`).
 */
export function weatherIn(city: string, executed: string[] = []) {
  executed.push(`getWeather:${city}`);
  return { tempC: TEMPERATURES_C[city] ?? 0, city, conditions: 'sunny' };
}

/** `getWeather({ city })`, see `weatherIn`. */
export function getWeatherTool(
  executed: string[] = [],
  { needsApproval = false }: { needsApproval?: boolean } = {},
) {
  return tool({
    description: 'Current weather for a city',
    inputSchema: z.object({ city: z.string() }),
    ...(needsApproval ? { needsApproval: true } : {}),
    execute: async ({ city }) => weatherIn(city, executed),
  });
}

/** `convertTemperature({ celsius })` -> `{ fahrenheit }`, recorded as `convertTemperature:<celsius>`. */
export function convertTemperatureTool(executed: string[] = []) {
  return tool({
    description: 'Celsius to Fahrenheit',
    inputSchema: z.object({ celsius: z.number() }),
    execute: async ({ celsius }) => {
      executed.push(`convertTemperature:${celsius}`);
      return { fahrenheit: (celsius * 9) / 5 + 32 };
    },
  });
}

/** `getWeather` and `convertTemperature`, both recording their calls in `executed`. */
export function weatherTools(executed: string[] = []) {
  return {
    getWeather: getWeatherTool(executed),
    convertTemperature: convertTemperatureTool(executed),
  };
}

// ---------------------------------------------------------------------------------------------
// Running `ai` calls
// ---------------------------------------------------------------------------------------------

/** Runs `streamText` to the end; any error it reports through `onError` fails the test. */
export async function streamTextToEnd<TOOLS extends ToolSet>(
  options: Parameters<typeof streamText<TOOLS>>[0],
) {
  const errors: unknown[] = [];
  const result = streamText({ ...options, onError: ({ error }) => void errors.push(error) });
  await result.consumeStream();
  expect(errors).toEqual([]);
  return result;
}

/** `ai` logs every call warning to the console by default; the tests read them from results. */
export function silenceAiWarnings(): void {
  (globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;
}

/**
 * Collects what `ai` would log as call warnings (`AI_SDK_LOG_WARNINGS`) instead of writing it to
 * the console, afresh for every test; read `.logged` inside tests.
 */
export function captureAiWarnings(): { readonly logged: Warning[] } {
  let logged: Warning[] = [];
  let savedLogger: typeof globalThis.AI_SDK_LOG_WARNINGS;
  beforeEach(() => {
    logged = [];
    savedLogger = globalThis.AI_SDK_LOG_WARNINGS;
    globalThis.AI_SDK_LOG_WARNINGS = (options) => {
      logged.push(...options.warnings);
    };
  });
  afterEach(() => {
    globalThis.AI_SDK_LOG_WARNINGS = savedLogger;
  });
  return {
    get logged() {
      return logged;
    },
  };
}

/** Tees a UI message stream: every chunk, and the final message `readUIMessageStream` builds. */
export async function readUI(
  stream: ReadableStream<UIMessageChunk>,
): Promise<{ chunks: UIMessageChunk[]; message: UIMessage }> {
  const [forChunks, forMessages] = stream.tee();
  const uiErrors: unknown[] = [];
  const [chunks, messages] = await Promise.all([
    convertReadableStreamToArray(forChunks),
    convertReadableStreamToArray(
      readUIMessageStream<UIMessage>({
        stream: forMessages,
        onError: (error) => void uiErrors.push(error),
      }),
    ),
  ]);
  expect(uiErrors).toEqual([]);
  const message = messages.at(-1);
  if (!message) throw new Error('readUIMessageStream produced no message');
  return { chunks, message };
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/** Narrows to an `APICallError`; fails the test with what it got otherwise. */
export function asApiCallError(error: unknown): APICallError {
  expect(APICallError.isInstance(error), `expected an APICallError, got ${String(error)}`).toBe(
    true,
  );
  return error as APICallError;
}

/** Resolves to what `promise` rejected with; fails the test when it resolves instead. */
export async function rejectionOf(promise: PromiseLike<unknown>): Promise<unknown> {
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    return error;
  }
  throw new Error(`Expected a rejection, but the promise resolved with ${describe(value)}.`);
}

/** Calls `fn` and returns what it threw; fails the test when it returns instead. */
export function thrownBy(fn: () => unknown): unknown {
  let value: unknown;
  try {
    value = fn();
  } catch (error) {
    return error;
  }
  throw new Error(`Expected a throw, but the call returned ${describe(value)}.`);
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 200) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Sets (or, with `undefined`, deletes) environment variables for the duration of `fn`, restoring
 * the previous values afterwards, also when `fn` throws.
 */
export async function withEnv<T>(
  values: Record<string, string | undefined>,
  fn: () => Promise<T> | T,
): Promise<T> {
  const previous = new Map<string, string | undefined>();
  for (const [name, value] of Object.entries(values)) {
    previous.set(name, process.env[name]);
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  try {
    return await fn();
  } finally {
    for (const [name, value] of previous) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
