import { loadOptionalSetting, withoutTrailingSlash } from '@ai-sdk/provider-utils';

/**
 * The API paths (after `/api/v1`) the proxy forwards by default: the inference endpoints the
 * provider calls, and the platform reads it makes (catalog, key, credits, generations). An entry
 * matches its path exactly; one ending in `/*` also matches every path below it. Key management
 * (`/keys`), credit purchases and anything else are refused.
 */
export const DEFAULT_PROXY_ALLOWED_PATHS: readonly string[] = [
  '/chat/completions',
  '/completions',
  '/embeddings',
  '/embeddings/models',
  '/images',
  '/images/models/*',
  '/audio/speech',
  '/audio/transcriptions',
  '/rerank',
  '/videos/*',
  '/models/*',
  '/model/*',
  '/key',
  '/credits',
  '/generation',
];

/** 4 MiB: room for a few images in a chat request, below common serverless body limits. */
export const DEFAULT_PROXY_MAX_BODY_BYTES = 4 * 1024 * 1024;

/** How {@link createOpenRouterProxy} forwards requests. */
export interface OpenRouterProxyOptions {
  /** The server's OpenRouter key; default `OPENROUTER_API_KEY`, read on every request. */
  apiKey?: string;
  /**
   * Where to forward to; default `OPENROUTER_BASE_URL`, then `https://openrouter.ai/api/v1`.
   */
  baseURL?: string;
  /**
   * The path this handler is mounted at, which the client's `baseURL` ends with: requests below it
   * are forwarded with the prefix replaced by `baseURL`. Default `/api/v1`, OpenRouter's own
   * layout; for a Next.js route at `app/api/openrouter/[...path]/route.ts` use `/api/openrouter`.
   */
  basePath?: string;
  /** API paths that may be forwarded; default {@link DEFAULT_PROXY_ALLOWED_PATHS}. */
  allowedPaths?: readonly string[];
  /**
   * When set, a POST must name models from this list (`model`, and every entry of `models`,
   * OpenRouter's fallback list), else it gets a 403. A function decides per model id.
   */
  allowedModels?: readonly string[] | ((modelId: string) => boolean);
  /** Largest request body accepted, in bytes (larger: 413). Default 4 MiB. */
  maxBodyBytes?: number;
  /**
   * Your own check (session, rate limit) before anything is forwarded: return `true` to go on,
   * `false` for a 401, or a `Response` to send instead.
   */
  authorize?: (request: Request) => boolean | Response | Promise<boolean | Response>;
  /** Headers added to every forwarded request, e.g. `HTTP-Referer` and `X-Title` for attribution. */
  headers?: Record<string, string>;
  /** The fetch used to call OpenRouter (default: the global one). */
  fetch?: typeof globalThis.fetch;
}

/** A web-standard request handler; `GET` and `POST` are the same function, for route files. */
export type OpenRouterProxyHandler = ((request: Request) => Promise<Response>) & {
  readonly GET: (request: Request) => Promise<Response>;
  readonly POST: (request: Request) => Promise<Response>;
};

const DEFAULT_UPSTREAM = 'https://openrouter.ai/api/v1';

/**
 * Request headers never forwarded: credentials of the client (its own key, BYOK provider keys,
 * cookies), hop-by-hop headers, and encodings the proxy's fetch negotiates itself.
 */
const DROPPED_REQUEST_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-provider-api-keys',
  'x-api-key',
  'host',
  'content-length',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'expect',
  'accept-encoding',
]);

/** Response headers not passed back: cookies, hop-by-hop, and encodings fetch already undid. */
const DROPPED_RESPONSE_HEADERS = new Set([
  'set-cookie',
  'content-encoding',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
]);

const REDACTED = '[REDACTED]';

/**
 * A fetch-style handler that forwards the browser's (or any client's) OpenRouter calls to
 * OpenRouter with the server's key, so the key never leaves the server. It forwards GET and POST
 * on the allowed API paths only, streams SSE and binary bodies through unbuffered, enforces the
 * optional model allow-list and the body-size limit, drops the client's credentials, never
 * returns the key (it is redacted from JSON and error bodies), and answers its own refusals in
 * OpenRouter's error envelope `{ error: { code, message } }`. It uses only web APIs, so it runs
 * on Node, edge runtimes, Deno and Bun.
 *
 * ```ts
 * // app/api/openrouter/[...path]/route.ts
 * import { createOpenRouterProxy } from 'ai-sdk-openrouter/proxy';
 * export const { GET, POST } = createOpenRouterProxy({
 *   basePath: '/api/openrouter',
 *   allowedModels: ['openai/gpt-4o-mini'],
 * });
 * ```
 */
