/**
 * Shared set-up for the `ai` integration tests: one OpenRouter emulator per test file (started in
 * `beforeAll`, reset before every test, closed in `afterAll`) and a provider pointed at it, so
 * every call goes through `ai` 7 -> provider -> real HTTP -> emulator.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createOpenRouter, type OpenRouterProvider } from '../../src/index.js';
import {
  type ChatScript,
  type EmulatorHandler,
  type OpenRouterEmulator,
  type RecordedRequest,
  scriptedChat,
  startOpenRouterEmulator,
} from '../../src/testing/index.js';

export const TEST_API_KEY = 'sk-or-test-key';

export interface EmulatorFixture {
  readonly emulator: OpenRouterEmulator;
  /** `createOpenRouter({ apiKey, baseURL: emulator.baseURL })`. */
  readonly openrouter: OpenRouterProvider;
  /** The bodies of the `POST /chat/completions` requests received so far, in order. */
  chatBodies(): WireBody[];
}

/** Registers the emulator lifecycle hooks for the calling test file. */
export function useEmulator(): EmulatorFixture {
  let emulator: OpenRouterEmulator | undefined;
  let openrouter: OpenRouterProvider | undefined;
  beforeAll(async () => {
    emulator = await startOpenRouterEmulator();
    openrouter = createOpenRouter({ apiKey: TEST_API_KEY, baseURL: emulator.baseURL });
  });
  beforeEach(() => emulator?.reset());
  afterAll(async () => {
    await emulator?.close();
  });
  const fixture: EmulatorFixture = {
    get emulator() {
      if (!emulator) throw new Error('emulator not started (use inside a test)');
      return emulator;
    },
    get openrouter() {
      if (!openrouter) throw new Error('provider not created (use inside a test)');
      return openrouter;
    },
    chatBodies: () =>
      fixture.emulator.requests
        .filter((request) => request.path === '/chat/completions')
        .map((request) => request.json<WireBody>()),
  };
  return fixture;
}

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

/** The assistant and tool messages of a request (what the loop sent back). */
export function historyOf(body: WireBody): WireMessage[] {
  return body.messages.filter((message) => message.role === 'assistant' || message.role === 'tool');
}

/** Collects an async iterable or a web stream into an array. */
export async function collect<T>(source: AsyncIterable<T> | ReadableStream<T>): Promise<T[]> {
  const out: T[] = [];
  if (source instanceof ReadableStream) {
    const reader = source.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return out;
      out.push(value);
    }
  }
  for await (const item of source) out.push(item);
  return out;
}
