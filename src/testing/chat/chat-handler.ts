import { notFound } from '../server/errors.js';
import type { RecordedRequest } from '../server/recorded-request.js';
import type { EmulatorHandler } from '../server/responses.js';
import { type ChatScript, chatResponse } from './chat-fixtures.js';

// Display names OpenRouter reports for common authors' models (`provider` field).
const PROVIDERS: Record<string, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  google: 'Google AI Studio',
  'x-ai': 'xAI',
  deepseek: 'DeepSeek',
  mistralai: 'Mistral',
};

/** A plausible serving provider for a model id (`author/slug`). */
function providerFor(model: string): string {
  const author = model.split('/')[0] ?? '';
  return PROVIDERS[author] ?? (author ? author[0]!.toUpperCase() + author.slice(1) : 'OpenAI');
}

/**
 * A handler that answers `POST /chat/completions` with the script, streamed or not according to
 * the request's `stream` field. The model defaults to the requested one, the provider to a
 * plausible one for the model, the prompt token count to an estimate from the request size.
 */
export function scriptedChat(
  script: ChatScript | ((request: RecordedRequest) => ChatScript),
): EmulatorHandler {
  return (request) => {
    if (request.path !== '/chat/completions') return notFound(request);
    const body = (request.body ?? {}) as { model?: unknown; stream?: unknown };
    const resolved = typeof script === 'function' ? script(request) : script;
    const model = resolved.model ?? (typeof body.model === 'string' ? body.model : undefined);
    return chatResponse({
      provider: model ? providerFor(model) : undefined,
      promptTokens: Math.max(1, Math.ceil(request.rawBody.length / 4)),
      ...resolved,
      model,
      stream: body.stream === true,
    });
  };
}
