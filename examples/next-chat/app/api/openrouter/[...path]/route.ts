import { createOpenRouterProxy } from 'ai-sdk-openrouter/proxy';
import { BROWSER_ALLOWED_MODELS } from '@/lib/models';
import { serverKey, upstreamBaseURL } from '@/lib/openrouter';

// The browser-safe page's provider calls land here; the key stays on the server.
export const { GET, POST } = createOpenRouterProxy({
  basePath: '/api/openrouter',
  apiKey: serverKey,
  baseURL: upstreamBaseURL,
  allowedModels: BROWSER_ALLOWED_MODELS,
  maxBodyBytes: 256 * 1024,
});
