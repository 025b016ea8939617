import type { JSONObject } from '@ai-sdk/provider';
import { convertOpenRouterUsageMetadata, type OpenRouterUsage } from './openrouter-usage';

/**
 * What every model kind reports in `providerMetadata.openrouter` about the response: the
 * provider that served it (when the body names one), the generation id (from the body, else the
 * `X-Generation-Id` header OpenRouter sends on every inference endpoint), the response-cache
 * status, BYOK, and the usage block with its cost. Kinds add their own fields to this object.
 * Only what OpenRouter reported is included.
 */
export function buildOpenRouterResponseMetadata(options: {
  provider?: string | null;
  generationId?: string | null;
  usage?: OpenRouterUsage | null;
  responseHeaders?: Record<string, string>;
}): JSONObject {
  const metadata: JSONObject = {};
  if (options.provider != null) metadata.provider = options.provider;
  const headers = options.responseHeaders;
  const generationId = options.generationId ?? headers?.['x-generation-id'];
  if (generationId) metadata.generationId = generationId;
  const cacheStatus = headers?.['x-openrouter-cache-status'];
  if (cacheStatus !== undefined) {
    // Response caching (the `responseCache` setting): a HIT is free and has a new generation id.
    metadata.responseCache = withoutEmpty({
      status: cacheStatus,
      ttl: headers?.['x-openrouter-cache-ttl'],
      age: headers?.['x-openrouter-cache-age'],
      sourceId: headers?.['x-openrouter-cache-source-id'],
    });
  }
  const usage = options.usage;
  if (usage) {
    if (usage.is_byok != null) metadata.isByok = usage.is_byok;
    metadata.usage = convertOpenRouterUsageMetadata(usage);
  }
  return metadata;
}

function withoutEmpty(record: Record<string, string | undefined>): JSONObject {
  const result: JSONObject = {};
  for (const key in record) if (record[key] !== undefined) result[key] = record[key];
  return result;
}
