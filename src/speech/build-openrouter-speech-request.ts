import type { SharedV4Warning, SpeechModelV4CallOptions } from '@ai-sdk/provider';
import {
  layerOpenRouterRequest,
  resolveOpenRouterSettingsAndCall,
} from '../shared/layer-openrouter-request';
import type { OpenRouterTimeout } from '../shared/request-timeout';
import {
  type OpenRouterSpeechSettings,
  openRouterSpeechOptionsSpec,
} from './openrouter-speech-options';

/** What the speech call needs besides the body. */
export interface OpenRouterSpeechBehaviour {
  timeout?: OpenRouterTimeout;
  sessionId?: string;
}

/** The formats OpenRouter's speech endpoint offers, by the names an `outputFormat` may use. */
const OUTPUT_FORMATS: Record<string, 'mp3' | 'pcm'> = {
  mp3: 'mp3',
  mpeg: 'mp3',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  pcm: 'pcm',
  'audio/pcm': 'pcm',
};

/**
 * Without an `outputFormat` we ask for mp3. OpenRouter's own default is raw pcm: headerless
 * samples whose sample rate the response does not state, which no player opens as a file, while
 * the AI SDK's `generateSpeech` result is a file users save or play (and OpenAI's speech API,
 * which OpenRouter's mirrors, defaults to mp3).
 */
const DEFAULT_OUTPUT_FORMAT = 'mp3';

/**
 * Builds the `POST /audio/speech` body from the call options, the model settings and
 * `providerOptions.openrouter`. Precedence, lowest first: mapped call options, model settings,
 * `extraBody` (provider, then model), call `providerOptions.openrouter`.
 */
export function buildOpenRouterSpeechRequest(options: {
  modelId: string;
  call: SpeechModelV4CallOptions;
  settings: OpenRouterSpeechSettings;
  providerExtraBody: Record<string, unknown> | undefined;
  warnings: SharedV4Warning[];
}): { body: Record<string, unknown>; behaviour: OpenRouterSpeechBehaviour } {
  const { modelId, call, warnings } = options;
  const { extraBody: modelExtraBody, ...settings } = options.settings;
  const resolved = resolveOpenRouterSettingsAndCall<OpenRouterSpeechBehaviour>(
    openRouterSpeechOptionsSpec,
    settings,
    call.providerOptions?.openrouter,
    warnings,
  );

  const request = layerOpenRouterRequest({
    base: {
      model: modelId,
      input: call.text,
      voice: call.voice,
      response_format: mapOutputFormat(call.outputFormat, warnings),
      speed: call.speed,
    },
    ...resolved,
    providerExtraBody: options.providerExtraBody,
    modelExtraBody,
  });
  const { body } = request;
  if (call.instructions !== undefined) addInstructions(body, modelId, call.instructions, warnings);
  if (call.language !== undefined) {
    warnings.push({
      type: 'unsupported',
      feature: 'language',
      details:
        "OpenRouter's speech endpoint takes no language: the voice and the text decide it. It was not sent.",
    });
  }
  return request;
}

/** `outputFormat` -> `response_format`: mp3 or pcm; any other format gets mp3 and a warning. */
function mapOutputFormat(outputFormat: string | undefined, warnings: SharedV4Warning[]): string {
  if (outputFormat === undefined) return DEFAULT_OUTPUT_FORMAT;
  const format = OUTPUT_FORMATS[outputFormat.trim().toLowerCase()];
  if (format) return format;
  warnings.push({
    type: 'unsupported',
    feature: 'outputFormat',
    details: `OpenRouter's speech endpoint returns mp3 or pcm only; "${outputFormat}" is not available, so mp3 was requested instead.`,
  });
  return DEFAULT_OUTPUT_FORMAT;
}

/**
 * OpenRouter's speech request has no `instructions` field of its own: it documents passing them
 * to OpenAI's models as a provider option, `provider.options.openai.instructions`, which it
 * forwards only when OpenAI serves the request. Other models get a warning. Instructions already
 * given in `provider.options.openai` win.
 */
function addInstructions(
  body: Record<string, unknown>,
  modelId: string,
  instructions: string,
  warnings: SharedV4Warning[],
): void {
  if (!modelId.startsWith('openai/')) {
    warnings.push({
      type: 'unsupported',
      feature: 'instructions',
      details: `OpenRouter passes speech instructions to OpenAI's models only (as provider.options.openai.instructions); they were not sent for ${modelId}.`,
    });
    return;
  }
  const provider = asRecord(body.provider);
  const providerOptions = asRecord(provider.options);
  body.provider = {
    ...provider,
    options: { ...providerOptions, openai: { instructions, ...asRecord(providerOptions.openai) } },
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
