import { randomAlnum } from '../shared/ids.js';
import { withOverrides } from '../shared/scripted-json.js';

/**
 * Builders for `POST /embeddings` response bodies, shaped like OpenRouter's: `{ id, object:
 * "list", data: [{ object: "embedding", embedding, index }], model, provider, usage }`. Vectors
 * are float32 values (what embedding models produce); as JSON numbers they are written the way
 * OpenAI writes them, the shortest decimal that reads back as the same float32
 * (`0.0023064255`), so float bodies have realistic sizes; as base64 they are the little-endian
 * bytes of the same float32 values.
 */

/** How a scripted `/embeddings` response differs from a plain one. */
export interface EmbeddingScript {
  /** Vectors in input order; default: `embeddingVector(input, dimensions)` for each input. */
  vectors?: number[][];
  /** Length of the default vectors; default: the request's `dimensions`, else 8. */
  dimensions?: number;
  /** How vectors are sent; default: as the request asks (`encoding_format`), else `float`. */
  encoding?: 'float' | 'base64';
  /**
   * The order of the `data` entries: `input` (default), `reverse`, `shuffled` (rotated by half
   * the batch, so every entry moves), or explicit input indexes (repeat or leave out indexes to
   * send duplicates or gaps).
   */
  order?: 'input' | 'reverse' | 'shuffled' | number[];
  /** Send no `index` on any entry (valid: the specification makes it optional). */
  omitIndex?: boolean;
  /** Default: the requested model. */
  model?: string;
  /** The serving provider's name; default `OpenAI`. `null` omits the field. */
  provider?: string | null;
  /** The generation id; default a fresh `gen-emb-…` id. `null` omits it (then no header either). */
  id?: string | null;
  /** Fields over the default usage; `cost: null` and `is_byok` are sent as given, `undefined` removes a field. */
  usage?: Record<string, unknown>;
  /** `usage` is left out entirely. */
  omitUsage?: boolean;
  /** Fields added to the body's top level (an unknown field, for lenient-parsing tests). */
  extra?: Record<string, unknown>;
  /** Response headers (e.g. `x-generation-id` with `id: null`: the id only in the header). */
  headers?: Record<string, string>;
}

/** What the builders need from the request. */
export interface EmbeddingRequestInfo {
  inputs: string[];
  model?: string;
  dimensions?: number;
  encodingFormat?: string;
}

/** openai/text-embedding-3-small's list price, so default costs look like real ones. */
const PRICE_PER_TOKEN = 0.00000002;

/** A generation id in the form of OpenRouter's embedding responses. */
export function embeddingGenerationId(created: number = Math.floor(Date.now() / 1000)): string {
  return `gen-emb-${created}-${randomAlnum(20)}`;
}

/**
 * A deterministic vector for `text`: `dimensions` float32 values in (-0.1, 0.1), each written as
 * the shortest decimal that is the same float32. The same text always gives the same vector, so a
 * test can tell which input a vector belongs to.
 */
export function embeddingVector(text: string, dimensions = 8): number[] {
  let state = fnv1a(text);
  const vector = new Array<number>(dimensions);
  for (let i = 0; i < dimensions; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const unit = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    vector[i] = shortestFloat32((unit - 0.5) / 5);
  }
  return vector;
}

/** The shortest decimal that reads back as the same float32 (how OpenAI prints its vectors). */
export function shortestFloat32(value: number): number {
  const single = Math.fround(value);
  for (let digits = 1; digits < 9; digits++) {
    const candidate = Number(single.toPrecision(digits));
    if (Math.fround(candidate) === single) return candidate;
  }
  return Number(single.toPrecision(9));
}

/** `vector` as base64 of its little-endian float32 bytes (`encoding_format: "base64"`). */
export function encodeFloat32Base64(vector: readonly number[]): string {
  const bytes = new Uint8Array(vector.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < vector.length; i++) view.setFloat32(i * 4, vector[i]!, true);
  return Buffer.from(bytes).toString('base64');
}

/** Input order -> the order of the `data` entries. */
function entryOrder(order: EmbeddingScript['order'], count: number): number[] {
  const identity = Array.from({ length: count }, (_, i) => i);
  if (order === undefined || order === 'input') return identity;
  if (order === 'reverse') return identity.reverse();
  // Rotated by half the batch: with two or more inputs, every entry moves.
  if (order === 'shuffled') return identity.map((i) => (i + Math.ceil(count / 2)) % count);
  return order;
}

/** A `POST /embeddings` response body for `request`, as `script` says. */
export function embeddingJson(
  script: EmbeddingScript,
  request: EmbeddingRequestInfo,
): Record<string, unknown> {
  const { inputs } = request;
  const dimensions = script.dimensions ?? request.dimensions ?? 8;
  const encoding = script.encoding ?? (request.encodingFormat === 'base64' ? 'base64' : 'float');
  const vectors = script.vectors ?? inputs.map((input) => embeddingVector(input, dimensions));
  const data = entryOrder(script.order, vectors.length).map((index) => {
    const vector = vectors[index] ?? [];
    return {
      object: 'embedding',
      embedding: encoding === 'base64' ? encodeFloat32Base64(vector) : vector,
      ...(script.omitIndex ? {} : { index }),
    };
  });
  const promptTokens = inputs.reduce(
    (sum, input) => sum + Math.max(1, Math.ceil(input.length / 4)),
    0,
  );
  const usage = withOverrides(
    {
      prompt_tokens: promptTokens,
      total_tokens: promptTokens,
      cost: Math.round(promptTokens * PRICE_PER_TOKEN * 1e12) / 1e12,
    },
    script.usage,
  );
  const id = script.id === undefined ? embeddingGenerationId() : script.id;
  const provider = script.provider === undefined ? 'OpenAI' : script.provider;
  return {
    ...(id !== null ? { id } : {}),
    object: 'list',
    data,
    model: script.model ?? request.model ?? 'openai/text-embedding-3-small',
    ...(provider !== null ? { provider } : {}),
    ...(script.omitUsage ? {} : { usage }),
    ...script.extra,
  };
}

/** The request fields the builders read, from a `/embeddings` request body. */
export function embeddingRequestInfo(body: unknown): EmbeddingRequestInfo {
  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const input = record.input;
  return {
    inputs: typeof input === 'string' ? [input] : Array.isArray(input) ? input.map(String) : [],
    model: typeof record.model === 'string' ? record.model : undefined,
    dimensions: typeof record.dimensions === 'number' ? record.dimensions : undefined,
    encodingFormat: typeof record.encoding_format === 'string' ? record.encoding_format : undefined,
  };
}

/** 32-bit FNV-1a of the text's UTF-16 code units. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
