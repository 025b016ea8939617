import {
  type ImageModelV4,
  type ImageModelV4CallOptions,
  type ImageModelV4Result,
  InvalidArgumentError,
} from '@ai-sdk/provider';
import { isAbortError } from '@ai-sdk/provider-utils';
import type { OpenRouterModelConfig } from '../shared/openrouter-config';
import { requestOpenRouter, requestOpenRouterResponseUrl } from '../shared/openrouter-request';
import {
  createOpenRouterJsonResponseHandler,
  openRouterBinaryResponseHandler,
} from '../shared/openrouter-response-handlers';
import type { OpenRouterTimeout } from '../shared/request-timeout';
import type {
  OpenRouterFailedImageDownload,
  OpenRouterImageOutput,
  OpenRouterImageSource,
} from './map-openrouter-image-response';
import type { OpenRouterImageSettings } from './openrouter-image-options';

/**
 * Images per `POST /images` call unless the settings say otherwise. OpenRouter's `n` is only an
 * upper bound: providers that generate one image per request reject `n > 1`, and others may
 * return fewer images than asked. One image per call is the value every image model honours;
 * `generateImage` then sends its calls in parallel and gets exactly the images asked for, and
 * since image models are billed per image (or per token), the cost is the same.
 */
const DEFAULT_MAX_IMAGES_PER_CALL = 1;
/** The image API's own limit on `n`. */
const MAX_N = 10;

/** ImageModelV4 over OpenRouter's `POST /images` (generation and editing with input images). */
export class OpenRouterImageModel implements ImageModelV4 {
  readonly specificationVersion = 'v4';
  readonly maxImagesPerCall: number;
  /** Input images are sent as `input_references`. */
  readonly supportsFileInputs = true;
  /** The image API takes no inpainting mask. */
  readonly supportsMaskInputs = false;

  constructor(
    readonly modelId: string,
    private readonly settings: OpenRouterImageSettings,
    private readonly config: OpenRouterModelConfig,
  ) {
    const max = settings.maxImagesPerCall ?? DEFAULT_MAX_IMAGES_PER_CALL;
    if (!Number.isInteger(max) || max < 1 || max > MAX_N) {
      throw new InvalidArgumentError({
        argument: 'maxImagesPerCall',
        message: `maxImagesPerCall must be an integer from 1 to ${MAX_N} (OpenRouter's limit on n), got ${max}.`,
      });
    }
    this.maxImagesPerCall = max;
  }

  get provider(): string {
    return this.config.provider;
  }

  async doGenerate(options: ImageModelV4CallOptions): Promise<ImageModelV4Result> {
    // The request building, schemas and mapping load with the first call (most apps never
    // generate images, and the main entry stays small).
    const [{ buildOpenRouterImageRequest }, { openRouterImageResponseSchema }, mapping] =
      await Promise.all([
        import('./build-openrouter-image-request'),
        import('./openrouter-image-api'),
        import('./map-openrouter-image-response'),
      ]);
    const warnings = this.config.setupWarnings();
    const { body, headers, behaviour } = buildOpenRouterImageRequest({
      modelId: this.modelId,
      call: options,
      settings: this.settings,
      providerExtraBody: this.config.extraBody,
      warnings,
    });
    const { value: response, responseHeaders } = await requestOpenRouter({
      config: this.config,
      path: '/images',
      body: { json: body },
      headers,
      abortSignal: options.abortSignal,
      timeout: behaviour.timeout,
      successfulResponseHandler: createOpenRouterJsonResponseHandler(openRouterImageResponseSchema),
    });

    const sources = mapping.mapOpenRouterImageItems(response.data, warnings);
    const { outputs, failedDownloads } = await this.fetchImages(
      sources,
      options.abortSignal,
      behaviour.timeout,
    );
    return {
      ...mapping.mapOpenRouterImageResponse({
        response,
        outputs,
        failedDownloads,
        requestedCount: options.n,
        modelId: this.modelId,
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
  private async fetchImages(
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
          config: this.config,
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
}
