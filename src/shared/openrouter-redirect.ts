import { APICallError } from '@ai-sdk/provider';
import { extractResponseHeaders } from '@ai-sdk/provider-utils';
import { isSecretHeader } from './redact-secrets';

/**
 * What happens to a redirect (loaded by `openrouter-fetch.ts` when one arrives). Within the
 * request's origin it is followed, with every header, as `fetch` would (307/308 keep the method
 * and body; 303, and 301/302 after a POST, continue as a GET without the body). To another origin
 * it is refused with a non-retryable `APICallError`, so neither the key nor any other header or
 * the body reaches it. Where the runtime hides the target (browsers answer `opaqueredirect`), a
 * request with a secret header is refused likewise, and one without is sent again with the
 * runtime's own redirect handling (the browser's CORS rules apply).
 */
export async function followRedirects(options: {
  response: Response;
  url: string;
  init: RequestInit;
  send: (url: string, init: RequestInit) => Promise<Response>;
  /** Whether a response is a redirect to decide about (`isRedirect` of `openrouter-fetch.ts`). */
  isRedirect: (response: Response) => boolean;
  requestBodyValues: unknown;
}): Promise<{ response: Response; url: string }> {
  let { response, url, init } = options;
  for (let redirects = 0; options.isRedirect(response); redirects++) {
    const refuse = (where: string) =>
      new APICallError({
        message: `The request to ${new URL(url).origin} was redirected ${where}. The redirect was not followed, so the API key, the other headers and the body were not sent there; if the move is intended, set baseURL to the new address.`,
        url,
        requestBodyValues: options.requestBodyValues,
        statusCode: response.status || undefined,
        responseHeaders: extractResponseHeaders(response),
        isRetryable: false,
      });
    if (response.type === 'opaqueredirect') {
      const headers = Object.keys((init.headers ?? {}) as Record<string, string>);
      if (headers.some(isSecretHeader)) throw refuse('to an address this runtime does not reveal');
      return { response: await options.send(url, { ...init, redirect: 'follow' }), url };
    }
    await response.body?.cancel().catch(() => {});
    const target = safeUrl(response.headers.get('location') ?? '', url);
    if (target === undefined) throw refuse('to an invalid address');
    if (target.origin !== new URL(url).origin) throw refuse(`to another origin (${target.origin})`);
    if (redirects >= MAX_REDIRECTS) throw refuse(`more than ${MAX_REDIRECTS} times`);
    url = target.href;
    init = redirectedInit(init, response.status);
    response = await options.send(url, init);
  }
  return { response, url };
}

/** As many redirects as `fetch` itself follows. */
const MAX_REDIRECTS = 20;

/** As `fetch` does: 303, and 301/302 after a POST, continue as a GET without the body. */
function redirectedInit(init: RequestInit, status: number): RequestInit {
  const method = (init.method ?? 'GET').toUpperCase();
  if (!(status === 303 || ((status === 301 || status === 302) && method === 'POST'))) return init;
  const headers = { ...(init.headers as Record<string, string>) };
  for (const name of Object.keys(headers)) {
    if (/^content-(type|length)$/i.test(name)) delete headers[name];
  }
  return { ...init, method: method === 'HEAD' ? 'HEAD' : 'GET', headers, body: undefined };
}

function safeUrl(location: string, base: string): URL | undefined {
  try {
    return new URL(location, base);
  } catch {
    return undefined;
  }
}
