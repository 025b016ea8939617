import type { SharedV4Warning } from '@ai-sdk/provider';
import {
  type OpenRouterOptionsSpec,
  type ResolvedOpenRouterOptions,
  resolveOpenRouterOptions,
} from './resolve-openrouter-options';

/**
 * A kind's model settings and its call's `providerOptions.openrouter`, each resolved by `spec`
 * (see `resolveOpenRouterOptions`), the settings first: the two option layers of
 * `layerOpenRouterRequest`.
 */
export function resolveOpenRouterSettingsAndCall<BEHAVIOUR>(
  spec: OpenRouterOptionsSpec,
  settings: Record<string, unknown>,
  providerOptions: Record<string, unknown> | undefined,
  warnings: SharedV4Warning[],
): {
  settings: ResolvedOpenRouterOptions<BEHAVIOUR>;
  providerOptions: ResolvedOpenRouterOptions<BEHAVIOUR>;
} {
  return {
    settings: resolveOpenRouterOptions<BEHAVIOUR>(spec, settings, 'settings', warnings),
    providerOptions: resolveOpenRouterOptions<BEHAVIOUR>(
      spec,
      providerOptions,
      'providerOptions.openrouter',
      warnings,
    ),
  };
}

/**
 * A request body from its layers, by the precedence every kind follows, lowest first: `base`
 * (the model id and what the call itself maps to), the model settings, `callOptions` (AI SDK call
 * options that beat a settings default; one left undefined does not), `extraBody` of the
 * provider, then of the model, and last the call's `providerOptions.openrouter`. Fields left
 * undefined are then dropped, so the serving provider applies its own defaults (an `extraBody`
 * entry set to `undefined` removes a field). Behaviour options: the call's win over the
 * settings', key by key.
 */
export function layerOpenRouterRequest<BEHAVIOUR>(layers: {
  base?: Record<string, unknown>;
  settings: ResolvedOpenRouterOptions<BEHAVIOUR>;
  callOptions?: Record<string, unknown>;
  providerExtraBody: Record<string, unknown> | undefined;
  modelExtraBody: Record<string, unknown> | undefined;
  providerOptions: ResolvedOpenRouterOptions<BEHAVIOUR>;
}): { body: Record<string, unknown>; behaviour: BEHAVIOUR } {
  const { settings, providerOptions } = layers;
  const callOptions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(layers.callOptions ?? {})) {
    if (value !== undefined) callOptions[key] = value;
  }
  const body: Record<string, unknown> = {
    ...layers.base,
    ...settings.body,
    ...callOptions,
    ...layers.providerExtraBody,
    ...layers.modelExtraBody,
    ...providerOptions.body,
  };
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return { body, behaviour: { ...settings.behaviour, ...providerOptions.behaviour } };
}
