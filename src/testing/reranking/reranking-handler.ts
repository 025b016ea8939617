import type { RecordedRequest } from '../server/recorded-request.js';
import type { EmulatorHandler } from '../server/responses.js';
import { scriptedJson } from '../shared/scripted-json.js';
import { type RerankScript, rerankJson, rerankRequestInfo } from './reranking-fixtures.js';

/**
 * A handler that answers `POST /rerank` with the script (or the script a function picks per
 * request): by default every document scored by word overlap with the query, sorted by score,
 * cut to the request's `top_n`. The generation id goes in the body and, as on OpenRouter, in the
 * `X-Generation-Id` header.
 */
export function scriptedRerank(
  script: RerankScript | ((request: RecordedRequest) => RerankScript) = {},
): EmulatorHandler {
  return scriptedJson('/rerank', script, (resolved, body) =>
    rerankJson(resolved, rerankRequestInfo(body)),
  );
}
