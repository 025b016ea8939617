import { CHAT_SCENARIO_MODELS, chatScenarioHandler } from './chat/chat-scenarios.js';
import { scriptedCompletion } from './completion/completion-handler.js';
import { DECISIONS_PATH, scriptedDecision } from './decision/decision-handler.js';
import { scriptedEmbedding } from './embedding/embedding-handler.js';
import { scriptedImages } from './image/image-handler.js';
import { generationBody, modelEntry, type WireModel } from './platform/platform-fixtures.js';
import { platformHandler } from './platform/platform-handler.js';
import { scriptedRerank } from './reranking/reranking-handler.js';
import type { RecordedRequest } from './server/recorded-request.js';
import type { EmulatorHandler, EmulatorResponse } from './server/responses.js';
import { scriptedSpeech } from './speech/speech-handler.js';
import { scriptedTranscription } from './transcription/transcription-handler.js';
import { scriptedVideo } from './video/video-handler.js';

/**
 * The model kinds the defaults serve: one route each, answered by that kind's default handler.
 *
 * To add a kind, add its route here with the handler from `src/testing/<kind>/`, for example
 * `{ method: 'POST', path: '/embeddings', kind: 'embedding', handler: () => embeddingDefaults() }`,
 * and its models to {@link defaultCatalog}. Routes not listed fall through to the platform API,
 * and then to a 404 that says which routes are served.
 */
const KIND_ROUTES: ReadonlyArray<{
  method: 'GET' | 'POST';
  /**
   * Exact path after `/api/v1`, or a prefix when it ends with `/`; a route outside `/api/v1`
   * (the Decisions API) by its whole pathname.
   */
  path: string;
  kind: string;
  handler: () => EmulatorHandler;
}> = [
  { method: 'POST', path: '/chat/completions', kind: 'chat', handler: chatScenarioHandler },
  {
    method: 'POST',
    path: '/completions',
    kind: 'completion',
    handler: () =>
      scriptedCompletion({
        text: ' and this is the OpenRouter emulator continuing your prompt.',
      }),
  },
  { method: 'POST', path: '/embeddings', kind: 'embedding', handler: () => scriptedEmbedding() },
  { method: 'POST', path: '/rerank', kind: 'reranking', handler: () => scriptedRerank() },
  { method: 'POST', path: '/images', kind: 'image', handler: () => scriptedImages() },
  { method: 'POST', path: '/audio/speech', kind: 'speech', handler: () => scriptedSpeech() },
  {
    method: 'POST',
    path: '/audio/transcriptions',
    kind: 'transcription',
    handler: () => scriptedTranscription(),
  },
  // One handler keeps the jobs: submit, status checks and content share it.
  ...videoRoutes(),
  { method: 'POST', path: DECISIONS_PATH, kind: 'decision', handler: () => scriptedDecision() },
];

function videoRoutes() {
  const handler = () => scriptedVideo({ pendingPolls: 1 });
  return [
    { method: 'POST', path: '/videos', kind: 'video', handler },
    { method: 'GET', path: '/videos/', kind: 'video', handler },
  ] as const;
}

/** Chat models of the default catalog besides the `emulator/...` scenario ids. */
const CHAT_MODELS: ReadonlyArray<{ id: string; name: string; reasoning?: boolean }> = [
  { id: 'openai/gpt-4o-mini', name: 'OpenAI: GPT-4o-mini' },
  { id: 'openai/gpt-4o', name: 'OpenAI: GPT-4o' },
  { id: 'anthropic/claude-sonnet-4.5', name: 'Anthropic: Claude Sonnet 4.5', reasoning: true },
  { id: 'google/gemini-2.5-flash', name: 'Google: Gemini 2.5 Flash', reasoning: true },
  { id: 'deepseek/deepseek-r1', name: 'DeepSeek: R1', reasoning: true },
];

/**
 * The catalog the defaults serve on `GET /models`: a few well-known chat models and every
 * `emulator/...` scenario id, each with a description of what it does.
 */
