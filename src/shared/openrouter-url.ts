import { InvalidArgumentError } from '@ai-sdk/provider';
import { describeValue } from './check-option-value';

/**
 * A base URL as the request layer uses it: an absolute http(s) URL, trimmed, without a trailing
 * slash, its query string kept (a gateway route like `…/v1?team=a`). In a browser page a path
 * from the root (`/api/openrouter`, the browser-safe proxy route) is resolved against the page,
 * as fetch would. Throws `InvalidArgumentError` naming `argument` (the setting or the
 * environment variable it came from) for anything else:
 * - a relative or unparsable URL (outside a page, a path too), or another scheme;
 * - a `#fragment`, which is never sent to a server: the path appended after it would be lost;
 * - credentials in the URL (`https://user:pass@…`), which fetch refuses; send them in `headers`.
 */
export function normalizeOpenRouterBaseURL(value: unknown, argument: string): string {
  const text = typeof value === 'string' ? value.trim() : undefined;
  const invalid = (problem: string) =>
    new InvalidArgumentError({
      argument,
      message: `Invalid ${argument}: ${problem}. Expected an absolute http(s) URL such as "https://openrouter.ai/api/v1".`,
    });
  if (!text) throw invalid(`got ${describeValue(value)}`);
  let url: URL;
  try {
    url = new URL(text, text.startsWith('/') && !text.startsWith('//') ? pageURL() : undefined);
  } catch {
    const hint = text.startsWith('/') ? ' (a path works only in a browser page)' : '';
    throw invalid(`${JSON.stringify(text)} is not an absolute URL${hint}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid(`the scheme "${url.protocol}" is not http or https`);
  }
  if (url.hash !== '' || text.includes('#')) {
    throw invalid('it has a "#" fragment, which is never sent to the server');
  }
  if (url.username !== '' || url.password !== '') {
    throw invalid('it contains credentials; pass them in the headers setting instead');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}${url.search}`;
}

/** The page's URL in a browser (relative URLs resolve against it), else undefined. */
function pageURL(): string | undefined {
  const href = (globalThis as { location?: { href?: unknown } }).location?.href;
  return typeof href === 'string' ? href : undefined;
}

/**
 * The URL of one request: `path` appended to the base URL's path, and the base URL's query
 * string (kept as written) followed by the request's own query.
 * `buildOpenRouterUrl('https://gw.example/v1?team=a', '/models', new URLSearchParams('q=x'))`
 * is `https://gw.example/v1/models?team=a&q=x`.
 */
export function buildOpenRouterUrl(baseURL: string, path: string, query?: URLSearchParams): string {
  const queryStart = baseURL.indexOf('?');
  const base = queryStart === -1 ? baseURL : baseURL.slice(0, queryStart);
  const baseQuery = queryStart === -1 ? '' : baseURL.slice(queryStart + 1);
  const search = [baseQuery, query?.toString() ?? ''].filter((part) => part !== '').join('&');
  return `${base.replace(/\/+$/, '')}${path}${search ? `?${search}` : ''}`;
}

/**
 * Where OpenRouter's alpha Decisions API is, for a base URL: the base URL's origin plus
 * `/api/alpha` (its query kept), since OpenRouter serves it at `/api/alpha/decisions`, outside
 * `/api/v1`. `https://openrouter.ai/api/v1` gives `https://openrouter.ai/api/alpha`.
 */
export function decisionsBaseURLOf(baseURL: string): string {
  const url = new URL(baseURL);
  return `${url.origin}/api/alpha${url.search}`;
}
