import { randomAlnum } from '../shared/ids.js';
import { withOverrides } from '../shared/scripted-json.js';

/**
 * Builders for `POST /rerank` response bodies, shaped like OpenRouter's: `{ id, model, provider,
 * results: [{ index, relevance_score, document: { text } }], usage: { search_units,
 * total_tokens, cost } }`, results sorted by relevance unless the script says otherwise.
 */

/** A document as the request sends it: text, or an object with `text` and/or `image`. */
export type RerankRequestDocument = string | { text?: string; image?: string };

/** How a scripted `/rerank` response differs from a plain one. */
export interface RerankScript {
  /** Scores by document index; default: `rerankScore(query, document)` for each document. */
  scores?: number[];
  /** How many results to send; default: the request's `top_n`, else one per document. */
  topN?: number;
  /** `relevance` (default, as documented), `input` (by document index), or explicit indexes. */
  order?: 'relevance' | 'input' | number[];
  /** Default: the requested model. */
  model?: string;
  /** The serving provider's name; default `Cohere`. `null` omits the field. */
  provider?: string | null;
  /** The generation id; default a fresh `gen-rerank-…` id. `null` omits it (then no header either). */
  id?: string | null;
  /** Fields over the default usage; `cost: null` is sent as given, `undefined` removes a field. */
  usage?: Record<string, unknown>;
  /** `usage` is left out entirely. */
  omitUsage?: boolean;
  /** Leave out each result's `document` echo. */
  omitDocuments?: boolean;
  /** Fields added to the body's top level (an unknown field, for lenient-parsing tests). */
  extra?: Record<string, unknown>;
  /** Response headers (e.g. `x-generation-id` with `id: null`: the id only in the header). */
  headers?: Record<string, string>;
}

/** What the builders need from the request. */
export interface RerankRequestInfo {
  query: string;
  documents: RerankRequestDocument[];
  model?: string;
  topN?: number;
}

/** cohere/rerank-v3.5's list price: $2 per 1,000 searches. */
const PRICE_PER_SEARCH_UNIT = 0.002;
/** Cohere bills one search unit per query with up to 100 documents. */
const DOCUMENTS_PER_SEARCH_UNIT = 100;

/** A generation id in the form of OpenRouter's rerank responses. */
export function rerankGenerationId(created: number = Math.floor(Date.now() / 1000)): string {
  return `gen-rerank-${created}-${randomAlnum(20)}`;
}

const textOf = (document: RerankRequestDocument) =>
  typeof document === 'string' ? document : (document.text ?? '');

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/**
 * A deterministic relevance score in [0.01, 0.99]: the share of the query's words that occur in
 * the document, so a document about the query ranks above one that is not.
 */
export function rerankScore(query: string, document: RerankRequestDocument): number {
  const queryWords = words(query);
  const documentWords = words(textOf(document));
  let shared = 0;
  for (const word of queryWords) if (documentWords.has(word)) shared++;
  const share = queryWords.size === 0 ? 0 : shared / queryWords.size;
  return Math.round((0.01 + 0.98 * share) * 1e6) / 1e6;
}

/** A `POST /rerank` response body for `request`, as `script` says. */
export function rerankJson(
  script: RerankScript,
  request: RerankRequestInfo,
): Record<string, unknown> {
  const { documents } = request;
  const scores = script.scores ?? documents.map((document) => rerankScore(request.query, document));
  const indexes = documents.map((_, index) => index);
  let order: number[];
  if (Array.isArray(script.order)) order = script.order;
  else if (script.order === 'input') order = indexes;
  else order = indexes.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
  const topN = script.topN ?? request.topN;
  if (topN !== undefined && !Array.isArray(script.order)) {
    // With `order: 'input'`, the top N by score are chosen first, then listed by index.
    const top = [...indexes]
      .sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b)
      .slice(0, topN);
    order = order.filter((index) => top.includes(index));
  }
  const results = order.map((index) => {
    const document = documents[index];
    const echo = typeof document === 'string' ? { text: document } : (document ?? {});
    return {
      index,
      relevance_score: scores[index] ?? 0,
      ...(script.omitDocuments ? {} : { document: echo }),
    };
  });
  const searchUnits = Math.max(1, Math.ceil(documents.length / DOCUMENTS_PER_SEARCH_UNIT));
  const usage = withOverrides(
    {
      search_units: searchUnits,
      total_tokens: Math.ceil(
        (request.query.length + documents.reduce((sum, d) => sum + textOf(d).length, 0)) / 4,
      ),
      cost: Math.round(searchUnits * PRICE_PER_SEARCH_UNIT * 1e12) / 1e12,
    },
    script.usage,
  );
  const id = script.id === undefined ? rerankGenerationId() : script.id;
  const provider = script.provider === undefined ? 'Cohere' : script.provider;
  return {
    ...(id !== null ? { id } : {}),
    model: script.model ?? request.model ?? 'cohere/rerank-v3.5',
    ...(provider !== null ? { provider } : {}),
    results,
    ...(script.omitUsage ? {} : { usage }),
    ...script.extra,
  };
}

/** The request fields the builders read, from a `/rerank` request body. */
export function rerankRequestInfo(body: unknown): RerankRequestInfo {
  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const documents = Array.isArray(record.documents) ? record.documents : [];
  return {
    query: typeof record.query === 'string' ? record.query : '',
    documents: documents.map((document) =>
      typeof document === 'string' || (typeof document === 'object' && document !== null)
        ? (document as RerankRequestDocument)
        : String(document),
    ),
    model: typeof record.model === 'string' ? record.model : undefined,
    topN: typeof record.top_n === 'number' ? record.top_n : undefined,
  };
}
