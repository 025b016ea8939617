import { InvalidArgumentError, type ProviderV4, type SharedV4Warning } from '@ai-sdk/provider';
import type { FetchFunction } from '@ai-sdk/provider-utils';
import type { OpenRouterChatConfig } from './chat/openrouter-chat-config';
import { OpenRouterChatLanguageModel } from './chat/openrouter-chat-language-model';
import type { OpenRouterChatSettings } from './chat/openrouter-chat-options';
import { OpenRouterCompletionLanguageModel } from './completion/openrouter-completion-model';
import type { OpenRouterCompletionSettings } from './completion/openrouter-completion-options';
import { OpenRouterDecisionModel } from './decision/openrouter-decision-model';
import type {
  OpenRouterDecisionModelId,
  OpenRouterDecisionSettings,
} from './decision/openrouter-decision-options';
import { OpenRouterEmbeddingModel } from './embedding/openrouter-embedding-model';
import type { OpenRouterEmbeddingSettings } from './embedding/openrouter-embedding-options';
import { OpenRouterImageModel } from './image/openrouter-image-model';
import type { OpenRouterImageSettings } from './image/openrouter-image-options';
import type { CapabilityChecksSetting } from './platform/capability-check';
import { createCapabilityCheck, createLazyPlatformApi } from './platform/lazy-platform';
import type { OpenRouterChatModelId } from './platform/openrouter-model-ids';
import type { OpenRouterPlatformApi } from './platform/openrouter-platform-api';
import { OpenRouterRerankingModel } from './reranking/openrouter-reranking-model';
import type { OpenRouterRerankingSettings } from './reranking/openrouter-reranking-options';
import { callTimeUtils } from './shared/call-time-utils';
import { checkModelArguments } from './shared/check-model-arguments';
import { checkOptionValue, describeValue, isPlainObject } from './shared/check-option-value';
import {
  createOpenRouterHeaders,
  createSetupWarnings,
  type OpenRouterHeaderSettings,
} from './shared/openrouter-headers';
import { type OpenRouterLimits, resolveOpenRouterLimits } from './shared/openrouter-limits';
import {
  MODEL_REFERENCE_PARAMETERS,
  parseOpenRouterModelReference,
} from './shared/openrouter-model-reference';
import { decisionsBaseURLOf, normalizeOpenRouterBaseURL } from './shared/openrouter-url';
import { OpenRouterSpeechModel } from './speech/openrouter-speech-model';
import type { OpenRouterSpeechSettings } from './speech/openrouter-speech-options';
import { openrouterTools } from './tool/openrouter-tools';
import { OpenRouterTranscriptionModel } from './transcription/openrouter-transcription-model';
import type { OpenRouterTranscriptionSettings } from './transcription/openrouter-transcription-options';
import { OpenRouterVideoModel } from './video/openrouter-video-model';
import type {
  OpenRouterVideoModelId,
  OpenRouterVideoSettings,
} from './video/openrouter-video-options';

/** OpenRouter's API base URL, used when neither `baseURL` nor `OPENROUTER_BASE_URL` is set. */
export const DEFAULT_OPENROUTER_BASE_URL = 'https://openrouter.ai/api/v1';