export function createOpenRouterProxy(
  options: OpenRouterProxyOptions = {},
): OpenRouterProxyHandler {
  const basePath = normaliseBasePath(options.basePath ?? '/api/v1');
  const allowedPaths = options.allowedPaths ?? DEFAULT_PROXY_ALLOWED_PATHS;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_PROXY_MAX_BODY_BYTES;
  const allowedModels = options.allowedModels;
  const isModelAllowed =
    allowedModels === undefined
      ? undefined
      : typeof allowedModels === 'function'
        ? allowedModels
        : (modelId: string) => allowedModels.includes(modelId);

  const handle = async (request: Request): Promise<Response> => {
    const method = request.method.toUpperCase();
    if (method !== 'GET' && method !== 'POST') {
      return errorResponse(
        405,
        `Method ${method} is not allowed; the proxy forwards GET and POST.`,
        {
          allow: 'GET, POST',
        },
      );
    }

    const url = new URL(request.url);
    if (!isCleanPath(url.pathname)) {
      return errorResponse(400, 'The request path contains traversal or encoded separators.');
    }
    const apiPath = stripBasePath(url.pathname, basePath);
    if (apiPath === undefined || !allowedPaths.some((pattern) => pathMatches(pattern, apiPath))) {
      return errorResponse(
        404,
        `Not found: ${url.pathname} is not an API path this proxy forwards.`,
      );
    }

    if (options.authorize) {
      const verdict = await options.authorize(request);
      if (verdict instanceof Response) return verdict;
      if (verdict !== true) return errorResponse(401, 'Not authorized to use this proxy.');
    }

    const apiKey = loadOptionalSetting({
      settingValue: options.apiKey,
      environmentVariableName: 'OPENROUTER_API_KEY',
    });
    if (!apiKey) {
      return errorResponse(
        500,
        'The proxy has no OpenRouter API key: set OPENROUTER_API_KEY on the server or pass apiKey.',
      );
    }

    let body: Uint8Array | undefined;
    if (method === 'POST') {
      const declared = Number(request.headers.get('content-length') ?? Number.NaN);
      if (declared > maxBodyBytes) return tooLarge(maxBodyBytes);
      const read = await readLimited(request.body, maxBodyBytes);
      if (read === undefined) return tooLarge(maxBodyBytes);
      body = read;
      if (isModelAllowed) {
        const models = await requestedModels(body, request.headers.get('content-type') ?? '');
        if (models === 'unreadable') {
          return errorResponse(400, 'The request body could not be read to check its model.');
        }
        if (models.length === 0) {
          return errorResponse(403, 'This proxy requires the request to name an allowed model.');
        }
        const refused = models.find((model) => !isModelAllowed(model));
        if (refused !== undefined) {
          return errorResponse(
            403,
            `Model ${JSON.stringify(refused)} is not allowed by this proxy.`,
          );
        }
      }
    }

    const upstreamBase = withoutTrailingSlash(
      options.baseURL ??
        loadOptionalSetting({
          settingValue: undefined,
          environmentVariableName: 'OPENROUTER_BASE_URL',
        }) ??
        DEFAULT_UPSTREAM,
    ) as string;
    const headers = new Headers();
    request.headers.forEach((value, name) => {
      if (!DROPPED_REQUEST_HEADERS.has(name) && !name.startsWith('sec-')) headers.set(name, value);
    });
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
    headers.set('authorization', `Bearer ${apiKey}`);

    let upstream: Response;
    try {
      upstream = await (options.fetch ?? globalThis.fetch)(
        `${upstreamBase}${apiPath}${url.search}`,
        {
          method,
          headers,
          body: body as BodyInit | undefined,
          signal: request.signal,
        },
      );
    } catch (error) {
      if (request.signal.aborted) return errorResponse(499, 'The client closed the request.');
      const reason = redact(error instanceof Error ? error.message : String(error), apiKey);
      return errorResponse(502, `The proxy could not reach OpenRouter: ${reason}`);
    }
    return relay(upstream, apiKey);
  };

  return Object.assign(handle, { GET: handle, POST: handle });
}

function normaliseBasePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' || trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/**
 * Refuses `.`/`..` segments, empty segments, backslashes and percent-encoded dots, slashes,
 * backslashes, percent signs and NULs: forms that a server or upstream behind the proxy could
 * decode into a path outside the allowed ones.
 */
function isCleanPath(pathname: string): boolean {
  if (/%(2e|2f|5c|25|00)/i.test(pathname) || pathname.includes('\\')) return false;
  return !pathname
    .split('/')
    .slice(1)
    .some((segment) => segment === '' || segment === '.' || segment === '..');
}

function stripBasePath(pathname: string, basePath: string): string | undefined {
  if (!pathname.startsWith(`${basePath}/`)) return undefined;
  return pathname.slice(basePath.length);
}

function pathMatches(pattern: string, path: string): boolean {
  if (!pattern.endsWith('/*')) return path === pattern;
  const base = pattern.slice(0, -2);
  return path === base || path.startsWith(`${base}/`);
}

async function readLimited(
  stream: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<Uint8Array | undefined> {
  if (!stream) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Stop reading without cancelling: the server answers 413 and discards the rest, so the
      // client gets the answer instead of a reset connection.
      reader.releaseLock();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** `model` and the `models` fallback list of a JSON or multipart body. */
async function requestedModels(
  body: Uint8Array,
  contentType: string,
): Promise<string[] | 'unreadable'> {
  try {
    if (contentType.toLowerCase().startsWith('multipart/form-data')) {
      const form = await new Response(body as BodyInit, {
        headers: { 'content-type': contentType },
      }).formData();
      return form.getAll('model').map(String);
    }
    const json = JSON.parse(new TextDecoder().decode(body)) as unknown;
    if (typeof json !== 'object' || json === null) return [];
    const { model, models } = json as { model?: unknown; models?: unknown };
    const found: string[] = [];
    if (model !== undefined) found.push(typeof model === 'string' ? model : JSON.stringify(model));
    if (Array.isArray(models)) {
      for (const entry of models)
        found.push(typeof entry === 'string' ? entry : JSON.stringify(entry));
    } else if (models !== undefined) {
      found.push(JSON.stringify(models));
    }
    return found;
  } catch {
    return 'unreadable';
  }
}

/**
 * OpenRouter's answer, passed back: event streams and binary bodies as they arrive (never
 * buffered); JSON and error bodies read whole, so the key can be redacted from them.
 */
async function relay(upstream: Response, apiKey: string): Promise<Response> {
  const headers = new Headers();
  upstream.headers.forEach((value, name) => {
    if (!DROPPED_RESPONSE_HEADERS.has(name)) headers.set(name, redact(value, apiKey));
  });
  const contentType = upstream.headers.get('content-type') ?? '';
  const streamed =
    upstream.ok && !/^(application\/(.+\+)?json|text\/(plain|html))\b/i.test(contentType);
  if (streamed) {
    // Keeps reverse proxies in front of the app (nginx) from buffering the stream.
    if (/^text\/event-stream/i.test(contentType)) headers.set('x-accel-buffering', 'no');
    return new Response(upstream.body, { status: upstream.status, headers });
  }
  const text = redact(await upstream.text(), apiKey);
  if (!upstream.ok && text.trim() === '') {
    return errorResponse(
      upstream.status,
      upstream.statusText || `Upstream error ${upstream.status}`,
    );
  }
  return new Response(text, { status: upstream.status, headers });
}

function redact(text: string, apiKey: string): string {
  return apiKey.length > 0 ? text.split(apiKey).join(REDACTED) : text;
}

function tooLarge(limit: number): Response {
  return errorResponse(413, `Request body too large: this proxy accepts at most ${limit} bytes.`);
}

function errorResponse(
  status: number,
  message: string,
  extra: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ error: { code: status, message } }), {
    status,
    headers: { 'content-type': 'application/json', ...extra },
  });
}
