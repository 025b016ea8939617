import type { JSONObject, JSONValue } from '@ai-sdk/provider';

/**
 * The types of `providerMetadata.openrouter`, for every model kind and for the parts that carry
 * metadata of their own, and `openrouterMetadata()`, which reads it from any AI SDK result, step,
 * content part, stream part or `providerMetadata` record with its type. Every field is optional:
 * a field is present only when OpenRouter reported it.
 */

/**
 * OpenRouter's usage report in `providerMetadata.openrouter.usage`, the same for every model kind
 * (camelCase, as `@openrouter/ai-sdk-provider` reports it). See
 * https://openrouter.ai/docs/use-cases/usage-accounting.
 */
export interface OpenRouterUsageMetadata {
  /** Prompt (input) tokens, cache reads and writes included. */
  promptTokens?: number;
  /** Completion (output) tokens, reasoning included. */
  completionTokens?: number;
  /** Prompt plus completion tokens. */
  totalTokens?: number;
  /** What the request cost, in credits (US dollars). */
  cost?: number;
  /** Whether the request ran on your own upstream key (bring your own key). */
  isByok?: boolean;
  /** Where the prompt tokens went. */
  promptTokensDetails?: {
    /** Tokens read from the prompt cache. */
    cachedTokens?: number;
    /** Tokens written to the prompt cache (only some models report it). */
    cacheWriteTokens?: number;
    /** Audio input tokens. */
    audioTokens?: number;
    /** Video input tokens. */
    videoTokens?: number;
  };
  /** Where the completion tokens went. */
  completionTokensDetails?: {
    /** Reasoning tokens. */
    reasoningTokens?: number;
    /** Image output tokens. */
    imageTokens?: number;
    /** Audio output tokens. */
    audioTokens?: number;
    /** Predicted-output tokens that were used. */
    acceptedPredictionTokens?: number;
    /** Predicted-output tokens that were not used (still billed). */
    rejectedPredictionTokens?: number;
  };
  /** What the upstream provider charged, for requests on your own key (BYOK). */
  costDetails?: {
    /** The upstream's charge for the whole request. */
    upstreamInferenceCost?: number;
    /** The upstream's charge for the prompt. */
    upstreamInferencePromptCost?: number;
    /** The upstream's charge for the completion. */
    upstreamInferenceCompletionsCost?: number;
  };
  /** Server-tool usage as OpenRouter reports it, e.g. `{ web_search_requests: 1 }`. */
  serverToolUse?: JSONObject;
  /** Search units a reranking request used (reranking only). */
  searchUnits?: number;
  /** Seconds of audio billed (transcription only). */
  seconds?: number;
}

/** The response-cache status of a request made with the `responseCache` setting. */
export interface OpenRouterResponseCacheMetadata {
  /** `HIT` (free, served from the cache) or `MISS`. */
  status?: string;
  /** How long the entry is kept, in seconds, as OpenRouter sent it. */
  ttl?: string;
  /** The age of the cached entry, in seconds, as OpenRouter sent it. */
  age?: string;
  /** The generation id of the response that was cached. */
  sourceId?: string;
}

/** The fields every model kind reports in `providerMetadata.openrouter`. */
export interface OpenRouterResponseMetadata {
  /** The generation id: look the request up later with `openrouter.generation(id)`. */
  generationId?: string;
  /** Whether the request ran on your own upstream key (bring your own key). */
  isByok?: boolean;
  /** Token counts and the cost. */
  usage?: OpenRouterUsageMetadata;
  /** The response-cache status, when the `responseCache` setting is on. */
  responseCache?: OpenRouterResponseCacheMetadata;
}

/** `providerMetadata.openrouter` of a chat model's response (`generateText`, `streamText`, a step). */
export interface OpenRouterChatMetadata extends OpenRouterResponseMetadata {
  /** The upstream provider that served the request, e.g. `Anthropic` (empty when not reported). */
  provider?: string;
  /** The reasoning details of the response, complete and unmodified. */
  reasoning_details?: JSONValue[];
  /** The finish reason as the upstream sent it, e.g. `tool_use`. */
  nativeFinishReason?: string;
  /** Annotations other than web citations (e.g. parsed PDF files), to send back next turn. */
  annotations?: JSONValue[];
  /** Log probabilities, when requested with `logprobs`. */
  logprobs?: JSONValue;
  /** Routing details, when the `routerMetadata` setting is on. */
  routerMetadata?: JSONValue;
}