/** The settings of `createOpenRouter()`; every one is optional. */
export interface OpenRouterProviderSettings extends OpenRouterHeaderSettings {
  /**
   * API key; defaults to the `OPENROUTER_API_KEY` environment variable, read at call time.
   * Required when calling OpenRouter itself; optional behind your own proxy `baseURL`.
   */
  apiKey?: string;
  /**
   * Base URL; defaults to `OPENROUTER_BASE_URL`, then `https://openrouter.ai/api/v1`. Point it at
   * your own proxy route to keep the key off the browser. It must be an absolute http(s) URL (in
   * a browser page, a path like `/api/openrouter` too) without a `#fragment` or credentials (`InvalidArgumentError` otherwise, when the provider is
   * created; for the environment variable, at the first call). Surrounding whitespace and a
   * trailing slash are tolerated; a query string (`…/v1?team=a`) is kept after the path of every
   * request.
   */
  baseURL?: string;
  /**
   * @deprecated The spelling of `@openrouter/ai-sdk-provider`; use `baseURL`. Honoured the same
   * way when `baseURL` is absent.
   */
  baseUrl?: string;
  /**
   * The base URL of OpenRouter's alpha Decisions API, which `decisionModel` (`evaluationModel`)
   * calls at `<decisionsBaseURL>/decisions`. Default: the base URL's origin plus `/api/alpha`
   * (`https://openrouter.ai/api/alpha`), since OpenRouter serves it outside `/api/v1`. Set it
   * when the base URL is a proxy route that forwards the Decisions API elsewhere.
   */
  decisionsBaseURL?: string;
  /**
   * @deprecated Accepted for code written for `@openrouter/ai-sdk-provider`, with a warning. It
   * only decided whether streams asked for usage (`stream_options.include_usage`), which OpenRouter
   * always sends now, so it has no effect.
   */
  compatibility?: 'strict' | 'compatible';
  /** Extra headers on every request. */
  headers?: Record<string, string | undefined>;
  /** Custom fetch (middleware, tests, proxies). */
  fetch?: FetchFunction;
  /** Your app's name for OpenRouter's rankings: sent as `X-OpenRouter-Title` and `X-Title`. */
  appName?: string;
  /** Your app's URL for OpenRouter's rankings: sent as `HTTP-Referer`. */
  appUrl?: string;
  /** Your app's categories (`cli-agent`, ...): sent as `X-OpenRouter-Categories`. */
  appCategories?: string[];
  /** Bring-your-own-key per upstream (`{ anthropic: 'sk-ant-...' }`): `X-Provider-API-Keys`. */
  apiKeys?: Record<string, string>;
  /** Groups requests for sticky routing and logs: `x-session-id` (a body `session_id` wins). */
  sessionId?: string;
  /** Opt in to OpenRouter's response cache: `X-OpenRouter-Cache: true`. */
  responseCache?: boolean;
  /** Anthropic betas to pass through (`interleaved-thinking-2025-05-14`, ...): `x-anthropic-beta`. */
  anthropicBeta?: string[];
  /** Ask for `openrouter_metadata` (routing details) on responses: `X-OpenRouter-Metadata`. */
  routerMetadata?: boolean;
  /**
   * Opt-in capability checks against the model catalog: warn when a call uses a parameter the
   * model's `supported_parameters` lacks, and (`requireParameters`) route structured-output
   * calls only to endpoints that support every parameter. `true` fetches the catalog once, on the
   * first call; or pass the models (or a catalog) you already have.
   */
  capabilityChecks?: CapabilityChecksSetting;
  /** Merged into every request body (after model settings, before call `providerOptions`). */
  extraBody?: Record<string, unknown>;
  /** Id generator for tool calls and sources (deterministic ids in tests). */
  generateId?: () => string;
  /**
   * How much of a response is held in memory at most: `maxEventBytes` for one streamed event
   * (default 16 MB), `maxResponseBytes` for a body read whole (default 64 MB). Beyond either the
   * call fails with a non-retryable `APICallError` and the connection is closed.
   */
  limits?: OpenRouterLimits;
}

/**
 * An OpenRouter provider: call it with a model id for a chat model (`openrouter('openai/gpt-4o')`);
 * it also makes the other model kinds, carries the server tools (`tools`) and the platform API
 * (`models`, `key()`, `credits()`, `generation()`).
 */
