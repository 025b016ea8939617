import { afterAll, beforeAll, beforeEach } from 'vitest';
import {
  createOpenRouter,
  type OpenRouterProvider,
  type OpenRouterProviderSettings,
} from '../../src/index';
import {
  type OpenRouterEmulator,
  type RecordedRequest,
  startOpenRouterEmulator,
} from '../../src/testing/index';

/** The model id every integration test asks for, unless it tests model ids. */
export const MODEL_ID = 'openai/gpt-4o';

/** A key that is obviously fake; `secrets.test.ts` uses its own distinctive key. */
export const TEST_API_KEY = 'sk-or-v1-test-0000';

/** `ai` logs every call warning to the console by default; the tests read them from results. */
export function silenceAiWarnings(): void {
  (globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;
}

/**
 * Starts one emulator for the file and resets it (queue, handler, recorded requests) before each
 * test. Read `ctx.emulator` inside tests and hooks only.
 */
export function useEmulator(): { readonly emulator: OpenRouterEmulator } {
  let current: OpenRouterEmulator | undefined;
  beforeAll(async () => {
    current = await startOpenRouterEmulator();
  });
  afterAll(async () => {
    await current?.close();
  });
  beforeEach(() => {
    current?.reset();
  });
  return {
    get emulator() {
      if (!current) throw new Error('The emulator is not running (use it inside tests).');
      return current;
    },
  };
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

/** Reads every part of a stream (e.g. `streamText(...).fullStream`). */
export async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const parts: T[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
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
