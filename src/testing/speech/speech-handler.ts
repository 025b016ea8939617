import { notFound } from '../server/errors.js';
import type { RecordedRequest } from '../server/recorded-request.js';
import type { EmulatorHandler, EmulatorResponse } from '../server/responses.js';
import { type SpeechFormat, type SpeechScript, speechResponse } from './speech-fixtures.js';

/**
 * A handler for `POST /audio/speech`. It checks the request as OpenRouter does (a JSON body with
 * a `model` and a non-empty `input`, `response_format` `mp3` or `pcm`, `pcm` when absent) and
 * answers with real audio of the requested format, or what the script says. Other routes get a
 * 404.
 */
export function scriptedSpeech(
  script: SpeechScript | ((request: RecordedRequest) => SpeechScript) = {},
): EmulatorHandler {
  return (request) => {
    if (request.method !== 'POST' || request.path !== '/audio/speech') return notFound(request);
    const body = request.body as Record<string, unknown> | undefined;
    const invalid = checkSpeechRequest(body);
    if (invalid) return invalid;
    const format = (body?.response_format ?? 'pcm') as SpeechFormat;
    const resolved = typeof script === 'function' ? script(request) : script;
    return speechResponse({ format, text: String(body?.input), ...resolved });
  };
}

function badRequest(message: string): EmulatorResponse {
  return { type: 'error', status: 400, message };
}

function checkSpeechRequest(
  body: Record<string, unknown> | undefined,
): EmulatorResponse | undefined {
  if (!body || typeof body !== 'object') return badRequest('Request body must be JSON');
  if (typeof body.model !== 'string' || body.model === '') return badRequest('model is required');
  if (typeof body.input !== 'string' || body.input === '') {
    return badRequest('input must be a non-empty string');
  }
  const format = body.response_format;
  if (format !== undefined && format !== 'mp3' && format !== 'pcm') {
    return badRequest(`Invalid response_format "${String(format)}": expected "mp3" or "pcm"`);
  }
  if (body.voice !== undefined && (typeof body.voice !== 'string' || body.voice === '')) {
    return badRequest('voice must be a non-empty string');
  }
  return undefined;
}
