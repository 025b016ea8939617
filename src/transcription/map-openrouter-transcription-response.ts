import type {
  JSONObject,
  SharedV4Warning,
  TranscriptionModelV4CallOptions,
  TranscriptionModelV4Result,
} from '@ai-sdk/provider';
import { buildOpenRouterResponseMetadata } from '../shared/openrouter-response-metadata';
import type { OpenRouterUsage } from '../shared/openrouter-usage';
import type {
  OpenRouterTranscriptionResponse,
  OpenRouterTranscriptionUsage,
} from './openrouter-transcription-api';
import { toLanguageCode } from './transcription-language-codes';

type MappedTranscription = Pick<
  TranscriptionModelV4Result,
  'text' | 'segments' | 'words' | 'language' | 'durationInSeconds' | 'usage' | 'providerMetadata'
>;

/**
 * A transcription response -> the AI SDK result:
 * - `language` as an ISO-639-1 code (verbose responses name it: `english` -> `en`); a plain `json`
 *   response states none, and then the language the request asked for is the transcript's;
 * - `durationInSeconds` from `duration` (verbose), else from `usage.seconds`, the audio duration
 *   duration-priced models bill;
 * - `segments` and `words` with their start and end in seconds (both empty / absent without
 *   verbose timestamps); a requested granularity that did not come back gets a warning;
 * - `usage` as OpenRouter sent it, and in `providerMetadata.openrouter` the same fields as every
 *   kind (generation id, BYOK, `usage` with `cost`), plus `usage.seconds`.
 */
export function mapOpenRouterTranscriptionResponse(options: {
  response: OpenRouterTranscriptionResponse;
  rawUsage: unknown;
  responseHeaders: Record<string, string>;
  requestedLanguage: unknown;
  requestedGranularities: TranscriptionModelV4CallOptions['timestampGranularities'];
  warnings: SharedV4Warning[];
}): MappedTranscription {
  const { response, warnings } = options;
  const segments = (response.segments ?? []).map((segment) => ({
    text: segment.text,
    startSecond: segment.start,
    endSecond: segment.end,
  }));
  const words = response.words?.map((word) => ({
    text: word.word,
    startSecond: word.start,
    endSecond: word.end,
  }));
  for (const granularity of options.requestedGranularities ?? []) {
    const returned = granularity === 'word' ? (words?.length ?? 0) : segments.length;
    if (returned === 0 && response.text.trim() !== '') {
      warnings.push({
        type: 'other',
        message: `${granularity === 'word' ? 'Word' : 'Segment'} timestamps were requested, but the response has none: the provider that served the request does not return them.`,
      });
    }
  }

  const usage = response.usage ?? undefined;
  const metadata = buildOpenRouterResponseMetadata({
    usage: usage ? toOpenRouterUsage(usage) : undefined,
    responseHeaders: options.responseHeaders,
  });
  if (usage?.seconds != null && isObject(metadata.usage)) {
    metadata.usage = { ...metadata.usage, seconds: usage.seconds };
  }

  return {
    text: response.text,
    segments,
    ...(words ? { words } : {}),
    language:
      toLanguageCode(response.language) ??
      (typeof options.requestedLanguage === 'string'
        ? toLanguageCode(options.requestedLanguage)
        : undefined),
    durationInSeconds: response.duration ?? usage?.seconds ?? undefined,
    usage: isObject(options.rawUsage) ? options.rawUsage : undefined,
    providerMetadata: { openrouter: metadata },
  };
}

/** The transcription usage in the shape every other kind reports (prompt = input tokens). */
function toOpenRouterUsage(usage: OpenRouterTranscriptionUsage): OpenRouterUsage {
  return {
    prompt_tokens: usage.input_tokens,
    completion_tokens: usage.output_tokens,
    total_tokens: usage.total_tokens,
    cost: usage.cost,
    is_byok: usage.is_byok,
  };
}

function isObject(value: unknown): value is JSONObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
