/**
 * `ai-sdk-openrouter/proxy`: a fetch-style handler that forwards browser calls to OpenRouter with
 * the server's key (browser-safe mode). Web APIs only: Node, edge runtimes, Deno, Bun. See
 * docs/proxy.md.
 */
export {
  createOpenRouterProxy,
  DEFAULT_PROXY_ALLOWED_PATHS,
  DEFAULT_PROXY_MAX_BODY_BYTES,
  type OpenRouterProxyHandler,
  type OpenRouterProxyOptions,
} from './openrouter-proxy';
