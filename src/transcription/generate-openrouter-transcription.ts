import type { TranscriptionModelV4CallOptions, TranscriptionModelV4Result } from '@ai-sdk/provider';
import type { OpenRouterModelConfig } from '../shared/openrouter-config';
import { createOpenRouterJsonResponseHandler } from '../shared/openrouter-response-handlers';
import { callOpenRouterJson } from '../shared/post-openrouter-json';
import { buildOpenRouterTranscriptionRequest } from './build-openrouter-transcription-request';
import { mapOpenRouterTranscriptionResponse } from './map-openrouter-transcription-response';
import { openRouterTranscriptionResponseSchema } from './openrouter-transcription-api';
import type { OpenRouterTranscriptionSettings } from './openrouter-transcription-options';

/**
 * One `transcribe` call: the request built from the call options (the audio as base64 JSON; why:
 * see `buildOpenRouterTranscriptionRequest`), `POST /audio/transcriptions`, and the result mapped
 * from the JSON answer (with `verbose_json`: language, duration and timestamps). The generation id
 * comes in the `X-Generation-Id` header.
 */
export async function generateOpenRouterTranscription(call: {
  modelId: string;
  settings: OpenRouterTranscriptionSettings;
  config: OpenRouterModelConfig;
  options: TranscriptionModelV4CallOptions;
}): Promise<TranscriptionModelV4Result> {
  const { modelId, options } = call;
  const timestamp = new Date();
  const {
    value: response,
    rawValue,
    responseHeaders,
    body,
    warnings,
  } = await callOpenRouterJson({
    ...call,
    path: '/audio/transcriptions',
    build: buildOpenRouterTranscriptionRequest,
    successfulResponseHandler: createOpenRouterJsonResponseHandler(
      openRouterTranscriptionResponseSchema,
    ),
  });
  return {
    ...mapOpenRouterTranscriptionResponse({
      response,
      rawUsage: (rawValue as { usage?: unknown } | undefined)?.usage,
      responseHeaders,
      requestedLanguage: body.language,
      requestedGranularities: options.timestampGranularities,
      warnings,
    }),
    warnings,
    request: { body: JSON.stringify(withoutAudioData(body)) },
    response: { timestamp, modelId, headers: responseHeaders, body: rawValue },
  };
}

/**
 * The request body for the result, with the base64 audio replaced by its length: the body is
 * reported for debugging and telemetry, and a second copy of megabytes of base64 in it would
 * double the request's memory for nothing.
 */
function withoutAudioData(body: Record<string, unknown>): Record<string, unknown> {
  const input = body.input_audio as { data?: unknown } | undefined;
  if (typeof input?.data !== 'string') return body;
  return { ...body, input_audio: { ...input, data: `<${input.data.length} base64 characters>` } };
}
