import type { EmulatorResponse, JsonResponse } from '../server/responses.js';
import { generationId } from '../shared/ids.js';

/**
 * Builders for `POST /images` responses, shaped like the examples of OpenRouter's image
 * generation guide (https://openrouter.ai/docs/guides/overview/multimodal/image-generation):
 * `{ created, data: [{ b64_json, media_type }], usage }`, the generation id in the
 * `X-Generation-Id` header. Also the odd-but-valid forms a client must survive: URL outputs,
 * a missing `media_type`, `cost: null`, unknown fields.
 */

/** A real 4x4 PNG (an orange and blue checkerboard, 82 bytes), base64. */
export const TINY_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAGUlEQVR42mP438MgF3UCQiJY/3sYGHDKAABH6hZZLFH3tAAAAABJRU5ErkJggg==';

/** A small SVG, as vectorization models return it (the markup, base64 in `b64_json`). */
export const TINY_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="#ff8c00"/></svg>';

/** {@link TINY_SVG}, base64. */
export const TINY_SVG_BASE64 = Buffer.from(TINY_SVG, 'utf8').toString('base64');

/** One `data` item: `b64_json` (OpenRouter's form) or `url`, with an optional `media_type`. */
export type ImageOutputItem = {
  b64_json?: string;
  url?: string;
  media_type?: string;
  [key: string]: unknown;
};

/** `usage` of an image response. Extra keys are passed through. */
export interface ImageUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  cost?: number | null;
  is_byok?: boolean;
  [key: string]: unknown;
}

/** What {@link imageResponse} answers with. */
export interface ImageScript {
  /** The `data` items, in order. Default: one inline PNG ({@link pngImage}) per requested image. */
  images?: ImageOutputItem[];
  /** Fields over the default usage ({@link imageUsage}); `null` sends no `usage` at all. */
  usage?: Partial<ImageUsage> | null;
  /** Unix seconds; default now. */
  created?: number;
  /** Sent as `X-Generation-Id`; default a fresh `gen-…` id. */
  generationId?: string;
  /** Extra top-level fields (e.g. ones OpenRouter may add later). */
  extra?: Record<string, unknown>;
}

/** An inline image item: the tiny PNG with `media_type: image/png`, or what `item` sets. */
export function pngImage(item: ImageOutputItem = {}): ImageOutputItem {
  return { b64_json: TINY_PNG_BASE64, media_type: 'image/png', ...item };
}

/** A URL image item (the form OpenAI-style image APIs use). */
export function urlImage(url: string, mediaType?: string): ImageOutputItem {
  return mediaType === undefined ? { url } : { url, media_type: mediaType };
}

/**
 * The usage of an image response, as in OpenRouter's example (`cost` 0.04 per image, token
 * counts as the provider reports them), merged with `override`.
 */
export function imageUsage(images = 1, override: Partial<ImageUsage> = {}): ImageUsage {
  const completionTokens = override.completion_tokens ?? 4175 * images;
  const promptTokens = override.prompt_tokens ?? 0;
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    cost: Math.round(0.04 * images * 1e6) / 1e6,
    is_byok: false,
    ...override,
  };
}

/** The `POST /images` body for `script`; `requested` is the request's `n` (default 1). */
export function imageGenerationJson(
  script: ImageScript = {},
  requested = 1,
): Record<string, unknown> {
  const images = script.images ?? Array.from({ length: requested }, () => pngImage());
  const body: Record<string, unknown> = {
    created: script.created ?? Math.floor(Date.now() / 1000),
    data: images,
  };
  if (script.usage !== null) body.usage = imageUsage(images.length, script.usage);
  return { ...body, ...script.extra };
}

/** The whole response for `script`, with the generation id in `X-Generation-Id`. */
export function imageResponse(script: ImageScript = {}, requested = 1): JsonResponse {
  return {
    type: 'json',
    body: imageGenerationJson(script, requested),
    headers: { 'x-generation-id': script.generationId ?? generationId() },
  };
}

/**
 * Error answers of `POST /images`, with the messages of OpenRouter's API reference: a rejected
 * request, missing credits, an upstream failure (retryable), and the same failure inside an
 * HTTP 200 body.
 */
export const IMAGE_ERRORS = {
  badRequest: { type: 'error', status: 400, message: 'Invalid request parameters' },
  insufficientCredits: {
    type: 'error',
    status: 402,
    message: 'Insufficient credits. Add more using https://openrouter.ai/credits',
  },
  providerFailed: {
    type: 'error',
    status: 502,
    message: 'Provider returned error',
    metadata: {
      provider_name: 'OpenAI',
      raw: '{"error":{"message":"Image generation failed"}}',
    },
  },
  errorIn200: {
    type: 'json',
    body: {
      error: {
        code: 502,
        message: 'Provider returned error',
        metadata: { provider_name: 'OpenAI', raw: 'Image generation failed' },
      },
    },
  },
} satisfies Record<string, EmulatorResponse>;
