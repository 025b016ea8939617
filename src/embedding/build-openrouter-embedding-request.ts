import type { EmbeddingModelV4CallOptions, SharedV4Warning } from '@ai-sdk/provider';
import { layerOpenRouterRequest } from '../shared/layer-openrouter-request';
import { resolveOpenRouterOptions } from '../shared/resolve-openrouter-options';
import {
  type OpenRouterEmbeddingBehaviour,
  type OpenRouterEmbeddingSettings,
  openRouterEmbeddingOptionsSpec as spec,
} from './openrouter-embedding-options';

/**
 * The encoding asked for when the caller sets none, chosen by measurement (`npm run bench
 * embeddings`, BENCHMARKS.md): for 2,048 inputs of 1,536 dimensions over loopback, `embedMany`
 * with base64 took 0.30-0.33 of the wall time and 0.35-0.37 of the CPU time of float JSON (two
 * runs): the body is less than half the size, and decoding base64 costs far less than parsing
 * three million JSON numbers. Whatever form comes back is decoded.
 */
export const DEFAULT_ENCODING_FORMAT = 'base64';

/** Model settings that shape the call but are not request fields. */
const MODEL_ONLY_SETTINGS = ['maxEmbeddingsPerCall', 'max_embeddings_per_call'];

/**
 * Builds the `/embeddings` body. Precedence, lowest first: model settings, call options
 * (`dimensions`), `extraBody` (provider, then model), call `providerOptions.openrouter`.
 */
export function buildOpenRouterEmbeddingRequest(options: {
  modelId: string;
  call: EmbeddingModelV4CallOptions;
  settings: OpenRouterEmbeddingSettings;
  providerExtraBody: Record<string, unknown> | undefined;
  warnings: SharedV4Warning[];
}): { body: Record<string, unknown>; behaviour: OpenRouterEmbeddingBehaviour } {
  const { call, warnings } = options;
  const { extraBody: modelExtraBody, maxEmbeddingsPerCall: _, ...settings } = options.settings;
  const fromSettings = resolveOpenRouterOptions<OpenRouterEmbeddingBehaviour>(
    spec,
    settings,
    'settings',
    warnings,
  );
  // Not resolveOpenRouterSettingsAndCall: the settings' warnings come before those about
  // model-only settings in the call options.
  const fromCall = resolveOpenRouterOptions<OpenRouterEmbeddingBehaviour>(
    spec,
    withoutModelOnlySettings(call.providerOptions?.openrouter, warnings),
    'providerOptions.openrouter',
    warnings,
  );

  return layerOpenRouterRequest({
    base: { model: options.modelId, input: call.values, encoding_format: DEFAULT_ENCODING_FORMAT },
    settings: fromSettings,
    callOptions: { dimensions: call.dimensions },
    providerExtraBody: options.providerExtraBody,
    modelExtraBody,
    providerOptions: fromCall,
  });
}

/**
 * `maxEmbeddingsPerCall` decides how `embedMany` splits the values before any call is made, so
 * it works only as a model setting; in call options it is reported and not sent.
 */
function withoutModelOnlySettings(
  options: Record<string, unknown> | undefined,
  warnings: SharedV4Warning[],
): Record<string, unknown> | undefined {
  // Anything but an object goes on as it is, for the resolver to name.
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return options;
  if (!MODEL_ONLY_SETTINGS.some((key) => Object.hasOwn(options, key))) return options;
  const rest = { ...options };
  for (const key of MODEL_ONLY_SETTINGS) {
    if (!Object.hasOwn(rest, key)) continue;
    delete rest[key];
    warnings.push({
      type: 'unsupported',
      feature: `providerOptions.openrouter.${key}`,
      details:
        'It is a model setting: pass it to openrouter.embeddingModel(id, { maxEmbeddingsPerCall }).',
    });
  }
  return rest;
}
