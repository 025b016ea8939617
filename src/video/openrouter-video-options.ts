import type { SharedV4Warning } from '@ai-sdk/provider';
import { z } from 'zod/v4';
import {
  type EitherCase,
  requestAttributionFields,
  timeoutOptionSchema,
} from '../shared/openrouter-request-schemas';
import type { OpenRouterTimeout } from '../shared/request-timeout';
import {
  type OpenRouterOptionsSpec,
  type ResolvedOpenRouterOptions,
  resolveOpenRouterOptions,
} from '../shared/resolve-openrouter-options';

/**
 * Video model ids known when this was written, for editor completion; any other string is
 * accepted too. The live list is `GET /videos/models` (video models are not in `GET /models`).
 */
export type OpenRouterVideoModelId =
  | 'google/veo-3.1'
  | 'openai/sora-2-pro'
  | 'bytedance/seedance-2.0'
  | (string & {});

/**
 * `provider` on `POST /videos` is not the routing object of chat: it carries provider-specific
 * parameters keyed by provider slug (`{ options: { 'google-vertex': { negativePrompt: '...' } } }`),
 * forwarded to the provider that serves the job. The slugs and the parameters inside are sent
 * exactly as written. See https://openrouter.ai/docs/cookbook/video-generation/provider-specific-video-options.
 */
export const videoProviderSchema = z
  .object({ options: z.record(z.string(), z.record(z.string(), z.unknown())) })
  .partial()
  .passthrough();

/**
 * The documented `POST /videos` request fields, in wire spelling, that settings and
 * `providerOptions.openrouter` may set. The ones the AI SDK also has as call options
 * (`aspect_ratio`, `size`, `duration`, `seed`, `generate_audio`) are here so that model settings
 * can give defaults (`generateAudio: true`) and `providerOptions` can override per call.
 * See https://openrouter.ai/docs/api/api-reference/video-generation/create-videos.
 */
export const openRouterVideoRequestFieldsSchema = z
  .object({
    /** A resolution tier (`480p`, `720p`, `1080p`, `1K`, `2K`, `4K`); the AI SDK's `WxH` goes to `size`. */
    resolution: z.string(),
    aspect_ratio: z.string(),
    size: z.string().regex(/^\d+x\d+$/, 'Expected WIDTHxHEIGHT, e.g. 1280x720'),
    duration: z.number().int().positive(),
    seed: z.number().int(),
    generate_audio: z.boolean(),
    provider: videoProviderSchema,
    /** A completed job to edit or extend (models that support continuation). */
    previous_job_id: z.string(),
    ...requestAttributionFields,
  })
  .partial();

type WireFields = z.input<typeof openRouterVideoRequestFieldsSchema>;

/** Options that shape the requests but are not body fields. */
export type OpenRouterVideoBehaviourOptions = {
  /**
   * Client-side timeouts for the submit and status requests, off by default: milliseconds for
   * both, or `{ firstByteMs, idleMs }`. Downloads of the finished video are not bounded by it.
   * How often and how long the job is polled is `ai`'s `poll` option.
   */
  timeout?: OpenRouterTimeout;
};

/**
 * The typed surface of `providerOptions.openrouter` for video calls and of the video model
 * settings: every field in wire spelling (`generate_audio`) or camelCase (`generateAudio`).
 */
export type OpenRouterVideoModelOptions = EitherCase<WireFields> & OpenRouterVideoBehaviourOptions;

/** Second argument of `openrouter.videoModel(modelId, settings)`: defaults for every call. */
export type OpenRouterVideoSettings = OpenRouterVideoModelOptions & {
  /**
   * @deprecated The polling interval of `@openrouter/ai-sdk-provider`. Here `ai` polls the job
   * (`experimental_generateVideo`'s `poll: { intervalMs }`); accepted with a warning.
   */
  pollIntervalMs?: number;
  /**
   * @deprecated The polling limit of `@openrouter/ai-sdk-provider`. Here `ai` polls the job
   * (`experimental_generateVideo`'s `poll: { timeoutMs }`); accepted with a warning.
   */
  maxPollTimeMs?: number;
  /** Merged into the request body after the call options, before call `providerOptions`. */
  extraBody?: Record<string, unknown>;
};

const POLLED_BY_AI =
  "ai polls the job, not the model: use experimental_generateVideo's poll option ({ intervalMs, timeoutMs }). It was not sent.";

export const openRouterVideoOptionsSpec: OpenRouterOptionsSpec = {
  fields: openRouterVideoRequestFieldsSchema.shape,
  verbatimFields: new Set(['trace']),
  behaviour: { timeout: timeoutOptionSchema },
  checkedNested: { provider: videoProviderSchema },
  // Set from the call: the prompt, the frame images and references, and the webhook URL
  // (`ai`'s `webhook` option, or `webhookUrl` of `experimental_startVideo`).
  reserved: new Set(['model', 'prompt', 'frame_images', 'input_references', 'callback_url']),
  noEffect: {
    poll_interval_ms: POLLED_BY_AI,
    max_poll_time_ms: POLLED_BY_AI,
  },
};

/** Validates video settings or `providerOptions.openrouter` and maps them to wire names. */
export function resolveOpenRouterVideoOptions(
  options: Record<string, unknown> | undefined,
  source: string,
  warnings: SharedV4Warning[],
): ResolvedOpenRouterOptions<OpenRouterVideoBehaviourOptions> {
  return resolveOpenRouterOptions(openRouterVideoOptionsSpec, options, source, warnings);
}
