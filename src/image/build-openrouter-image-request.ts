import {
  type ImageModelV4CallOptions,
  type ImageModelV4File,
  InvalidArgumentError,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import { convertToBase64 } from '@ai-sdk/provider-utils';
import {
  layerOpenRouterRequest,
  resolveOpenRouterSettingsAndCall,
} from '../shared/layer-openrouter-request';
import {
  type OpenRouterImageBehaviourOptions,
  type OpenRouterImageSettings,
  openRouterImageOptionsSpec,
} from './openrouter-image-options';

/** One `input_references` entry: an image the model edits or takes as a reference. */
export interface OpenRouterInputReference {
  type: 'image_url';
  image_url: { url: string };
}

/**
 * Builds the `POST /images` body. Precedence, lowest first: mapped call options, model settings,
 * `extraBody` (provider, then model), call `providerOptions.openrouter`. The session id is a
 * behaviour option: the image API takes it as the `x-session-id` header only.
 */
export function buildOpenRouterImageRequest(options: {
  modelId: string;
  call: ImageModelV4CallOptions;
  settings: OpenRouterImageSettings;
  providerExtraBody: Record<string, unknown> | undefined;
  warnings: SharedV4Warning[];
}): { body: Record<string, unknown>; behaviour: OpenRouterImageBehaviourOptions } {
  const { call, warnings } = options;
  const { extraBody: modelExtraBody, maxImagesPerCall: _, ...settings } = options.settings;
  const resolved = resolveOpenRouterSettingsAndCall<OpenRouterImageBehaviourOptions>(
    openRouterImageOptionsSpec,
    settings,
    call.providerOptions?.openrouter,
    warnings,
  );

  if (call.prompt === undefined || call.prompt === '') {
    // The image API requires a text prompt, also for edits; fail before a request is billed.
    throw new InvalidArgumentError({
      argument: 'prompt',
      message:
        "OpenRouter's image API needs a text prompt, also when editing images: pass prompt: { text, images }.",
    });
  }
  if (call.mask !== undefined) {
    warnings.push({
      type: 'unsupported',
      feature: 'mask',
      details:
        "OpenRouter's image API takes no inpainting mask. The mask was not sent; the input images and the prompt were.",
    });
  }

  let aspectRatio = call.aspectRatio;
  if (call.size !== undefined && aspectRatio !== undefined) {
    warnings.push({
      type: 'unsupported',
      feature: 'aspectRatio',
      details: `OpenRouter takes an explicit pixel size as authoritative and rejects an aspect ratio beside it, so only size ${call.size} was sent. Use one of the two.`,
    });
    aspectRatio = undefined;
  }

  return layerOpenRouterRequest({
    base: {
      model: options.modelId,
      prompt: call.prompt,
      n: call.n,
      size: call.size,
      aspect_ratio: aspectRatio,
      seed: call.seed,
      input_references: call.files?.length ? call.files.map(toInputReference) : undefined,
    },
    settings: resolved.settings,
    providerExtraBody: options.providerExtraBody,
    modelExtraBody,
    providerOptions: resolved.providerOptions,
  });
}

/**
 * An input image as OpenRouter takes it: a URL as given (OpenRouter fetches it), bytes or base64
 * as a data URL with the media type the AI SDK detected.
 */
export function toInputReference(file: ImageModelV4File): OpenRouterInputReference {
  if (file.type === 'url') return { type: 'image_url', image_url: { url: file.url } };
  const mediaType = file.mediaType || 'image/png';
  return {
    type: 'image_url',
    image_url: { url: `data:${mediaType};base64,${convertToBase64(file.data)}` },
  };
}