export interface OpenRouterProvider extends ProviderV4 {
  (modelId: OpenRouterChatModelId, settings?: OpenRouterChatSettings): OpenRouterChatLanguageModel;
  languageModel(
    modelId: OpenRouterChatModelId,
    settings?: OpenRouterChatSettings,
  ): OpenRouterChatLanguageModel;
  chat(
    modelId: OpenRouterChatModelId,
    settings?: OpenRouterChatSettings,
  ): OpenRouterChatLanguageModel;
  /**
   * A language model over OpenRouter's legacy text-completion endpoint (`POST /completions`),
   * for `generateText` and `streamText`: the prompt is sent as one text (a lone user prompt as
   * written, a conversation as a `user:` / `assistant:` transcript) and the model continues it.
   * Takes the endpoint's own options (`suffix`, `echo`, `logprobs`, `logitBias`, routing, ...) as
   * settings or `providerOptions.openrouter`. No tools or JSON output: those give warnings.
   */
  completion(
    modelId: OpenRouterChatModelId,
    settings?: OpenRouterCompletionSettings,
  ): OpenRouterCompletionLanguageModel;
  /**
   * Text to speech for `generateSpeech`, over `POST /audio/speech` (e.g.
   * `openai/gpt-4o-mini-tts-2025-12-15`). Returns mp3 unless `outputFormat: 'pcm'`.
   */
  speechModel(modelId: string, settings?: OpenRouterSpeechSettings): OpenRouterSpeechModel;
  /** Alias of `speechModel`. */
  speech(modelId: string, settings?: OpenRouterSpeechSettings): OpenRouterSpeechModel;
  /**
   * Speech to text for `transcribe`, over `POST /audio/transcriptions` (e.g. `openai/whisper-1`).
   */
  transcriptionModel(
    modelId: string,
    settings?: OpenRouterTranscriptionSettings,
  ): OpenRouterTranscriptionModel;
  /** Alias of `transcriptionModel`. */
  transcription(
    modelId: string,
    settings?: OpenRouterTranscriptionSettings,
  ): OpenRouterTranscriptionModel;
  /**
   * A video model over OpenRouter's asynchronous `POST /videos` jobs, for
   * `experimental_generateVideo` (its `poll` option sets how often and how long the job is
   * polled; its `webhook` option registers a `callback_url`) and for `experimental_startVideo` /
   * `experimental_getVideoStatus`. Settings are defaults for every call (`generateAudio`,
   * `resolution`, `provider: { options }`, ...); call `providerOptions.openrouter` override them.
   */
  videoModel(
    modelId: OpenRouterVideoModelId,
    settings?: OpenRouterVideoSettings,
  ): OpenRouterVideoModel;
  /** Alias of `videoModel`. */
  video(modelId: OpenRouterVideoModelId, settings?: OpenRouterVideoSettings): OpenRouterVideoModel;
  /**
   * An image model for `generateImage` (`POST /images`): generation, and editing with
   * `prompt: { text, images }`. Settings are defaults for every call: the image options of
   * `providerOptions.openrouter` (`resolution`, `quality`, `outputFormat`, `provider`, ...),
   * `maxImagesPerCall` (default 1) and `extraBody`.
   */
  imageModel(modelId: string, settings?: OpenRouterImageSettings): OpenRouterImageModel;
  /**
   * An embedding model (`POST /embeddings`) for `embed` and `embedMany`, e.g.
   * `openai/text-embedding-3-small`. Settings are defaults for every call; `providerOptions.openrouter`
   * of a call overrides them. See docs/embedding.md.
   */
  embeddingModel(modelId: string, settings?: OpenRouterEmbeddingSettings): OpenRouterEmbeddingModel;
  /** Short for `embeddingModel`. */
  embedding(modelId: string, settings?: OpenRouterEmbeddingSettings): OpenRouterEmbeddingModel;
  /** @deprecated Use `embeddingModel`. */
  textEmbeddingModel(
    modelId: string,
    settings?: OpenRouterEmbeddingSettings,
  ): OpenRouterEmbeddingModel;
  /**
   * A reranking model (`POST /rerank`) for `rerank`, e.g. `cohere/rerank-v3.5`. Settings are
   * defaults for every call; `providerOptions.openrouter` of a call overrides them. See
   * docs/reranking.md.
   */
  rerankingModel(modelId: string, settings?: OpenRouterRerankingSettings): OpenRouterRerankingModel;
  /** Short for `rerankingModel`. */
  reranking(modelId: string, settings?: OpenRouterRerankingSettings): OpenRouterRerankingModel;
  /**
   * An experimental decision model (`experimental_decide`) over OpenRouter's alpha Decisions API
   * (`POST /api/alpha/decisions`), e.g. `typesafe/jev-1.13`: choice, score and boolean questions
   * against one state, answered with probabilities. See docs/decision.md.
   */
  decisionModel(
    modelId: OpenRouterDecisionModelId,
    settings?: OpenRouterDecisionSettings,
  ): OpenRouterDecisionModel;
  /** The name of `decisionModel` in `@openrouter/ai-sdk-provider` (`experimental_evaluate`). */
  evaluationModel(
    modelId: OpenRouterDecisionModelId,
    settings?: OpenRouterDecisionSettings,
  ): OpenRouterDecisionModel;
  /** OpenRouter server tools (`openrouter.tools.webSearch({...})`), executed by OpenRouter. */
  tools: typeof openrouterTools;
  /** The model catalog: `list({ ...filters })`, `get(id)`, `endpoints(id)`. */
  models: OpenRouterPlatformApi['models'];
  /** The current key: usage, limit, remaining (`GET /key`). */
  key: OpenRouterPlatformApi['key'];
  /** Account credits (`GET /credits`; needs a management key). */
  credits: OpenRouterPlatformApi['credits'];
  /** Cost and stats of a past generation (`GET /generation?id=`). */
  generation: OpenRouterPlatformApi['generation'];
}

