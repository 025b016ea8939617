import { notFound } from './chat-fixtures.js';
import { generationId } from './ids.js';
import type { EmulatorHandler, EmulatorResponse, RecordedRequest } from './types.js';

/**
 * Builders for OpenRouter's platform responses (`GET /models`, `/model/{id}`,
 * `/models/{id}/endpoints`, `/key`, `/credits`, `/generation`), shaped like openrouter-api.md
 * §5.3-§5.7 and the replayable bodies of §7.13/§7.14, and `platformHandler`, which serves them
 * from the emulator. Entry builders (`modelEntry`, `endpointEntry`) return one object; the
 * `…Body`/`modelsList`/`keyInfo` builders return whole response bodies (`{data: …}`).
 */

type Wire = Record<string, unknown>;

/** A `GET /models` entry as sent on the wire. */
export type WireModel = Wire & { id: string };

/** What `modelEntry` accepts: an id, and any field to override (nested objects are merged). */
export type ModelEntryInput = Wire & {
  id: string;
  architecture?: Wire;
  pricing?: Wire;
  top_provider?: Wire;
};

/** Parameters a typical modern chat model lists (a tool-calling, structured-output model). */
export const DEFAULT_SUPPORTED_PARAMETERS: readonly string[] = [
  'max_tokens',
  'temperature',
  'top_p',
  'stop',
  'seed',
  'frequency_penalty',
  'presence_penalty',
  'tools',
  'tool_choice',
  'response_format',
  'structured_outputs',
];

/** The base id of `author/slug:variant…` (what `canonical_slug` defaults to). */
function baseId(id: string): string {
  const slash = id.indexOf('/');
  const colon = id.indexOf(':', slash + 1);
  return colon === -1 ? id : id.slice(0, colon);
}

function asRecord(value: unknown): Wire {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Wire)
    : {};
}

/** A full model entry in the §7.13 shape, with `partial` laid over realistic defaults. */
export function modelEntry(partial: ModelEntryInput): WireModel {
  const { id, architecture, pricing, top_provider, ...rest } = partial;
  const contextLength =
    typeof partial.context_length === 'number' ? partial.context_length : 128000;
  const arch: Wire = {
    input_modalities: ['text'],
    output_modalities: ['text'],
    tokenizer: 'Other',
    instruct_type: null,
    ...architecture,
  };
  const join = (value: unknown) => (Array.isArray(value) ? value.join('+') : 'text');
  return {
    id,
    canonical_slug: baseId(id),
    hugging_face_id: null,
    name: id.slice(id.indexOf('/') + 1),
    created: 1692901234,
    description: `${id} (OpenRouter emulator fixture).`,
    context_length: contextLength,
    architecture: {
      modality: `${join(arch.input_modalities)}->${join(arch.output_modalities)}`,
      ...arch,
    },
    pricing: {
      prompt: '0.000001',
      completion: '0.000002',
      request: '0',
      image: '0',
      web_search: '0',
      internal_reasoning: '0',
      input_cache_read: '0',
      input_cache_write: '0',
      ...pricing,
    },
    top_provider: {
      context_length: contextLength,
      max_completion_tokens: 16384,
      is_moderated: false,
      ...top_provider,
    },
    per_request_limits: null,
    supported_parameters: [...DEFAULT_SUPPORTED_PARAMETERS],
    default_parameters: null,
    knowledge_cutoff: null,
    expiration_date: null,
    supported_voices: null,
    links: { details: `/api/v1/models/${id}/endpoints` },
    ...rest,
  };
}

/** A `GET /models` body: `{data, total_count, links: {next}}`. */
export function modelsList(
  models: readonly WireModel[],
  options: { totalCount?: number; next?: string | null } = {},
): Wire {
  return {
    data: [...models],
    total_count: options.totalCount ?? models.length,
    links: { next: options.next ?? null },
  };
}

/** One `PublicEndpoint` of a model (§5.4) over realistic defaults. */
export function endpointEntry(model: WireModel, partial: Wire = {}): Wire {
  const top = asRecord(model.top_provider);
  return {
    name: `Emulator | ${model.id}`,
    model_id: model.canonical_slug ?? model.id,
    model_name: model.name ?? model.id,
    provider_name: 'Emulator',
    tag: 'emulator',
    context_length: model.context_length ?? null,
    max_completion_tokens: top.max_completion_tokens ?? null,
    max_prompt_tokens: null,
    pricing: model.pricing ?? {},
    quantization: 'unknown',
    status: 0,
    supported_parameters: model.supported_parameters ?? [],
    supports_implicit_caching: false,
    uptime_last_5m: 100,
    uptime_last_30m: 99.9,
    uptime_last_1d: 99.5,
    latency_last_30m: { p50: 420, p75: 510, p90: 700, p99: 1200 },
    throughput_last_30m: { p50: 80, p75: 70, p90: 55, p99: 30 },
    ...partial,
  };
}