export function defaultCatalog(): WireModel[] {
  const reasoningParameters = ['reasoning', 'include_reasoning'];
  const chat = CHAT_MODELS.map(({ id, name, reasoning }) =>
    modelEntry({
      id,
      name,
      description: `${name}, played by the OpenRouter emulator's demo agent.`,
      ...(reasoning ? { supported_parameters: withDefaults(reasoningParameters) } : {}),
    }),
  );
  const scenarios = Object.entries(CHAT_SCENARIO_MODELS).map(([id, description]) =>
    modelEntry({
      id,
      name: `Emulator: ${id.slice('emulator/'.length)}`,
      description: `OpenRouter emulator scenario: ${description}.`,
      supported_parameters: withDefaults(reasoningParameters),
      pricing: { prompt: '0', completion: '0' },
    }),
  );
  const others = OTHER_MODELS.map(({ id, name, input, output }) =>
    modelEntry({
      id,
      name,
      description: `${name}, answered by the OpenRouter emulator's default ${output} handler.`,
      architecture: { input_modalities: input, output_modalities: [output] },
    }),
  );
  return [...chat, ...scenarios, ...others];
}

/** One model for each other kind, listed with `output_modalities` as OpenRouter lists them. */
const OTHER_MODELS: ReadonlyArray<{ id: string; name: string; input: string[]; output: string }> = [
  {
    id: 'openai/text-embedding-3-small',
    name: 'OpenAI: Text Embedding 3 Small',
    input: ['text'],
    output: 'embeddings',
  },
  { id: 'cohere/rerank-v3.5', name: 'Cohere: Rerank 3.5', input: ['text'], output: 'rerank' },
  {
    id: 'google/gemini-2.5-flash-image',
    name: 'Google: Nano Banana',
    input: ['text', 'image'],
    output: 'image',
  },
  {
    id: 'openai/gpt-4o-mini-tts',
    name: 'OpenAI: GPT-4o mini TTS',
    input: ['text'],
    output: 'speech',
  },
  { id: 'openai/whisper-1', name: 'OpenAI: Whisper', input: ['audio'], output: 'transcription' },
  { id: 'google/veo-3.1', name: 'Google: Veo 3.1', input: ['text', 'image'], output: 'video' },
  { id: 'typesafe/jev-1.13', name: 'TypeSafe: Jev 1.13', input: ['text'], output: 'decision' },
];

function withDefaults(extra: string[]): string[] {
  return [...new Set([...(modelEntry({ id: 'x/y' }).supported_parameters as string[]), ...extra])];
}

/**
 * Everything the package calls, with sensible defaults: chat by model id (the demo agent, or an
 * `emulator/...` scenario), the platform API over {@link defaultCatalog} (`/models`, `/model/…`,
 * `/models/…/endpoints`, `/key`, `/credits`, and `/generation` for any id), and a non-retryable
 * 404 that says what to configure for a route nothing serves. `startOpenRouterEmulator()` without
 * a handler and the `ai-sdk-openrouter-emulator` command serve it. `requireAuth: false` (the
 * command's `--no-auth`) serves `/key`, `/credits` and `/generation` without a key as well.
 */
export function defaultHandler(options: { requireAuth?: boolean } = {}): EmulatorHandler {
  const requireAuth = options.requireAuth ?? true;
  // Routes that share a handler factory (video's submit and status) share one handler.
  const made = new Map<() => EmulatorHandler, EmulatorHandler>();
  const serve = (factory: () => EmulatorHandler) => {
    const handler = made.get(factory) ?? factory();
    made.set(factory, handler);
    return handler;
  };
  const kinds = KIND_ROUTES.map((route) => ({ ...route, serve: serve(route.handler) }));
  const platform = platformHandler({ models: defaultCatalog(), fallback: unserved, requireAuth });

  return (request) => {
    const kind = kinds.find(
      (route) =>
        route.method === request.method &&
        (route.path.endsWith('/')
          ? request.path.startsWith(route.path)
          : request.path === route.path),
    );
    if (kind) return kind.serve(request);
    if (request.method === 'GET' && request.path === '/generation' && request.query.id) {
      if (requireAuth && !/^Bearer \S+/i.test(request.headers.authorization ?? '')) {
        return platform(request);
      }
      return { type: 'json', body: generationBody({ id: request.query.id }) };
    }
    return platform(request);
  };

  function unserved(request: RecordedRequest): EmulatorResponse {
    const served = [
      ...kinds.map((route) => `${route.method} ${route.path}`),
      'GET /models',
      'GET /model/{author}/{slug}',
      'GET /models/{author}/{slug}/endpoints',
      'GET /key',
      'GET /credits',
      'GET /generation',
    ];
    return {
      type: 'error',
      status: 404,
      message: `OpenRouter emulator: the defaults do not serve ${request.method} ${request.path} (they serve ${served.join(', ')}). Enqueue a response or set a handler for it (emulator.setHandler, or the handler option of startOpenRouterEmulator).`,
    };
  }
}
