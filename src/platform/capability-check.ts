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
    };

/** Checks a chat request body against the model's catalog entry; the body may gain a field. */
export type CapabilityCheck = (
  modelId: string,
  body: Record<string, unknown>,
  warnings: SharedV4Warning[],
) => Promise<Record<string, unknown>>;

/**
 * The `capabilityChecks` setting at work: the catalog is loaded once (or taken as given), each
 * chat request body is compared with its model's entry, and structured output may set
 * `provider.require_parameters`. A catalog that cannot be loaded skips the checks with a warning.
 */
export function createCatalogCapabilityCheck(
  setting: CapabilityChecksSetting,
  platform: OpenRouterPlatformApi,
): CapabilityCheck {
  const options = typeof setting === 'object' ? setting : {};
  const requireParameters = options.requireParameters ?? true;
  const given = options.catalog;
  const catalog = Array.isArray(given)
    ? OpenRouterModelCatalog.fromModels(given)
    : ((given as OpenRouterModelCatalog | undefined) ?? OpenRouterModelCatalog.fromApi(platform));
  return async (modelId, body, warnings) => {
    let model: OpenRouterModel | undefined;
    try {
      model = await catalog.get(modelId);
    } catch (error) {
      warnings.push({
        type: 'other',
        message: `Capability checks were skipped: the model catalog could not be loaded (${error instanceof Error ? error.message : String(error)}).`,
      });
      return body;
    }
    const result = checkCapabilities({ model, body });
    warnings.push(...result.warnings);
    return result.requireParameters && requireParameters ? applyRequireParameters(body) : body;
  };
}