/** A `GET /models/{author}/{slug}/endpoints` body; one default endpoint unless given. */
export function endpointsBody(model: WireModel, endpoints?: readonly Wire[]): Wire {
  return {
    data: {
      id: model.id,
      name: model.name ?? model.id,
      created: model.created ?? null,
      description: model.description ?? null,
      architecture: model.architecture ?? null,
      endpoints: endpoints
        ? endpoints.map((endpoint) => endpointEntry(model, endpoint))
        : [endpointEntry(model)],
    },
  };
}

/** A `GET /key` body (§7.14) with `partial` laid over the documented example. */
export function keyInfo(partial: Wire = {}): Wire {
  return {
    data: {
      label: 'sk-or-v1-au7...890',
      limit: 100,
      limit_remaining: 74.5,
      limit_reset: 'monthly',
      include_byok_in_limit: false,
      usage: 25.5,
      usage_daily: 25.5,
      usage_weekly: 25.5,
      usage_monthly: 25.5,
      byok_usage: 17.38,
      byok_usage_daily: 17.38,
      byok_usage_weekly: 17.38,
      byok_usage_monthly: 17.38,
      is_free_tier: false,
      is_management_key: false,
      is_provisioning_key: false,
      creator_user_id: 'user_2dHFtVWx2n56w6HkM0000000000',
      expires_at: '2027-12-31T23:59:59Z',
      rate_limit: {
        requests: 1000,
        interval: '1h',
        note: 'This field is deprecated and safe to ignore.',
      },
      ...partial,
    },
  };
}

/** A `GET /credits` body (§7.14). */
export function creditsBody(partial: Wire = {}): Wire {
  return { data: { total_credits: 100.5, total_usage: 25.75, ...partial } };
}

/** A `GET /generation` body (§7.14) with `partial` laid over the documented example. */
export function generationBody(partial: Wire = {}): Wire {
  return {
    data: {
      id: generationId(),
      upstream_id: 'chatcmpl-791bcf62',
      total_cost: 0.0015,
      usage: 0.0015,
      upstream_inference_cost: 0.0012,
      cache_discount: null,
      created_at: '2024-07-15T23:33:19.433273+00:00',
      model: 'openai/gpt-4o',
      provider_name: 'OpenAI',
      router: null,
      app_id: 12345,
      origin: 'https://openrouter.ai/',
      http_referer: 'https://openrouter.ai/',
      user_agent: 'Mozilla/5.0',
      external_user: null,
      streamed: true,
      cancelled: false,
      latency: 1250,
      generation_time: 1200,
      moderation_latency: 50,
      tokens_prompt: 10,
      tokens_completion: 25,
      native_tokens_prompt: 10,
      native_tokens_completion: 25,
      native_tokens_completion_images: 0,
      native_tokens_reasoning: 5,
      native_tokens_cached: 3,
      num_media_prompt: 0,
      num_media_completion: 0,
      num_input_audio_prompt: 0,
      num_search_results: 0,
      num_fetches: 0,
      finish_reason: 'stop',
      native_finish_reason: 'stop',
      is_byok: false,
      api_type: 'completions',
      data_region: 'global',
      preset_id: null,
      provider_responses: null,
      request_id: 'req-1727282430-aBcDeFgHiJkLmNoPqRsT',
      session_id: null,
      service_tier: null,
      web_search_engine: null,
      workspace_id: null,
      ...partial,
    },
  };
}

export interface PlatformHandlerOptions {
  /** The catalog (`modelEntry(...)` entries, or raw objects for malformed-data tests). */
  models?: readonly WireModel[];
  /** `GET /key` data fields over the §7.14 example. */
  key?: Wire;
  /** `GET /credits` data fields. */
  credits?: Wire;
  /** Known generations by id (data fields over the §7.14 example; `id` is set from the key). */
  generations?: Record<string, Wire>;
  /** Endpoint overrides by model id (each over `endpointEntry` defaults); default: one endpoint. */
  endpoints?: Record<string, readonly Wire[]>;
  /** `/key`, `/credits` and `/generation` answer 401 without `Authorization: Bearer …`. Default true. */
  requireAuth?: boolean;
  /** Answers every other request (e.g. `scriptedChat(...)`); default: 404. */
  fallback?: EmulatorHandler;
}

const splitList = (value: string | undefined) =>
  value === undefined
    ? undefined
    : value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);

const stringsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/**
 * Serves the platform routes from `options`, like OpenRouter would:
 *
 * - `GET /models`: applies `output_modalities` (default `text`, as on OpenRouter; `all` = no
 *   filter; any listed modality matches), `input_modalities` and `supported_parameters` (all
 *   listed must match), `model_authors`, `q` (id/name substring), and `offset`/`limit` pagination
 *   with `links.next`. `sort` and other filters are accepted and ignored (read them from
 *   `emulator.requests`).
 * - `GET /models/count`, `GET /model/{author}/{slug}` (id, `canonical_slug`, `:variant`s stripped,
 *   `alias_target` followed), `GET /models/{author}/{slug}/endpoints`.
 * - `GET /key`, `GET /credits`, `GET /generation?id=` (401 without a bearer token by default).
 */