/**
 * Creates an OpenRouter provider for the AI SDK. Settings are checked here; the API key and the
 * base URL are read at call time (from `OPENROUTER_API_KEY` and `OPENROUTER_BASE_URL` unless
 * given).
 *
 * @example
 * ```ts
 * const openrouter = createOpenRouter({ appName: 'My App', appUrl: 'https://myapp.example' });
 * ```
 */
export function createOpenRouter(options: OpenRouterProviderSettings = {}): OpenRouterProvider {
  checkProviderSettings(options);
  const baseURL =
    options.baseURL === undefined && options.baseUrl !== undefined
      ? createBaseURL(options.baseUrl, 'baseUrl')
      : createBaseURL(options.baseURL);
  const decisionsBaseURL = createDecisionsBaseURL(options.decisionsBaseURL, baseURL);

  const headers = createOpenRouterHeaders(options, baseURL);
  const setupWarnings = withSettingWarnings(createSetupWarnings(options, baseURL), options);
  const limits = resolveOpenRouterLimits(options.limits);

  const platform = createLazyPlatformApi({ baseURL, headers, fetch: options.fetch, limits });
  const checkCapabilities = createCapabilityCheck(options.capabilityChecks, platform);

  const config = (kind: string, modelWarnings: SharedV4Warning[]) => ({
    provider: `openrouter.${kind}`,
    baseURL,
    headers,
    // The provider's set-up warnings once, the model reference's with every call.
    setupWarnings:
      modelWarnings.length === 0 ? setupWarnings : () => [...setupWarnings(), ...modelWarnings],
    fetch: options.fetch,
    limits,
    generateId: options.generateId ?? defaultGenerateId,
    extraBody: options.extraBody,
    checkCapabilities,
  });

  /**
   * A model factory of one kind. Every factory checks its arguments the same way before a model
   * exists, so a missing model id or settings that are not an object fail at once, by name; and
   * every factory reads model references the same way (`openrouter:author/slug?temperature=0`,
   * see `parseOpenRouterModelReference`): the model gets the clean wire id, the query's settings
   * that its kind has (`querySettings`) over the settings argument, and a warning with each call
   * for every query parameter it does not send.
   */
  const factory =
    <SETTINGS extends object, MODEL, EXTRA extends object = object>(
      kind: string,
      Model: new (
        modelId: string,
        settings: SETTINGS,
        config: OpenRouterChatConfig & EXTRA,
      ) => MODEL,
      querySettings: ReadonlySet<string> | 'all' = NO_QUERY_SETTINGS,
      extraConfig?: EXTRA,
    ) =>
    (modelId: string, settings?: SETTINGS): MODEL => {
      checkModelArguments(modelId, settings);
      const reference = parseOpenRouterModelReference(modelId);
      const warnings: SharedV4Warning[] = [];
      let merged = settings ?? ({} as SETTINGS);
      const fromQuery = Object.entries(reference.settings);
      if (fromQuery.length > 0 || reference.unknownParameters.length > 0) {
        const applied: Record<string, unknown> = {};
        for (const [name, value] of fromQuery) {
          if (querySettings === 'all' || querySettings.has(name)) applied[name] = value;
          else warnings.push(queryWarning(modelId, name, `${kind} models have no such setting`));
        }
        for (const name of reference.unknownParameters) {
          warnings.push(
            queryWarning(modelId, name, 'it is no model setting a reference can carry'),
          );
        }
        merged = { ...merged, ...applied };
      }
      return new Model(reference.modelId, merged, {
        ...config(kind, warnings),
        ...(extraConfig as EXTRA),
      });
    };

  const createChatModel = factory('chat', OpenRouterChatLanguageModel, 'all');
  const createCompletionModel = factory('completion', OpenRouterCompletionLanguageModel, 'all');
  const createEmbeddingModel = factory('embedding', OpenRouterEmbeddingModel);
  const createRerankingModel = factory('reranking', OpenRouterRerankingModel);
  const createImageModel = factory('image', OpenRouterImageModel);
  const createSpeechModel = factory('speech', OpenRouterSpeechModel);
  const createTranscriptionModel = factory(
    'transcription',
    OpenRouterTranscriptionModel,
    new Set(['temperature']),
  );
  const createVideoModel = factory('video', OpenRouterVideoModel);
  const createDecisionModel = factory('decision', OpenRouterDecisionModel, NO_QUERY_SETTINGS, {
    decisionsBaseURL,
  });

  const provider = function (modelId: string, settings?: OpenRouterChatSettings) {
    if (new.target) {
      throw new Error('The OpenRouter model function cannot be called with the new keyword.');
    }
    return createChatModel(modelId, settings);
  } as OpenRouterProvider;

  // A real ProviderV4: without this literal, `ai` treats the object as a V2 provider and
  // double-adapts its models through createProviderRegistry.
  Object.assign(provider, {
    specificationVersion: 'v4' as const,
    languageModel: createChatModel,
    chat: createChatModel,
    completion: createCompletionModel,
    imageModel: createImageModel,
    speechModel: createSpeechModel,
    speech: createSpeechModel,
    transcriptionModel: createTranscriptionModel,
    transcription: createTranscriptionModel,
    videoModel: createVideoModel,
    video: createVideoModel,
    embeddingModel: createEmbeddingModel,
    embedding: createEmbeddingModel,
    textEmbeddingModel: createEmbeddingModel,
    rerankingModel: createRerankingModel,
    reranking: createRerankingModel,
    decisionModel: createDecisionModel,
    evaluationModel: createDecisionModel,
    tools: openrouterTools,
    models: platform.models,
    key: platform.key,
    credits: platform.credits,
    generation: platform.generation,
  });
  return provider;
}

