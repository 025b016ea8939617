import {
  type ImageModelV4,
  type ImageModelV4CallOptions,
  type ImageModelV4Result,
  InvalidArgumentError,
} from '@ai-sdk/provider';
import { loadOnce } from '../shared/load-once';
import type { OpenRouterModelConfig } from '../shared/openrouter-config';
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
    // The call (request building, schemas, downloads, mapping) loads with the first call (most
    // apps never generate images, and the main entry stays small).
    const { generateOpenRouterImages } = await loadImageCall();
    return generateOpenRouterImages({
      modelId: this.modelId,
      settings: this.settings,
      config: this.config,
      options,
    });
  }
}

/** The call code, loaded with the first call (see `loadOnce`). */
const loadImageCall = loadOnce(() => import('./generate-openrouter-image'));
