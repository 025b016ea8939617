import { InvalidArgumentError } from '@ai-sdk/provider';
import type { FlexibleSchema } from '@ai-sdk/provider-utils';
import { type OpenRouterRequestConfig, requestOpenRouter } from '../shared/openrouter-request';
import { createOpenRouterJsonResponseHandler } from '../shared/openrouter-response-handlers';
import {
  type OpenRouterCredits,
  type OpenRouterGeneration,
  type OpenRouterKeyInfo,
  type OpenRouterModel,
  type OpenRouterModelEndpoints,
  type OpenRouterModelsPage,
  openRouterCreditsResponseSchema,
  openRouterGenerationResponseSchema,
  openRouterKeyInfoResponseSchema,
  openRouterModelEndpointsResponseSchema,
  openRouterModelResponseSchema,
  openRouterModelsPageSchema,
} from './openrouter-platform-schemas';

/** What the platform API needs from the provider: the same lazily resolved settings as models. */
export type OpenRouterPlatformApiConfig = OpenRouterRequestConfig;

/** Options every platform call accepts. */
export interface OpenRouterPlatformRequestOptions {
  abortSignal?: AbortSignal;
  /** Extra headers for this request (merged over the provider's headers). */
  headers?: Record<string, string | undefined>;
}

/** Modalities as OpenRouter's model catalog documents them; other strings pass through. */
export type OpenRouterModality =
  | 'text'
  | 'image'
  | 'file'
  | 'audio'
  | 'video'
  | 'embeddings'
  | 'rerank'
  | 'speech'
  | 'transcription'
  | (string & {});

/** Orders of the model catalog (`sort`); other strings pass through. */
export type OpenRouterModelsSort =
  | 'pricing-low-to-high'
  | 'pricing-high-to-low'
  | 'context-high-to-low'
  | 'throughput-high-to-low'
  | 'latency-low-to-high'
  | 'most-popular'
  | 'top-weekly'
  | 'newest'
  | (string & {});

type QueryValue = string | number | boolean | readonly (string | number)[] | undefined;

/**
 * `GET /models` filters (https://openrouter.ai/docs/api/api-reference/models/get-models), in camelCase; each is sent as its snake_case query parameter.
 * Lists are sent comma-separated. Unset filters are not sent.
 */
export interface OpenRouterModelsListFilters {
  /** Default on OpenRouter's side: `text`. `all` lists every model (images, embeddings, ...). */
  outputModalities?: OpenRouterModality | 'all' | readonly (OpenRouterModality | 'all')[];
  inputModalities?: OpenRouterModality | readonly OpenRouterModality[];
  /** Only models that support all of these (e.g. `['tools', 'response_format']`). */
  supportedParameters?: string | readonly string[];
  sort?: OpenRouterModelsSort;
  /** Free-text search. */
  q?: string;
  category?: string;
  /** Minimum context length (tokens). */
  context?: number;
  minPrice?: number | string;
  maxPrice?: number | string;
  arch?: string;
  modelAuthors?: string | readonly string[];
  providers?: string | readonly string[];
  distillable?: boolean;
  zdr?: boolean;
  region?: string;
  /** Pagination is opt-in: without `offset`/`limit` OpenRouter returns the whole list. */
  offset?: number;
  /** Page size (OpenRouter: default 500, max 1000). */
  limit?: number;
  /** Query parameters not covered above, sent as given (wire names). */
  query?: Record<string, QueryValue>;
}

/** `models.list()` options: the filters, the request options, and `all` to follow every page. */
export interface OpenRouterModelsListOptions
  extends OpenRouterModelsListFilters,
    OpenRouterPlatformRequestOptions {
  /**
   * Follow `links.next` until the last page and return every model (deduplicated by `id`).
   * Default false: one request, one page (which is the whole list unless `limit` is given).
   */
  all?: boolean;
}

/**
 * OpenRouter's platform API: the model catalog, the key's usage and credits, and past
 * generations. The provider carries one (`openrouter.models.list()`, `openrouter.key()`, ...);
 * `createOpenRouterPlatformApi()` makes a standalone one.
 */