/** `providerMetadata.openrouter` of a completion model's response (`openrouter.completion()`). */
export interface OpenRouterCompletionMetadata extends OpenRouterResponseMetadata {
  /** The upstream provider that served the request (empty when not reported). */
  provider?: string;
  /** The finish reason as the upstream sent it. */
  nativeFinishReason?: string;
  /** Log probabilities, when requested with `logprobs`. */
  logprobs?: JSONValue;
}

/** `providerMetadata.openrouter` of `embed` and `embedMany`. */
export interface OpenRouterEmbeddingMetadata extends OpenRouterResponseMetadata {
  /** The upstream provider that served the request. */
  provider?: string;
}

/** `providerMetadata.openrouter` of `rerank` (`usage.searchUnits` when reported). */
export interface OpenRouterRerankingMetadata extends OpenRouterResponseMetadata {
  /** The upstream provider that served the request. */
  provider?: string;
}

/**
 * `providerMetadata.openrouter` of `experimental_decide` (the decision model): per question, what
 * the AI SDK's answers have no field for (an answer's `confidence`, a score's `legend`).
 */
export interface OpenRouterDecisionMetadata extends OpenRouterResponseMetadata {
  /** The upstream provider that served the request. */
  provider?: string;
  /** Extra details of each answer, by question id. */
  answers?: Record<string, JSONObject>;
}

/**
 * One generated image's entry in `providerMetadata.openrouter.images`, which the AI SDK also
 * hands to the image itself (`result.image.providerMetadata.openrouter`).
 */
export interface OpenRouterImageEntryMetadata {
  /** The image's media type. */
  mediaType?: string;
  /** The URL the image was served from, when OpenRouter answered with a URL. */
  url?: string;
}

/** `providerMetadata.openrouter` of `generateImage`. */
export interface OpenRouterImageMetadata extends OpenRouterResponseMetadata {
  /** One entry per image, in the order of the result's images. */
  images?: OpenRouterImageEntryMetadata[];
  /** Images generated at a URL that could not be downloaded (each also gave a warning). */
  failedDownloads?: Array<{ url?: string; message?: string }>;
}

/**
 * `providerMetadata.openrouter` of `generateSpeech`: the generation id from the response
 * headers (the audio body carries no usage; `openrouter.generation(id)` has the cost).
 */
export interface OpenRouterSpeechMetadata extends OpenRouterResponseMetadata {}

/** `providerMetadata.openrouter` of `transcribe` (`usage.seconds` when reported). */
export interface OpenRouterTranscriptionMetadata extends OpenRouterResponseMetadata {}

/** `providerMetadata.openrouter` of `generateVideo`. */
export interface OpenRouterVideoMetadata extends OpenRouterResponseMetadata {
  /** The video job's id. */
  jobId?: string;
  /** The job's last status, e.g. `completed`. */
  status?: string;
}

/** `providerMetadata.openrouter` of a `source` part (a web-search citation). */
export interface OpenRouterSourceMetadata {
  /** The cited text, when OpenRouter sent it. */
  content?: string;
  /** Where the citation starts in the answer text. */
  startIndex?: number;
  /** Where the citation ends in the answer text. */
  endIndex?: number;
}

/** `providerMetadata.openrouter` of a `tool-call` or `tool-result` part. */
export interface OpenRouterToolCallMetadata {
  /** The upstream's own id of the call, when the AI SDK side got a fresh one. */
  toolCallId?: string;
  /** `true` for a call OpenRouter executed itself (a server tool such as web search). */
  serverToolCall?: boolean;
  /** Reasoning details that arrived with the call (e.g. a late signature). */
  reasoning_details?: JSONValue[];
}

/** `providerMetadata.openrouter` of a `reasoning` part, or a `text` part after reasoning. */
export interface OpenRouterReasoningMetadata {
  /** The turn's reasoning details, complete and unmodified: they go back with the next request. */
  reasoning_details?: JSONValue[];
}

