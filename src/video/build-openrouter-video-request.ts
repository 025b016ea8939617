import type {
  SharedV4Warning,
  Experimental_VideoModelV4CallOptions as VideoModelV4CallOptions,
  Experimental_VideoModelV4File as VideoModelV4File,
  Experimental_VideoModelV4FrameImage as VideoModelV4FrameImage,
} from '@ai-sdk/provider';
import { convertUint8ArrayToBase64 } from '@ai-sdk/provider-utils';
import {
  layerOpenRouterRequest,
  resolveOpenRouterSettingsAndCall,
} from '../shared/layer-openrouter-request';
import {
  type OpenRouterVideoBehaviourOptions,
  type OpenRouterVideoSettings,
  openRouterVideoOptionsSpec,
} from './openrouter-video-options';

/** What `doStart` receives: the call options and, with a webhook, the URL to register. */
export type OpenRouterVideoCallOptions = VideoModelV4CallOptions & { webhookUrl?: string };

type WireMediaPart =
  | { type: 'image_url'; image_url: { url: string } }
  | { type: 'video_url'; video_url: { url: string } }
  | { type: 'audio_url'; audio_url: { url: string } };

/**
 * Builds the `POST /videos` body. Precedence, lowest first: model settings, the call options
 * (so a call's `duration` beats a settings default), `extraBody` (provider, then model), call
 * `providerOptions.openrouter`. Absent values are omitted so OpenRouter applies the model's own
 * defaults.
 */
export function buildOpenRouterVideoRequest(options: {
  modelId: string;
  call: OpenRouterVideoCallOptions;
  settings: OpenRouterVideoSettings;
  providerExtraBody: Record<string, unknown> | undefined;
  warnings: SharedV4Warning[];
}): { body: Record<string, unknown>; behaviour: OpenRouterVideoBehaviourOptions } {
  const { call, warnings } = options;
  const { extraBody: modelExtraBody, ...settings } = options.settings;
  const resolved = resolveOpenRouterSettingsAndCall<OpenRouterVideoBehaviourOptions>(
    openRouterVideoOptionsSpec,
    settings,
    call.providerOptions?.openrouter,
    warnings,
  );

  if (call.n > 1) {
    warnings.push({
      type: 'unsupported',
      feature: 'n',
      details: `An OpenRouter video job makes one video; ${call.n} were requested from one call. experimental_generateVideo starts one job per video.`,
    });
  }
  if (call.fps !== undefined) {
    warnings.push({
      type: 'unsupported',
      feature: 'fps',
      details: 'OpenRouter video generation has no frame-rate parameter; fps was not sent.',
    });
  }

  const callOptions = {
    aspect_ratio: call.aspectRatio,
    // The AI SDK's resolution is WIDTHxHEIGHT, which is OpenRouter's `size`; OpenRouter's own
    // `resolution` is a tier such as `720p` (set it through providerOptions).
    size: call.resolution,
    duration: call.duration,
    seed: call.seed,
    generate_audio: call.generateAudio,
    frame_images: convertFrameImages(call.image, call.frameImages),
    input_references: convertInputReferences(call.inputReferences, warnings),
    callback_url: call.webhookUrl,
  };
  return layerOpenRouterRequest({
    base: { model: options.modelId, prompt: call.prompt },
    settings: resolved.settings,
    callOptions,
    providerExtraBody: options.providerExtraBody,
    modelExtraBody,
    providerOptions: resolved.providerOptions,
  });
}

/**
 * The start and end frames. `ai` passes the start image twice when a `first_frame` is among the
 * frame images (as `image` and in `frameImages`), so `image` becomes the first frame only when
 * the frame images have none.
 */
function convertFrameImages(
  image: VideoModelV4File | undefined,
  frameImages: VideoModelV4FrameImage[] | undefined,
): Array<WireMediaPart & { frame_type: string }> | undefined {
  const frames = [...(frameImages ?? [])];
  if (image && !frames.some((frame) => frame.frameType === 'first_frame')) {
    frames.unshift({ image, frameType: 'first_frame' });
  }
  if (frames.length === 0) return undefined;
  return frames.map((frame) => ({
    type: 'image_url',
    image_url: { url: toUrl(frame.image) },
    frame_type: frame.frameType,
  }));
}

/**
 * Reference inputs by media type: images for every model, videos and audio for the models that
 * take them (OpenRouter passes them on; others ignore them). A URL without a media type is sent
 * as an image, the kind every model accepts.
 */
function convertInputReferences(
  references: VideoModelV4File[] | undefined,
  warnings: SharedV4Warning[],
): WireMediaPart[] | undefined {
  if (!references || references.length === 0) return undefined;
  const parts: WireMediaPart[] = [];
  for (const reference of references) {
    const kind = (reference.mediaType ?? 'image/*').split('/')[0];
    const url = toUrl(reference);
    if (kind === 'image') parts.push({ type: 'image_url', image_url: { url } });
    else if (kind === 'video') parts.push({ type: 'video_url', video_url: { url } });
    else if (kind === 'audio') parts.push({ type: 'audio_url', audio_url: { url } });
    else {
      warnings.push({
        type: 'unsupported',
        feature: `input reference of type ${reference.mediaType}`,
        details: 'OpenRouter takes image, video and audio references; this reference was not sent.',
      });
    }
  }
  return parts.length > 0 ? parts : undefined;
}

/** A URL as given, or the file's bytes as a data URL. */
function toUrl(file: VideoModelV4File): string {
  if (file.type === 'url') return file.url;
  const base64 = typeof file.data === 'string' ? file.data : convertUint8ArrayToBase64(file.data);
  return `data:${file.mediaType};base64,${base64}`;
}