const NO_QUERY_SETTINGS: ReadonlySet<string> = new Set();

/**
 * The provider's set-up warnings, reported once with the first call: the header warnings, and
 * settings of `@openrouter/ai-sdk-provider` that are accepted but have no effect here.
 */
function withSettingWarnings(
  headerWarnings: () => SharedV4Warning[],
  options: OpenRouterProviderSettings,
): () => SharedV4Warning[] {
  let reported = false;
  return () => {
    const warnings = headerWarnings();
    if (reported) return warnings;
    reported = true;
    if (options.compatibility !== undefined) {
      warnings.push({
        type: 'deprecated',
        setting: 'compatibility',
        message:
          'compatibility has no effect: OpenRouter always sends usage, in streams too, so there is nothing for it to switch. It can be removed.',
      });
    }
    if (
      options.baseURL !== undefined &&
      options.baseUrl !== undefined &&
      options.baseURL !== options.baseUrl
    ) {
      warnings.push({
        type: 'other',
        message: `Both baseURL and baseUrl are set and differ: baseURL (${options.baseURL}) is used, baseUrl is ignored.`,
      });
    }
    return warnings;
  };
}

/** A query parameter of a model reference that is not sent, and why. */
function queryWarning(reference: string, name: string, why: string): SharedV4Warning {
  return {
    type: 'other',
    message: `The model reference ${JSON.stringify(reference)} has the query parameter "${name}", which was not sent: ${why} (a reference takes ${MODEL_REFERENCE_PARAMETERS.join(', ')}).`,
  };
}