/** The `providerMetadata.openrouter` type of each model kind and part, by name. */
export interface OpenRouterMetadataByKind {
  /** Chat models: `generateText`, `streamText`, steps, `finish-step` stream parts. */
  chat: OpenRouterChatMetadata;
  /** Completion models. */
  completion: OpenRouterCompletionMetadata;
  /** Embedding models. */
  embedding: OpenRouterEmbeddingMetadata;
  /** Reranking models. */
  reranking: OpenRouterRerankingMetadata;
  /** Image models. */
  image: OpenRouterImageMetadata;
  /** Speech models. */
  speech: OpenRouterSpeechMetadata;
  /** Transcription models. */
  transcription: OpenRouterTranscriptionMetadata;
  /** Decision models (`experimental_decide`). */
  decision: OpenRouterDecisionMetadata;
  /** Video models. */
  video: OpenRouterVideoMetadata;
  /** `source` parts. */
  source: OpenRouterSourceMetadata;
  /** `tool-call` and `tool-result` parts. */
  'tool-call': OpenRouterToolCallMetadata;
  /** `reasoning` and `text` parts. */
  reasoning: OpenRouterReasoningMetadata;
  /** A generated image (`result.image`, `result.images[i]`). */
  file: OpenRouterImageEntryMetadata;
}

/** A name of `OpenRouterMetadataByKind`: `'chat'`, `'embedding'`, `'source'`, ... */
export type OpenRouterMetadataKind = keyof OpenRouterMetadataByKind;

/**
 * What `openrouterMetadata()` reads from: anything with a `providerMetadata` (a result, a step, a
 * content or stream part), or a `providerMetadata` record itself (`await result.providerMetadata`
 * of `streamText`).
 */
export type OpenRouterMetadataSource =
  | { readonly providerMetadata?: Readonly<Record<string, unknown>> | undefined }
  | Readonly<Record<string, unknown>>
  | undefined
  | null;

/**
 * The kind `openrouterMetadata()` assumes for a source: from the result's fields (`embedding`,
 * `ranking`, `images`, `audio`, `segments`, `videos`, a file's `uint8Array`) or a part's `type`;
 * otherwise `'chat'`.
 */
export type InferOpenRouterMetadataKind<T> = T extends
  | { readonly embedding: unknown }
  | { readonly embeddings: unknown }
  ? 'embedding'
  : T extends { readonly ranking: unknown }
    ? 'reranking'
    : T extends { readonly images: unknown }
      ? 'image'
      : T extends { readonly audio: unknown }
        ? 'speech'
        : T extends { readonly segments: unknown }
          ? 'transcription'
          : T extends { readonly videos: unknown }
            ? 'video'
            : T extends { readonly answers: unknown }
              ? 'decision'
              : T extends { readonly uint8Array: unknown }
                ? 'file'
                : T extends { readonly type: 'source' }
                  ? 'source'
                  : T extends { readonly type: 'tool-call' | 'tool-result' }
                    ? 'tool-call'
                    : T extends { readonly type: `reasoning${string}` | `text${string}` }
                      ? 'reasoning'
                      : 'chat';

/**
 * `providerMetadata.openrouter` of an AI SDK result, step, content or stream part, typed for its
 * model kind, or `undefined` when there is none. The kind is inferred from the source (an
 * `embed` result gives `OpenRouterEmbeddingMetadata`, a step `OpenRouterChatMetadata`, a
 * `source` part `OpenRouterSourceMetadata`); pass it to choose, e.g. for a bare
 * `providerMetadata` record.
 *
 * The value is checked, not cast: a field whose value does not have its documented type (metadata
 * reloaded from storage, or written by another provider) is left out, and so are fields this
 * version does not know (they stay in `providerMetadata.openrouter`).
 *
 * @example
 * ```ts
 * const cost = result.steps.reduce((sum, step) => sum + (openrouterMetadata(step)?.usage?.cost ?? 0), 0);
 * ```
 */
export function openrouterMetadata<
  const T extends OpenRouterMetadataSource,
  K extends OpenRouterMetadataKind = InferOpenRouterMetadataKind<T>,
>(source: T, kind?: K): OpenRouterMetadataByKind[K] | undefined;
export function openrouterMetadata(source: OpenRouterMetadataSource): unknown {
  if (!isRecord(source)) return undefined;
  const record = 'providerMetadata' in source ? source.providerMetadata : source;
  return isRecord(record) ? read(record.openrouter, SHAPE) : undefined;
}