export interface OpenRouterPlatformApi {
  models: {
    /** `GET /models` with filters; see `OpenRouterModelsListOptions.all` for pagination. */
    list(options?: OpenRouterModelsListOptions): Promise<OpenRouterModel[]>;
    /** `GET /models`: one page with `total_count` and `links.next`. */
    page(
      options?: OpenRouterModelsListFilters & OpenRouterPlatformRequestOptions,
    ): Promise<OpenRouterModelsPage>;
    /** `GET /model/{author}/{slug}`: one model; resolves `~…-latest` aliases and `:variant`s. */
    get(modelId: string, options?: OpenRouterPlatformRequestOptions): Promise<OpenRouterModel>;
    /** `GET /models/{author}/{slug}/endpoints`: providers serving the model, uptime, latency. */
    endpoints(
      modelId: string,
      options?: OpenRouterPlatformRequestOptions,
    ): Promise<OpenRouterModelEndpoints>;
  };
  /** `GET /key`: usage, limit and remaining credits of the current key. */
  key(options?: OpenRouterPlatformRequestOptions): Promise<OpenRouterKeyInfo>;
  /** `GET /credits`: total credits bought and used (OpenRouter may require a management key). */
  credits(options?: OpenRouterPlatformRequestOptions): Promise<OpenRouterCredits>;
  /** `GET /generation?id=`: cost, tokens and timings of a generation (`response.id`). */
  generation(id: string, options?: OpenRouterPlatformRequestOptions): Promise<OpenRouterGeneration>;
}

/** Upper bound on pages followed by `models.list({ all: true })` (1000 × 1000 models). */
const MAX_PAGES = 1000;

const FILTER_PARAMS = {
  outputModalities: 'output_modalities',
  inputModalities: 'input_modalities',
  supportedParameters: 'supported_parameters',
  sort: 'sort',
  q: 'q',
  category: 'category',
  context: 'context',
  minPrice: 'min_price',
  maxPrice: 'max_price',
  arch: 'arch',
  modelAuthors: 'model_authors',
  providers: 'providers',
  distillable: 'distillable',
  zdr: 'zdr',
  region: 'region',
  offset: 'offset',
  limit: 'limit',
} as const satisfies Record<keyof Omit<OpenRouterModelsListFilters, 'query'>, string>;

/** The query string parameters of `GET /models` for these filters (wire names, in a stable order). */
export function openRouterModelsQuery(filters: OpenRouterModelsListFilters = {}): URLSearchParams {
  const params = new URLSearchParams();
  const set = (name: string, value: QueryValue) => {
    if (value === undefined) return;
    const text = Array.isArray(value) ? value.join(',') : String(value);
    params.set(name, text);
  };
  for (const [option, name] of Object.entries(FILTER_PARAMS)) {
    set(name, filters[option as keyof typeof FILTER_PARAMS]);
  }
  for (const [name, value] of Object.entries(filters.query ?? {})) set(name, value);
  return params;
}

/**
 * `author/slug[:variant]` -> `author/slug%3Avariant`: each segment percent-encoded, `/` kept as the
 * separator. Empty, `.` and `..` segments are refused (they would change the route).
 */
export function encodeModelIdPath(modelId: string): string {
  const segments = modelId.split('/');
  if (modelId.trim() === '' || segments.some((s) => s === '' || s === '.' || s === '..')) {
    throw new InvalidArgumentError({
      argument: 'modelId',
      message: `Invalid OpenRouter model id "${modelId}" (expected "author/slug").`,
    });
  }
  return segments.map(encodeURIComponent).join('/');
}

/**
 * OpenRouter's platform endpoints as plain async functions: typed, lenient results, the
 * provider's base URL, headers and `fetch`, per-call headers and abort signals, and
 * `APICallError`s for non-2xx responses. Nothing is requested until a function is called.
 *
 * The model catalog routes (`models.*`) are public: when no API key is configured they are sent
 * without `Authorization` instead of failing. `key`, `credits` and `generation` need the key.
 */
