import {
  InvalidArgumentError,
  type SharedV4Warning,
  type TranscriptionModelV4CallOptions,
} from '@ai-sdk/provider';
import { convertToBase64, detectMediaType } from '@ai-sdk/provider-utils';
import { resolveOpenRouterSettingsAndCall } from '../shared/layer-openrouter-request';
import type { OpenRouterTimeout } from '../shared/request-timeout';
import {
  type OpenRouterTranscriptionSettings,
  openRouterTranscriptionOptionsSpec,
} from './openrouter-transcription-options';

/** What the transcription call needs besides the body. */
export interface OpenRouterTranscriptionBehaviour {
  timeout?: OpenRouterTimeout;
  sessionId?: string;
}

/**
 * Builds the `POST /audio/transcriptions` body. Precedence, lowest first: mapped call options,
 * model settings, `extraBody` (provider, then model), call `providerOptions.openrouter`.
 *
 * The audio goes as JSON, `input_audio: { data: <base64>, format }`, never as a multipart upload,
 * although OpenRouter accepts both and base64 makes the upload a third larger:
 * - multipart cannot carry what only the JSON body documents: the nested `provider` object
 *   (routing and the per-provider `provider.options` passthrough), and any JSON-valued option;
 * - multipart uploads are capped at 25 MB, while the JSON body has no such cap (OpenRouter offloads
 *   large bodies for the providers that take them);
 * - JSON is the form OpenRouter documents first and every one of its SDKs sends.
 * The size cost is bounded: for the compressed formats transcription is usually sent in (mp3,
 * opus, m4a) the upload stays small, and `transcribe` holds the whole audio in memory anyway.
 * See https://openrouter.ai/docs/guides/overview/multimodal/stt.
 */
export function buildOpenRouterTranscriptionRequest(options: {
  modelId: string;
  call: TranscriptionModelV4CallOptions;
  settings: OpenRouterTranscriptionSettings;
  providerExtraBody: Record<string, unknown> | undefined;
  warnings: SharedV4Warning[];
}): { body: Record<string, unknown>; behaviour: OpenRouterTranscriptionBehaviour } {
  const { modelId, call, warnings } = options;
  const { extraBody: modelExtraBody, ...settings } = options.settings;
  const { settings: fromSettings, providerOptions: fromCall } =
    resolveOpenRouterSettingsAndCall<OpenRouterTranscriptionBehaviour>(
      openRouterTranscriptionOptionsSpec,
      settings,
      call.providerOptions?.openrouter,
      warnings,
    );
  const fromOptions: Record<string, unknown> = {
    ...fromSettings.body,
    ...options.providerExtraBody,
    ...modelExtraBody,
    ...fromCall.body,
  };

  const body: Record<string, unknown> = {
    model: modelId,
    input_audio: {
      data: convertToBase64(call.audio),
      format: audioFormatOf(call.mediaType, call.audio),
    },
    ...mapTimestampGranularities(call.timestampGranularities, fromOptions, warnings),
    ...fromOptions,
  };
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return { body, behaviour: { ...fromSettings.behaviour, ...fromCall.behaviour } };
}

/** OpenRouter's `input_audio.format` names for the media types that have another name. */
const AUDIO_FORMATS: Record<string, string> = {
  'audio/wave': 'wav',
  'audio/x-wav': 'wav',
  'audio/vnd.wave': 'wav',
  'audio/mpeg': 'mp3',
  'audio/mpeg3': 'mp3',
  'audio/x-mpeg-3': 'mp3',
  'audio/mp4': 'm4a',
  'audio/x-m4a': 'm4a',
};

/**
 * `input_audio.format` from the media type: the documented names (`wav`, `mp3`, `flac`, `m4a`,
 * `ogg`, `webm`, `aac`) for their media types, else the subtype without an `x-` prefix
 * (`audio/opus` -> `opus`), since the formats on offer vary by provider. A media type that is not
 * audio or video is detected from the bytes; an undetectable one throws before anything is sent.
 */
export function audioFormatOf(mediaType: string, audio: Uint8Array | string): string {
  const essence = mediaType.split(';', 1)[0]!.trim().toLowerCase();
  const [type, subtype] = essence.split('/');
  if ((type === 'audio' || type === 'video') && subtype) {
    return AUDIO_FORMATS[essence] ?? subtype.replace(/^x-/, '');
  }
  const detected = detectMediaType({ data: audio, topLevelType: 'audio' });
  if (detected) return audioFormatOf(detected, audio);
  throw new InvalidArgumentError({
    argument: 'mediaType',
    message: `Cannot tell the audio format from the media type "${mediaType}" or from the audio itself; pass the audio's media type (e.g. audio/wav, audio/mpeg).`,
  });
}

/**
 * `timestampGranularities` -> `response_format: "verbose_json"` and `timestamp_granularities`,
 * unless the options set them (an explicit option wins). With `response_format: "json"` chosen
 * explicitly no timestamps can come back, which gets a warning. An empty list asks for nothing.
 */
function mapTimestampGranularities(
  granularities: TranscriptionModelV4CallOptions['timestampGranularities'],
  fromOptions: Record<string, unknown>,
  warnings: SharedV4Warning[],
): Record<string, unknown> {
  if (!granularities || granularities.length === 0) return {};
  if (fromOptions.response_format !== undefined && fromOptions.response_format !== 'verbose_json') {
    warnings.push({
      type: 'unsupported',
      feature: 'timestampGranularities',
      details: `Timestamps come only with response_format "verbose_json"; the options ask for "${String(fromOptions.response_format)}", so none were requested.`,
    });
    return {};
  }
  return { response_format: 'verbose_json', timestamp_granularities: [...granularities] };
}