/**
 * The provider settings that can be checked once, when the provider is created: a mistake
 * fails there with an `InvalidArgumentError`, not in every call.
 */
function checkProviderSettings(options: OpenRouterProviderSettings): void {
  if (!isPlainObject(options)) {
    throw new InvalidArgumentError({
      argument: 'options',
      message: `createOpenRouter() takes an object of settings, not ${describeValue(options)}.`,
    });
  }
  if (options.extraBody !== undefined) {
    if (!isPlainObject(options.extraBody)) {
      throw new InvalidArgumentError({
        argument: 'extraBody',
        message: `extraBody must be an object of request body fields, not ${describeValue(options.extraBody)}.`,
      });
    }
    checkOptionValue(options.extraBody, 'extraBody');
  }
}

/**
 * The base URL, resolved per request: the `baseURL` setting (checked now), else
 * `OPENROUTER_BASE_URL` (read at call time, so it may be set after import; checked when first
 * used), else OpenRouter's. An empty or blank environment variable counts as unset.
 */
function createBaseURL(setting: string | undefined, argument = 'baseURL'): () => string {
  if (setting !== undefined) {
    const baseURL = normalizeOpenRouterBaseURL(setting, argument);
    return () => baseURL;
  }
  let checked: { raw: string; baseURL: string } | undefined;
  return () => {
    const raw = callTimeUtils().loadOptionalSetting({
      settingValue: undefined,
      environmentVariableName: 'OPENROUTER_BASE_URL',
    });
    if (raw === undefined || raw.trim() === '') return DEFAULT_OPENROUTER_BASE_URL;
    if (checked?.raw !== raw) {
      checked = { raw, baseURL: normalizeOpenRouterBaseURL(raw, 'OPENROUTER_BASE_URL') };
    }
    return checked.baseURL;
  };
}

/** provider-utils' id generator, reached at call time (see `call-time-utils.ts`). */
function defaultGenerateId(): string {
  return callTimeUtils().generateId();
}

/**
 * The Decisions API's base URL, resolved per request: the `decisionsBaseURL` setting (checked
 * now), else derived from the base URL at call time (see `decisionsBaseURLOf`).
 */
function createDecisionsBaseURL(setting: string | undefined, baseURL: () => string): () => string {
  if (setting === undefined) return () => decisionsBaseURLOf(baseURL());
  const decisionsBaseURL = normalizeOpenRouterBaseURL(setting, 'decisionsBaseURL');
  return () => decisionsBaseURL;
}

/** Default instance: reads `OPENROUTER_API_KEY` (and `OPENROUTER_BASE_URL`) at call time. */
export const openrouter = createOpenRouter();