export function createOpenRouterPlatformApi(
  config: OpenRouterPlatformApiConfig,
): OpenRouterPlatformApi {
  const get = async <T>(request: {
    path: string;
    query?: URLSearchParams;
    schema: FlexibleSchema<T>;
    options: OpenRouterPlatformRequestOptions | undefined;
    publicRoute: boolean;
  }): Promise<T> => {
    const { value } = await requestOpenRouter({
      config,
      path: request.path,
      query: request.query,
      headers: request.options?.headers,
      abortSignal: request.options?.abortSignal,
      successfulResponseHandler: createOpenRouterJsonResponseHandler(request.schema),
      keyOptional: request.publicRoute,
    });
    return value;
  };

  const page = (
    query: URLSearchParams,
    options: OpenRouterPlatformRequestOptions | undefined,
  ): Promise<OpenRouterModelsPage> =>
    get({ path: '/models', query, schema: openRouterModelsPageSchema, options, publicRoute: true });

  return {
    models: {
      list: async (options = {}) => {
        let query = openRouterModelsQuery(options);
        const first = await page(query, options);
        if (!options.all) return first.data;

        const byId = new Map<string, OpenRouterModel>();
        const add = (models: OpenRouterModel[]) => {
          for (const model of models) if (!byId.has(model.id)) byId.set(model.id, model);
        };
        add(first.data);
        let current = first;
        for (let pages = 1; pages < MAX_PAGES; pages++) {
          const next = nextPageQuery(query, current, config.baseURL());
          if (!next) break;
          query = next;
          current = await page(query, options);
          add(current.data);
        }
        return [...byId.values()];
      },
      page: (options = {}) => page(openRouterModelsQuery(options), options),
      get: async (modelId, options) =>
        (
          await get({
            path: `/model/${encodeModelIdPath(modelId)}`,
            schema: openRouterModelResponseSchema,
            options,
            publicRoute: true,
          })
        ).data,
      endpoints: async (modelId, options) =>
        (
          await get({
            path: `/models/${encodeModelIdPath(modelId)}/endpoints`,
            schema: openRouterModelEndpointsResponseSchema,
            options,
            publicRoute: true,
          })
        ).data,
    },
    key: async (options) =>
      (
        await get({
          path: '/key',
          schema: openRouterKeyInfoResponseSchema,
          options,
          publicRoute: false,
        })
      ).data,
    credits: async (options) =>
      (
        await get({
          path: '/credits',
          schema: openRouterCreditsResponseSchema,
          options,
          publicRoute: false,
        })
      ).data,
    generation: async (id, options) => {
      if (typeof id !== 'string' || id.trim() === '') {
        throw new InvalidArgumentError({
          argument: 'id',
          message: 'A generation id (e.g. "gen-...") is required.',
        });
      }
      return (
        await get({
          path: '/generation',
          query: new URLSearchParams({ id }),
          schema: openRouterGenerationResponseSchema,
          options,
          publicRoute: false,
        })
      ).data;
    },
  };
}

/**
 * The query of the page after `page`, or undefined on the last page. `links.next` is read for its
 * `offset`/`limit` only: the request goes to the configured base URL (never to a URL taken from
 * the response, which would carry the key elsewhere) with the caller's filters kept. Stops when
 * the page was empty or the offset would not advance.
 */
function nextPageQuery(
  query: URLSearchParams,
  page: OpenRouterModelsPage,
  baseURL: string,
): URLSearchParams | undefined {
  const link = page.links?.next;
  if (!link || page.data.length === 0) return undefined;
  let linked: URLSearchParams;
  try {
    linked = new URL(link, baseURL).searchParams;
  } catch {
    return undefined;
  }
  const currentOffset = Number(query.get('offset') ?? 0);
  const nextOffset = Number(linked.get('offset') ?? Number.NaN);
  if (!Number.isFinite(nextOffset) || nextOffset <= currentOffset) return undefined;
  const next = new URLSearchParams(query);
  next.set('offset', String(nextOffset));
  const limit = linked.get('limit');
  if (limit !== null && limit !== '') next.set('limit', limit);
  return next;
}