/** How a field is checked: its `typeof`, an opaque JSON array or object, a list, or an object. */
type Shape =
  | 'string'
  | 'number'
  | 'boolean'
  | 'array'
  | 'object'
  | 'json'
  | readonly [Shape]
  | { readonly [key: string]: Shape };

/** The shape of `T`, so the table below must name every field of the types above, rightly. */
type ShapeOf<T> =
  NonNullable<JSONValue> extends NonNullable<T>
    ? 'json'
    : NonNullable<T> extends string
      ? 'string'
      : NonNullable<T> extends number
        ? 'number'
        : NonNullable<T> extends boolean
          ? 'boolean'
          : NonNullable<T> extends ReadonlyArray<infer E>
            ? JSONValue extends E
              ? 'array'
              : readonly [ShapeOf<E>]
            : string extends keyof NonNullable<T>
              ? 'object'
              : { readonly [K in keyof NonNullable<T>]-?: ShapeOf<NonNullable<T>[K]> };

/** Every kind's fields in one type (no field means two things in two kinds). */
type AnyOpenRouterMetadata = OpenRouterChatMetadata &
  OpenRouterCompletionMetadata &
  OpenRouterEmbeddingMetadata &
  OpenRouterRerankingMetadata &
  OpenRouterImageMetadata &
  OpenRouterSpeechMetadata &
  OpenRouterTranscriptionMetadata &
  OpenRouterVideoMetadata &
  OpenRouterDecisionMetadata &
  OpenRouterSourceMetadata &
  OpenRouterToolCallMetadata &
  OpenRouterReasoningMetadata &
  OpenRouterImageEntryMetadata;

const SHAPE: ShapeOf<AnyOpenRouterMetadata> = {
  answers: 'object',
  generationId: 'string',
  isByok: 'boolean',
  usage: {
    promptTokens: 'number',
    completionTokens: 'number',
    totalTokens: 'number',
    cost: 'number',
    isByok: 'boolean',
    promptTokensDetails: {
      cachedTokens: 'number',
      cacheWriteTokens: 'number',
      audioTokens: 'number',
      videoTokens: 'number',
    },
    completionTokensDetails: {
      reasoningTokens: 'number',
      imageTokens: 'number',
      audioTokens: 'number',
      acceptedPredictionTokens: 'number',
      rejectedPredictionTokens: 'number',
    },
    costDetails: {
      upstreamInferenceCost: 'number',
      upstreamInferencePromptCost: 'number',
      upstreamInferenceCompletionsCost: 'number',
    },
    serverToolUse: 'object',
    searchUnits: 'number',
    seconds: 'number',
  },
  responseCache: { status: 'string', ttl: 'string', age: 'string', sourceId: 'string' },
  provider: 'string',
  reasoning_details: 'array',
  nativeFinishReason: 'string',
  annotations: 'array',
  logprobs: 'json',
  routerMetadata: 'json',
  images: [{ mediaType: 'string', url: 'string' }],
  failedDownloads: [{ url: 'string', message: 'string' }],
  jobId: 'string',
  status: 'string',
  content: 'string',
  startIndex: 'number',
  endIndex: 'number',
  toolCallId: 'string',
  serverToolCall: 'boolean',
  mediaType: 'string',
  url: 'string',
};

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` if it has `shape` (objects: a copy with the fields that have theirs), else undefined. */
function read(value: unknown, shape: Shape): unknown {
  if (typeof shape === 'string') {
    if (shape === 'json') return value ?? undefined;
    if (shape === 'array') return Array.isArray(value) ? value : undefined;
    if (shape === 'object') return isRecord(value) ? value : undefined;
    return typeof value === shape && (shape !== 'number' || Number.isFinite(value))
      ? value
      : undefined;
  }
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) return undefined;
    return value.map((entry) => read(entry, shape[0]) ?? {});
  }
  if (!isRecord(value)) return undefined;
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(shape)) {
    const field = Object.hasOwn(value, key)
      ? read(value[key], (shape as Record<string, Shape>)[key]!)
      : undefined;
    if (field !== undefined) result[key] = field;
  }
  return result;
}
