import type { CapabilityCheck, CapabilityChecksSetting } from './capability-check';
import type { OpenRouterPlatformApi, OpenRouterPlatformApiConfig } from './openrouter-platform-api';

/**
 * The platform API and capability checks, loaded on first use: most apps never call them, and
 * their schemas would otherwise be a third of the main bundle (bundlers split dynamic imports
 * into their own chunk).
 */

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined; // a failed load (offline chunk) may be retried
      throw error;
    });
    return pending;
  };
}

/** The same functions as `createOpenRouterPlatformApi`, with the implementation loaded lazily. */
export function createLazyPlatformApi(config: OpenRouterPlatformApiConfig): OpenRouterPlatformApi {
  const api = once(async () =>
    (await import('./openrouter-platform-api')).createOpenRouterPlatformApi(config),
  );
  return {
    models: {
      list: async (options) => (await api()).models.list(options),
      page: async (options) => (await api()).models.page(options),
      get: async (modelId, options) => (await api()).models.get(modelId, options),
      endpoints: async (modelId, options) => (await api()).models.endpoints(modelId, options),
    },
    key: async (options) => (await api()).key(options),
    credits: async (options) => (await api()).credits(options),
    generation: async (id, options) => (await api()).generation(id, options),
  };
}

/** The checks load (with the catalog code) on the first call that uses them. */
export function createCapabilityCheck(
  setting: CapabilityChecksSetting | undefined,
  platform: OpenRouterPlatformApi,
): CapabilityCheck | undefined {
  if (!setting) return undefined;
  const check = once(async () =>
    (await import('./capability-check')).createCatalogCapabilityCheck(setting, platform),
  );
  return async (modelId, body, warnings, abortSignal) =>
    (await check())(modelId, body, warnings, abortSignal);
}
