import type { RecordedRequest } from '../server/recorded-request.js';
import type { EmulatorHandler, EmulatorResponse, SseEvent } from '../server/responses.js';
import { scriptedChat } from './chat-handler.js';
import { demoAgentHandler } from './demo-agent.js';
import { anthropicThinkingScenario } from './scenarios/anthropic.js';
import { deepSeekReasoningScenario, kimiReasoningScenario } from './scenarios/deepseek.js';
import { geminiThinkingScenario } from './scenarios/gemini.js';
import { openAIReasoningScenario } from './scenarios/openai.js';
import { reasoningScenarioHandler } from './scenarios/scenario-serving.js';
import { webSearchScenario } from './scenarios/web-search.js';

/** Pause between the events of a default stream, so text visibly streams. */
const DEFAULT_PACE_MS = 15;
/** Pause between the events of `emulator/slow`. */
const SLOW_PACE_MS = 120;

/** What an error scenario (`emulator/error/<status>`) answers, by status. */
const ERROR_MESSAGES: Record<number, string> = {
  400: 'Bad request (OpenRouter emulator: emulator/error/400)',
  401: 'No auth credentials found',
  402: 'Insufficient credits. Add more using https://openrouter.ai/settings/credits',
  403: 'Input was flagged by moderation (OpenRouter emulator: emulator/error/403)',
  404: 'No endpoints found for emulator/error/404.',
  408: 'Request timed out (OpenRouter emulator: emulator/error/408)',
  429: 'Rate limit exceeded (OpenRouter emulator: emulator/error/429)',
  500: 'Internal Server Error (OpenRouter emulator: emulator/error/500)',
  502: 'Provider returned error (OpenRouter emulator: emulator/error/502)',
  503: 'No available providers (OpenRouter emulator: emulator/error/503)',
};

const REASONING_SCENARIOS = {
  anthropic: anthropicThinkingScenario,
  gemini: geminiThinkingScenario,
  openai: openAIReasoningScenario,
  deepseek: deepSeekReasoningScenario,
  kimi: kimiReasoningScenario,
  'web-search': webSearchScenario,
} as const;

/**
 * The model ids with a behaviour of their own in {@link chatScenarioHandler}, with what each
 * does; every other model id gets the demo agent.
 */
export const CHAT_SCENARIO_MODELS: Readonly<Record<string, string>> = {
  'emulator/echo':
    'answers with a JSON text of the request it received: the header names (never values) and the body',
  'emulator/slow': `the demo agent, ${SLOW_PACE_MS} ms between stream events`,
  'emulator/hang': 'streams one text delta, then nothing until the client aborts',
  'emulator/mid-stream-error': 'streams some text, then an error chunk (502) ends the stream',
  ...Object.fromEntries(
    Object.keys(ERROR_MESSAGES).map((status) => [
      `emulator/error/${status}`,
      `answers ${status} in OpenRouter's error envelope${status === '429' ? ' (Retry-After: 0)' : ''}`,
    ]),
  ),
  ...Object.fromEntries(
    Object.keys(REASONING_SCENARIOS).map((family) => [
      `emulator/reasoning/${family}`,
      `the ${family} reasoning scenario: a three-step tool loop (getWeather, convertTemperature, answer)`,
    ]),
  ),
};

/**
 * `POST /chat/completions` with a behaviour chosen by the requested model id (see
 * {@link CHAT_SCENARIO_MODELS}): the demo agent for any ordinary id, streamed at a readable pace;
 * `emulator/...` ids for echo, slow, hanging, failing and reasoning-family scenarios.
 */
export function chatScenarioHandler(): EmulatorHandler {
  const demo = demoAgentHandler();
  const echo = scriptedChat((request) => ({ text: [echoText(request)] }));
  const midStreamError = scriptedChat({
    text: ['This answer is cut', ' short by', ' an upstream error.'],
    finishReason: null,
    midStreamError: { code: 502, message: 'Provider disconnected unexpectedly' },
  });
  const reasoning = Object.fromEntries(
    Object.entries(REASONING_SCENARIOS).map(([family, scenario]) => [
      family,
      reasoningScenarioHandler(scenario()),
    ]),
  ) as Record<string, EmulatorHandler>;

  return async (request) => {
    const model = modelOf(request);
    if (model === 'emulator/echo') return echo(request);
    if (model === 'emulator/slow') return paced(await demo(request), SLOW_PACE_MS);
    if (model === 'emulator/hang') return hanging(request);
    if (model === 'emulator/mid-stream-error') return paced(await midStreamError(request));
    const status = /^emulator\/error\/(\d{3})$/.exec(model)?.[1];
    if (status !== undefined) return errorScenario(Number(status));
    const family = /^emulator\/reasoning\/(.+)$/.exec(model)?.[1];
    if (family !== undefined) {
      const handler = reasoning[family];
      if (!handler) return unknownScenario(model);
      return paced(await handler(request));
    }
    if (model.startsWith('emulator/')) return unknownScenario(model);
    return paced(await demo(request));
  };
}

function modelOf(request: RecordedRequest): string {
  const model = (request.body as { model?: unknown } | undefined)?.model;
  return typeof model === 'string' ? model : '';
}

/** Inserts a pause after each data event of a stream; other responses pass unchanged. */
function paced(response: EmulatorResponse, ms = DEFAULT_PACE_MS): EmulatorResponse {
  if (response.type !== 'sse') return response;
  const events: SseEvent[] = [];
  for (const event of response.events) {
    events.push(event);
    if ('data' in event) events.push({ delayMs: ms });
  }
  return { ...response, events };
}

function hanging(request: RecordedRequest): EmulatorResponse {
  const model = modelOf(request);
  const chunk = (delta: Record<string, unknown>) => ({
    id: 'gen-emulator-hang',
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model,
    provider: 'OpenRouter emulator',
    choices: [{ index: 0, delta, finish_reason: null, native_finish_reason: null }],
  });
  return {
    type: 'sse',
    events: [
      { data: chunk({ role: 'assistant', content: '' }) },
      { data: chunk({ content: 'Waiting' }) },
    ],
    ending: 'hang',
  };
}

function echoText(request: RecordedRequest): string {
  return JSON.stringify({
    method: request.method,
    path: request.path,
    headers: Object.keys(request.headers).sort(),
    body: request.body,
  });
}

function errorScenario(status: number): EmulatorResponse {
  const message = ERROR_MESSAGES[status];
  if (!message) {
    return {
      type: 'error',
      status: 400,
      message: `OpenRouter emulator: no error scenario for status ${status}; use one of ${Object.keys(ERROR_MESSAGES).join(', ')}`,
    };
  }
  return { type: 'error', status, message, ...(status === 429 ? { retryAfter: 0 } : {}) };
}

function unknownScenario(model: string): EmulatorResponse {
  return {
    type: 'error',
    status: 400,
    message: `OpenRouter emulator: ${model} is not a scenario; the emulator/ models are ${Object.keys(CHAT_SCENARIO_MODELS).join(', ')}`,
  };
}
