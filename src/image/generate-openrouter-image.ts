import type { ImageModelV4CallOptions, ImageModelV4Result } from '@ai-sdk/provider';
import { isAbortError } from '@ai-sdk/provider-utils';
import type { OpenRouterModelConfig } from '../shared/openrouter-config';
import { requestOpenRouterResponseUrl } from '../shared/openrouter-request';
import {
  createOpenRouterJsonResponseHandler,
  openRouterBinaryResponseHandler,
} from '../shared/openrouter-response-handlers';
import { callOpenRouterJson } from '../shared/post-openrouter-json';
import type { OpenRouterTimeout } from '../shared/request-timeout';
import { buildOpenRouterImageRequest } from './build-openrouter-image-request';
import {
  mapOpenRouterImageItems,
  mapOpenRouterImageResponse,
  type OpenRouterFailedImageDownload,
  type OpenRouterImageOutput,
  type OpenRouterImageSource,
} from './map-openrouter-image-response';
import { openRouterImageResponseSchema } from './openrouter-image-api';
import type { OpenRouterImageSettings } from './openrouter-image-options';

/**
 * One `generateImage` call: the request built from the call options, `POST /images`, the
 * download of images that came as URLs, and the result. Loaded with the first call (most apps
 * never generate images, and the main entry stays small).
 */
export async function generateOpenRouterImages(call: {
  modelId: string;
  settings: OpenRouterImageSettings;
  config: OpenRouterModelConfig;
  options: ImageModelV4CallOptions;
}): Promise<ImageModelV4Result> {
  const { modelId, config, options } = call;
  const {
    value: response,
    responseHeaders,
    behaviour,
    warnings,
  } = await callOpenRouterJson({
    ...call,
    path: '/images',
    build: buildOpenRouterImageRequest,
    successfulResponseHandler: createOpenRouterJsonResponseHandler(openRouterImageResponseSchema),
  });

  const sources = mapOpenRouterImageItems(response.data, warnings);
  const { outputs, failedDownloads } = await fetchImages(
    config,
    sources,
    options.abortSignal,
    behaviour.timeout,
  );
  return {
    ...mapOpenRouterImageResponse({
      response,
      outputs,
      failedDownloads,
      requestedCount: options.n,
      modelId,
      responseHeaders,
      warnings,
    }),
    warnings,
  };
}

/**
 * Downloads the images that came as URLs, in parallel. The URLs come from the response, so the
 * shared layer validates them and sends the API key only to OpenRouter's own origin. A failed
 * download is reported (the image was billed; its URL stays usable), an abort ends the call.
 */
async function fetchImages(
  config: OpenRouterModelConfig,
  sources: OpenRouterImageSource[],
  abortSignal: AbortSignal | undefined,
  timeout: OpenRouterTimeout | undefined,
): Promise<{
  outputs: OpenRouterImageOutput[];
  failedDownloads: OpenRouterFailedImageDownload[];
}> {
  const settled = await Promise.allSettled(
    sources.map(async (source): Promise<OpenRouterImageOutput> => {
      if (source.type === 'base64') {
        const { base64, ...rest } = source;
        return { data: base64, ...rest };
      }
      const { value, responseHeaders } = await requestOpenRouterResponseUrl({
        config,
        url: source.url,
        abortSignal,
        timeout,
        successfulResponseHandler: openRouterBinaryResponseHandler,
      });
      return {
        data: value,
        url: source.url,
        mediaType: source.mediaType,
        contentType: responseHeaders['content-type'],
      };
    }),
  );
  const outputs: OpenRouterImageOutput[] = [];
  const failedDownloads: OpenRouterFailedImageDownload[] = [];
  for (const [index, result] of settled.entries()) {
    if (result.status === 'fulfilled') {
      outputs.push(result.value);
      continue;
    }
    const reason: unknown = result.reason;
    if (isAbortError(reason) || abortSignal?.aborted) throw reason;
    const source = sources[index] as Extract<OpenRouterImageSource, { type: 'url' }>;
    const message = reason instanceof Error ? reason.message : String(reason);
    failedDownloads.push({ url: source.url, message });
  }
  return { outputs, failedDownloads };
}
