import type {
  ImageModelV4Result,
  ImageModelV4Usage,
  JSONObject,
  SharedV4Warning,
} from '@ai-sdk/provider';
import {
  convertBase64ToUint8Array,
  detectMediaType,
  getTopLevelMediaType,
} from '@ai-sdk/provider-utils';
import { buildOpenRouterResponseMetadata } from '../shared/openrouter-response-metadata';
import type { OpenRouterImageItem, OpenRouterImageResponse } from './openrouter-image-api';

/**
 * `POST /images` response -> AI SDK image result, in two steps around the I/O: first which
 * images the response holds and how to get their bytes (inline base64, or a URL to download),
 * then the result from the bytes.
 */

/** A generated image as the response gave it. */
export type OpenRouterImageSource =
  | { type: 'base64'; base64: string; mediaType?: string; url?: string }
  | { type: 'url'; url: string; mediaType?: string };

const DATA_URL = /^data:([^;,]*)(?:;[^,]*)?;base64,(.*)$/is;

/**
 * The images of the response, in order. Inline base64 (also as a data URL, in `b64_json` or
 * `url`) is used as is; an http(s) URL must be downloaded. An item with neither is skipped with
 * a warning.
 */
export function mapOpenRouterImageItems(
  items: readonly OpenRouterImageItem[],
  warnings: SharedV4Warning[],
): OpenRouterImageSource[] {
  const sources: OpenRouterImageSource[] = [];
  items.forEach((item, index) => {
    const declared = item.media_type ?? undefined;
    const url = item.url ?? undefined;
    const inline = item.b64_json ? parseInline(item.b64_json) : url ? parseDataUrl(url) : undefined;
    if (inline) {
      const mediaType = declared ?? inline.mediaType;
      const remoteUrl = url && !url.startsWith('data:') ? url : undefined;
      sources.push({
        type: 'base64',
        base64: inline.base64,
        ...(mediaType ? { mediaType } : {}),
        ...(remoteUrl ? { url: remoteUrl } : {}),
      });
    } else if (url && /^https?:\/\//i.test(url)) {
      sources.push({ type: 'url', url, ...(declared ? { mediaType: declared } : {}) });
    } else {
      warnings.push({
        type: 'other',
        message: `OpenRouter returned image ${index} without image data (no b64_json or http(s) url); it was skipped.`,
      });
    }
  });
  return sources;
}

function parseInline(value: string): { base64: string; mediaType?: string } {
  return parseDataUrl(value) ?? { base64: value };
}

function parseDataUrl(value: string): { base64: string; mediaType?: string } | undefined {
  const match = DATA_URL.exec(value);
  if (!match) return undefined;
  return match[1] ? { base64: match[2]!, mediaType: match[1] } : { base64: match[2]! };
}

/** An image with its bytes: inline base64, or downloaded (with the download's content type). */
export type OpenRouterImageOutput =
  | { data: string; mediaType?: string; url?: string }
  | { data: Uint8Array; mediaType?: string; url: string; contentType?: string };

/** A URL image that could not be downloaded: reported, never silently dropped. */
export interface OpenRouterFailedImageDownload {
  url: string;
  message: string;
}

/** The image model result (warnings aside) from the response and the images' bytes. */
export function mapOpenRouterImageResponse(options: {
  response: OpenRouterImageResponse;
  outputs: readonly OpenRouterImageOutput[];
  failedDownloads: readonly OpenRouterFailedImageDownload[];
  requestedCount: number;
  modelId: string;
  responseHeaders: Record<string, string>;
  warnings: SharedV4Warning[];
}): Omit<ImageModelV4Result, 'warnings'> {
  const { response, outputs, failedDownloads, warnings } = options;
  const usage = response.usage ?? undefined;

  for (const failed of failedDownloads) {
    warnings.push({
      type: 'other',
      message: `OpenRouter generated an image at ${failed.url}, but it could not be downloaded (${failed.message}). Its URL is in providerMetadata.openrouter.failedDownloads.`,
    });
  }
  const received = outputs.length + failedDownloads.length;
  if (received < options.requestedCount) {
    warnings.push({
      type: 'other',
      message: `OpenRouter returned ${received} of the ${options.requestedCount} images requested (n is an upper bound; some providers generate fewer).`,
    });
  }

  // Base64 stays base64 when every image came inline; downloaded bytes make every image bytes.
  const images = outputs.every((output) => typeof output.data === 'string')
    ? outputs.map((output) => output.data as string)
    : outputs.map((output) =>
        typeof output.data === 'string' ? convertBase64ToUint8Array(output.data) : output.data,
      );

  const metadata: JSONObject = {
    images: outputs.map(imageMetadata),
    ...buildOpenRouterResponseMetadata({
      generationId: response.id,
      usage,
      responseHeaders: options.responseHeaders,
    }),
  };
  if (failedDownloads.length > 0) {
    metadata.failedDownloads = failedDownloads.map((failed) => ({ ...failed }));
  }

  const billed = (usage?.cost ?? 0) > 0;
  return {
    images,
    // An empty result that was billed must not be retried: the retry would be billed again.
    ...(images.length === 0 && billed ? { isRetryable: false } : {}),
    providerMetadata: { openrouter: metadata as JSONObject & { images: JSONObject[] } },
    usage: usage ? convertImageUsage(usage) : undefined,
    response: {
      timestamp: response.created != null ? new Date(response.created * 1000) : new Date(),
      modelId: response.model ?? options.modelId,
      headers: options.responseHeaders,
    },
  };
}

/**
 * Per-image metadata (the AI SDK hands entry `i` to image `i`): the media type, which the AI
 * SDK cannot always sniff (SVG), and the URL the image was served from, if any.
 */
function imageMetadata(output: OpenRouterImageOutput): JSONObject {
  const entry: JSONObject = {};
  const contentType = 'contentType' in output ? output.contentType : undefined;
  const mediaType = resolveImageMediaType([output.mediaType, contentType], output.data);
  if (mediaType) entry.mediaType = mediaType;
  if (output.url) entry.url = output.url;
  return entry;
}

/**
 * The image's media type: the first declared one (OpenRouter's `media_type`, then the
 * download's content type) that is a full image type, else sniffed from the bytes.
 */
export function resolveImageMediaType(
  declared: ReadonlyArray<string | undefined>,
  data: string | Uint8Array,
): string | undefined {
  for (const candidate of declared) {
    const essence = candidate?.split(';')[0]?.trim().toLowerCase();
    if (essence && getTopLevelMediaType(essence) === 'image' && !essence.endsWith('/*')) {
      return essence;
    }
  }
  return detectMediaType({ data, topLevelType: 'image' }) ?? sniffSvg(data);
}

/** SVG is text, which signature sniffing does not cover. */
function sniffSvg(data: string | Uint8Array): string | undefined {
  const bytes = typeof data === 'string' ? convertBase64ToUint8Array(data.slice(0, 344)) : data;
  const head = new TextDecoder().decode(bytes.subarray(0, 256)).trimStart();
  return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(head) ||
    /^<!doctype svg/i.test(head)
    ? 'image/svg+xml'
    : undefined;
}

function convertImageUsage(
  usage: NonNullable<OpenRouterImageResponse['usage']>,
): ImageModelV4Usage {
  return {
    inputTokens: usage.prompt_tokens ?? undefined,
    outputTokens: usage.completion_tokens ?? undefined,
    totalTokens: usage.total_tokens ?? undefined,
  };
}
