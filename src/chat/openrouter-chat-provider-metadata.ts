import type { JSONObject, JSONValue } from '@ai-sdk/provider';
import { buildOpenRouterResponseMetadata } from '../shared/openrouter-response-metadata';
import type { OpenRouterUsage } from '../shared/openrouter-usage';

/**
 * `providerMetadata.openrouter` of a chat response, identical from `doGenerate` and from the
 * stream's `finish` part: the fields every kind reports, plus the serving provider, the
 * reasoning details, the native finish reason, annotations, logprobs and routing details.
 */
export function buildOpenRouterChatProviderMetadata(options: {
  provider: string | undefined;
  generationId: string | undefined;
  nativeFinishReason: string | undefined;
  usage: OpenRouterUsage | undefined;
  reasoningDetails: JSONValue[];
  annotations: JSONValue[];
  logprobs?: JSONValue;
  /** `openrouter_metadata`, sent when the provider asked for it (`routerMetadata`). */
  routerMetadata?: unknown;
  responseHeaders?: Record<string, string>;
}): JSONObject {
  const metadata: JSONObject = {
    provider: options.provider ?? '',
    reasoning_details: options.reasoningDetails,
    ...buildOpenRouterResponseMetadata(options),
  };
  if (options.nativeFinishReason !== undefined) {
    metadata.nativeFinishReason = options.nativeFinishReason;
  }
  if (options.annotations.length > 0) metadata.annotations = options.annotations;
  if (options.logprobs !== undefined) metadata.logprobs = options.logprobs;
  if (options.routerMetadata != null) metadata.routerMetadata = options.routerMetadata as JSONValue;
  return metadata;
}
