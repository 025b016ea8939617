import { z } from 'zod/v4';
import { openString } from '../shared/open-string';
import {
  type EitherCase,
  providerPreferencesWithOptionsSchema,
  timeoutOptionSchema,
} from '../shared/openrouter-request-schemas';
import {
  languageOnlySettings,
  type OpenRouterSharedSettings,
} from '../shared/openrouter-shared-settings';
import type { OpenRouterTimeout } from '../shared/request-timeout';
import type { OpenRouterOptionsSpec } from '../shared/resolve-openrouter-options';

/**
 * Provider routing for `POST /images`: OpenRouter's provider preferences (`order`, `only`,
 * `allow_fallbacks`, `data_collection`, `max_price`, ..., as for chat), plus `options`,
 * provider-specific parameters keyed by provider slug (the endpoint records of
 * `GET /images/models/{author}/{slug}/endpoints` list which keys each provider accepts). See
 * https://openrouter.ai/docs/guides/overview/multimodal/image-generation.
 */
export const imageProviderPreferencesSchema = providerPreferencesWithOptionsSchema;

/**
 * The `POST /images` fields that no `generateImage` argument maps to, plus `size`,
 * `aspect_ratio` and `seed`, which may be given here to override the call options (e.g. a size
 * tier like `"2K"`, or `aspect_ratio: "auto"`, which the AI SDK's types do not allow). Enums are
 * open (see `openString`).
 */
export const openRouterImageRequestFieldsSchema = z
  .object({
    /** Normalized resolution tier; pixels are derived per provider. */
    resolution: openString(['512', '1K', '2K', '4K']),
    /** Ignored by providers without a quality knob. */
    quality: openString(['auto', 'low', 'medium', 'high']),
    /** `svg` is for vectorization models. */
    output_format: openString(['png', 'jpeg', 'webp', 'svg']),
    /** `transparent` needs an output format with alpha (png or webp). */
    background: openString(['auto', 'transparent', 'opaque']),
    /** 0-100, for webp and jpeg output. */
    output_compression: z.number().int().min(0).max(100),
    provider: imageProviderPreferencesSchema,
    /** A tier (`"2K"`) or explicit pixels (`"2048x2048"`). */
    size: z.string(),
    /** `1:1` ... `21:9`, `9:19.5`, or `auto`. */
    aspect_ratio: openString(['auto', '1:1', '16:9', '9:16', '4:3', '3:4', '3:2', '2:3', '21:9']),
    seed: z.number().int(),
  })
  .partial();

type WireFields = z.input<typeof openRouterImageRequestFieldsSchema>;

/** Options that shape the request but are not body fields of their own. */
export type OpenRouterImageBehaviourOptions = {
  /**
   * Groups requests for OpenRouter's logs and sticky routing, sent as the `x-session-id` header
   * (the image API has no body field for it). Overrides the provider's `sessionId`.
   */
  sessionId?: string;
  /** Client-side timeouts, off by default: milliseconds for both, or `{ firstByteMs, idleMs }`. */
  timeout?: OpenRouterTimeout;
};

/**
 * `providerOptions.openrouter` of `generateImage` and the image model settings: every field in
 * wire spelling (`output_format`, `provider.allow_fallbacks`) or camelCase (`outputFormat`,
 * `provider.allowFallbacks`).
 */
export type OpenRouterImageModelOptions = EitherCase<WireFields> & {
  sessionId?: string;
  session_id?: string;
  timeout?: OpenRouterTimeout;
};

/** Image model ids: any OpenRouter image model (`google/gemini-2.5-flash-image`, ...). */
export type OpenRouterImageModelId = string;

/**
 * Second argument of `openrouter.imageModel(modelId, settings)`: defaults for every call. The
 * language-model settings `@openrouter/ai-sdk-provider` typed on every kind
 * (`OpenRouterSharedSettings`) are accepted, with a warning, and not sent.
 */
export type OpenRouterImageSettings = OpenRouterImageModelOptions &
  Omit<OpenRouterSharedSettings, 'seed'> & {
    /**
     * Images requested per `POST /images` call (1-10; default 1). Raise it only for models whose
     * endpoints accept `n` (see `supported_parameters` in `GET /images/models`): providers that
     * generate one image per request reject a larger `n`, and others may return fewer images.
     */
    maxImagesPerCall?: number;
    /** Merged into the request body after the settings and before call `providerOptions`. */
    extraBody?: Record<string, unknown>;
  };

/** How `resolveOpenRouterOptions` reads image settings and `providerOptions.openrouter`. */
export const openRouterImageOptionsSpec: OpenRouterOptionsSpec = {
  fields: openRouterImageRequestFieldsSchema.shape,
  behaviour: { session_id: z.string(), timeout: timeoutOptionSchema },
  checkedNested: { provider: imageProviderPreferencesSchema },
  // `n` follows maxImagesPerCall (the AI SDK splits larger requests), and the prompt and input
  // images come from the call; this model does not stream.
  reserved: new Set(['model', 'prompt', 'n', 'input_references', 'stream']),
  noEffect: languageOnlySettings('image'),
};
