import { notFound } from '../server/errors.js';
import type { RecordedRequest } from '../server/recorded-request.js';
import type { EmulatorHandler, EmulatorResponse } from '../server/responses.js';
import { fromBase64, wavDurationSeconds } from '../shared/audio.js';
import { generationId } from '../shared/ids.js';
import { type TranscriptionScript, transcriptionBody } from './transcription-fixtures.js';

/** How {@link scriptedTranscription} behaves beyond the script. */
export interface TranscriptionHandlerOptions {
  /**
   * Whether the model's provider offers `verbose_json` (OpenAI-compatible providers do; others
   * answer 400, as OpenRouter documents). Default true.
   */
  verboseJson?: boolean;
}

/**
 * A handler for `POST /audio/transcriptions` with a JSON body. It checks the request as
 * OpenRouter does (`model`; `input_audio.data` as raw base64, not a data URL; `input_audio.format`;
 * `response_format` `json` or `verbose_json`, others rejected) and answers with the script in the
 * requested format: `verbose_json` adds segments, and `words` when `timestamp_granularities`
 * includes `word`. The duration defaults to the one in the uploaded WAV header. Other routes get a
 * 404.
 */
export function scriptedTranscription(
  script: TranscriptionScript | ((request: RecordedRequest) => TranscriptionScript) = {},
  options: TranscriptionHandlerOptions = {},
): EmulatorHandler {
  return (request) => {
    if (request.method !== 'POST' || request.path !== '/audio/transcriptions') {
      return notFound(request);
    }
    const body = request.body as Record<string, unknown> | undefined;
    const checked = checkTranscriptionRequest(body, options);
    if ('error' in checked) return checked.error;
    const resolved = typeof script === 'function' ? script(request) : script;
    const granularities = body?.timestamp_granularities;
    return {
      type: 'json',
      body: transcriptionBody(resolved, {
        verbose: body?.response_format === 'verbose_json',
        words: Array.isArray(granularities) && granularities.includes('word'),
        audioSeconds: checked.audioSeconds,
      }),
      headers: { 'x-generation-id': generationId() },
    };
  };
}

function badRequest(message: string): { error: EmulatorResponse } {
  return { error: { type: 'error', status: 400, message } };
}

function checkTranscriptionRequest(
  body: Record<string, unknown> | undefined,
  options: TranscriptionHandlerOptions,
): { error: EmulatorResponse } | { audioSeconds?: number } {
  if (!body || typeof body !== 'object') return badRequest('Request body must be JSON');
  if (typeof body.model !== 'string' || body.model === '') return badRequest('model is required');
  const input = body.input_audio as { data?: unknown; format?: unknown } | undefined;
  if (typeof input?.data !== 'string' || input.data === '') {
    return badRequest('input_audio.data is required');
  }
  if (typeof input.format !== 'string' || input.format === '') {
    return badRequest('input_audio.format is required');
  }
  const bytes = fromBase64(input.data);
  if (!bytes) {
    return badRequest('input_audio.data must be base64-encoded audio (raw bytes, not a data URI)');
  }
  const format = body.response_format;
  if (format !== undefined && format !== 'json' && format !== 'verbose_json') {
    return badRequest(
      `Unsupported response_format "${String(format)}": use "json" or "verbose_json"`,
    );
  }
  if (format === 'verbose_json' && options.verboseJson === false) {
    return badRequest(
      'response_format "verbose_json" is only supported by OpenAI-compatible providers',
    );
  }
  return { audioSeconds: input.format === 'wav' ? wavDurationSeconds(bytes) : undefined };
}
