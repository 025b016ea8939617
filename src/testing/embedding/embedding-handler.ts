import type { RecordedRequest } from '../server/recorded-request.js';
import type { EmulatorHandler } from '../server/responses.js';
import { scriptedJson } from '../shared/scripted-json.js';
import { type EmbeddingScript, embeddingJson, embeddingRequestInfo } from './embedding-fixtures.js';

/**
 * A handler that answers `POST /embeddings` with the script (or the script a function picks per
 * request): one vector per input, in the requested encoding unless the script says otherwise.
 * The generation id goes in the body and, as on OpenRouter, in the `X-Generation-Id` header.
 */
export function scriptedEmbedding(
  script: EmbeddingScript | ((request: RecordedRequest) => EmbeddingScript) = {},
): EmulatorHandler {
  return scriptedJson('/embeddings', script, (resolved, body) =>
    embeddingJson(resolved, embeddingRequestInfo(body)),
  );
}
