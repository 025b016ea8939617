import { notFound } from '../server/errors.js';
import type { RecordedRequest } from '../server/recorded-request.js';
import type { EmulatorHandler, EmulatorResponse } from '../server/responses.js';
import {
  asRecord,
  creditsBody,
  endpointsBody,
  generationBody,
  keyInfo,
  modelsList,
  type Wire,
  type WireModel,
} from './platform-fixtures.js';

/** What {@link platformHandler} serves: the catalog, the key, credits and generations. */
export interface PlatformHandlerOptions {
  /** The catalog (`modelEntry(...)` entries, or raw objects for malformed-data tests). */
  models?: readonly WireModel[];
  /** `GET /key` data fields over the documented example ({@link keyInfo}). */
  key?: Wire;
  /** `GET /credits` data fields. */
  credits?: Wire;
  /**
   * Known generations by id (data fields over the documented example, {@link generationBody};
   * `id` is set from the key).
   */
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