export function platformHandler(options: PlatformHandlerOptions = {}): EmulatorHandler {
  const models = options.models ?? [];
  const requireAuth = options.requireAuth ?? true;

  const findModel = (modelId: string): WireModel | undefined => {
    let candidate = modelId;
    for (;;) {
      const lower = candidate.toLowerCase();
      const found =
        models.find((model) => model.id.toLowerCase() === lower) ??
        models.find((model) => String(model.canonical_slug ?? '').toLowerCase() === lower);
      if (found) {
        const target = typeof found.alias_target === 'string' ? found.alias_target : undefined;
        return (target && models.find((model) => model.id === target)) || found;
      }
      const colon = candidate.lastIndexOf(':');
      if (colon <= candidate.lastIndexOf('/')) return undefined;
      candidate = candidate.slice(0, colon);
    }
  };

  const unauthorized = (request: RecordedRequest): EmulatorResponse | undefined =>
    requireAuth && !/^Bearer \S+/i.test(request.headers.authorization ?? '')
      ? { type: 'error', status: 401, message: 'No auth credentials found' }
      : undefined;

  return async (request) => {
    const route = request.method === 'GET' ? request.path : undefined;
    if (route === '/models') return json(listModels(models, request));
    if (route === '/models/count') {
      return json({ data: { count: filterModels(models, request.query).length } });
    }
    const single = route?.match(/^\/model\/(.+)$/);
    if (single?.[1]) {
      const model = findModel(decodePath(single[1]));
      return model ? json({ data: model }) : modelNotFound(decodePath(single[1]));
    }
    const endpoints = route?.match(/^\/models\/(.+)\/endpoints$/);
    if (endpoints?.[1]) {
      const modelId = decodePath(endpoints[1]);
      const model = findModel(modelId);
      if (!model) return modelNotFound(modelId);
      return json(
        endpointsBody(model, options.endpoints?.[model.id] ?? options.endpoints?.[modelId]),
      );
    }
    if (route === '/key') return unauthorized(request) ?? json(keyInfo(options.key));
    if (route === '/credits') return unauthorized(request) ?? json(creditsBody(options.credits));
    if (route === '/generation') {
      const denied = unauthorized(request);
      if (denied) return denied;
      const id = request.query.id;
      if (!id) return { type: 'error', status: 400, message: 'Missing required parameter: id' };
      const generation = options.generations?.[id];
      if (!generation) {
        return { type: 'error', status: 404, message: `Generation ${id} not found` };
      }
      return json(generationBody({ ...generation, id }));
    }
    return options.fallback ? options.fallback(request) : notFound(request);
  };
}

function json(body: unknown): EmulatorResponse {
  return { type: 'json', body };
}

function modelNotFound(modelId: string): EmulatorResponse {
  return { type: 'error', status: 404, message: `Model ${modelId} not found` };
}

/** `openai/gpt-4o%3Afree` -> `openai/gpt-4o:free` (the recorded path keeps the encoding). */
function decodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

function filterModels(models: readonly WireModel[], query: Record<string, string>): WireModel[] {
  const output = splitList(query.output_modalities) ?? ['text'];
  const input = splitList(query.input_modalities);
  const parameters = splitList(query.supported_parameters);
  const authors = splitList(query.model_authors);
  const q = query.q?.toLowerCase();
  return models.filter((model) => {
    const architecture = asRecord(model.architecture);
    const outputs = stringsOf(architecture.output_modalities);
    const inputs = stringsOf(architecture.input_modalities);
    const supported = stringsOf(model.supported_parameters);
    if (!output.includes('all') && !output.some((modality) => outputs.includes(modality))) {
      return false;
    }
    if (input && !input.every((modality) => inputs.includes(modality))) return false;
    if (parameters && !parameters.every((parameter) => supported.includes(parameter))) {
      return false;
    }
    if (authors && !authors.includes(model.id.slice(0, model.id.indexOf('/')))) return false;
    if (q && !`${model.id} ${String(model.name ?? '')}`.toLowerCase().includes(q)) return false;
    return true;
  });
}

function listModels(models: readonly WireModel[], request: RecordedRequest): Wire {
  const matching = filterModels(models, request.query);
  const { offset: offsetText, limit: limitText } = request.query;
  if (offsetText === undefined && limitText === undefined) return modelsList(matching);
  const offset = Math.max(0, Number(offsetText ?? 0) || 0);
  const limit = Math.min(1000, Math.max(1, Number(limitText ?? 500) || 500));
  const page = matching.slice(offset, offset + limit);
  let next: string | null = null;
  if (offset + limit < matching.length) {
    const params = new URLSearchParams(request.query);
    params.set('offset', String(offset + limit));
    params.set('limit', String(limit));
    next = `/api/v1/models?${params}`;
  }
  return modelsList(page, { totalCount: matching.length, next });
}
