import type { SharedV4Warning } from '@ai-sdk/provider';
import {
  applyRequireParameters,
  checkCapabilities,
  OpenRouterModelCatalog,
} from './model-capabilities';
import type { OpenRouterPlatformApi } from './openrouter-platform-api';
import type { OpenRouterModel } from './openrouter-platform-schemas';

/** The `capabilityChecks` provider setting. */
export type CapabilityChecksSetting =
  | boolean
  | {
      catalog?: OpenRouterModelCatalog | readonly OpenRouterModel[];
      /** Set `provider.require_parameters` for JSON output (default true). */
      requireParameters?: boolean;
      /**
       * How long a call waits for the catalog to load (default 10,000 ms). A load that takes
       * longer is aborted, and the call goes ahead without checks, with a warning.
       */
      catalogTimeoutMs?: number;
    };

const DEFAULT_CATALOG_TIMEOUT_MS = 10_000;

/** Checks a chat request body against the model's catalog entry; the body may gain a field. */
export type CapabilityCheck = (
  modelId: string,
  body: Record<string, unknown>,
  warnings: SharedV4Warning[],
  abortSignal?: AbortSignal,
) => Promise<Record<string, unknown>>;

/**
 * The `capabilityChecks` setting at work: the catalog is loaded once (or taken as given), each
 * chat request body is compared with its model's entry, and structured output may set
 * `provider.require_parameters`. A catalog that cannot be loaded in time skips the checks with a
 * warning. The load is shared by concurrent calls, so a call's abort does not cancel it; the
 * call stops waiting for it at once instead (and rejects with its abort reason).
 */
export function createCatalogCapabilityCheck(
  setting: CapabilityChecksSetting,
  platform: OpenRouterPlatformApi,
): CapabilityCheck {
  const options = typeof setting === 'object' ? setting : {};
  const requireParameters = options.requireParameters ?? true;
  const timeoutMs = options.catalogTimeoutMs ?? DEFAULT_CATALOG_TIMEOUT_MS;
  const given = options.catalog;
  const catalog = Array.isArray(given)
    ? OpenRouterModelCatalog.fromModels(given)
    : ((given as OpenRouterModelCatalog | undefined) ??
      OpenRouterModelCatalog.fromApi(platform, undefined, timeoutMs));
  return async (modelId, body, warnings, abortSignal) => {
    let model: OpenRouterModel | undefined;
    try {
      model = await untilAborted(catalog.get(modelId), abortSignal);
    } catch (error) {
      if (abortSignal?.aborted) throw abortSignal.reason;
      const reason =
        error instanceof Error && error.name === 'TimeoutError'
          ? `it did not load within ${timeoutMs} ms (capabilityChecks.catalogTimeoutMs)`
          : error instanceof Error
            ? error.message
            : String(error);
      warnings.push({
        type: 'other',
        message: `Capability checks were skipped: the model catalog could not be loaded (${reason}).`,
      });
      return body;
    }
    const result = checkCapabilities({ model, body });
    warnings.push(...result.warnings);
    return result.requireParameters && requireParameters ? applyRequireParameters(body) : body;
  };
}

/** The promise, or the signal's reason as soon as it aborts (the promise itself goes on). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => {}); // its outcome no longer matters to anyone
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
