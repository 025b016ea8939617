import { notFound } from '../server/errors.js';
import type { RecordedRequest } from '../server/recorded-request.js';
import type { EmulatorHandler } from '../server/responses.js';
import { type CompletionScript, completionResponse } from './completion-fixtures.js';

/**
 * A handler that answers `POST /completions` (the legacy text-completion endpoint) with the
 * script, streamed or not according to the request's `stream` field. The model defaults to the
 * requested one and the prompt token count to an estimate from the prompt's length; a function
 * script can answer each request differently. Other routes get a 404.
 */
export function scriptedCompletion(
  script: CompletionScript | ((request: RecordedRequest) => CompletionScript),
): EmulatorHandler {
  return (request) => {
    if (request.method !== 'POST' || request.path !== '/completions') return notFound(request);
    const body = (request.body ?? {}) as { model?: unknown; prompt?: unknown; stream?: unknown };
    const resolved = typeof script === 'function' ? script(request) : script;
    const prompt = typeof body.prompt === 'string' ? body.prompt : request.rawBody;
    return completionResponse({
      model: typeof body.model === 'string' ? body.model : undefined,
      promptTokens: Math.max(1, Math.ceil(prompt.length / 4)),
      ...resolved,
      stream: body.stream === true,
    });
  };
}
