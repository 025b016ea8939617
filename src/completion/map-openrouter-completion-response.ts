import type {
  JSONObject,
  LanguageModelV4Content,
  LanguageModelV4FinishReason,
  LanguageModelV4Usage,
  SharedV4ProviderMetadata,
} from '@ai-sdk/provider';
import { mapOpenRouterFinishReason } from '../shared/map-openrouter-finish-reason';
import { buildOpenRouterResponseMetadata } from '../shared/openrouter-response-metadata';
import { convertOpenRouterUsage, type OpenRouterUsage } from '../shared/openrouter-usage';
import type {
  OpenRouterCompletionChoice,
  OpenRouterCompletionResponse,
} from './openrouter-completion-api';

/**
 * A non-streamed completion -> content, finish reason, usage and metadata: the same parts and
 * metadata the stream produces for the same answer (reasoning first, then the text).
 */
export function mapOpenRouterCompletionResponse(options: {
  response: OpenRouterCompletionResponse;
  choice: OpenRouterCompletionChoice;
  responseHeaders: Record<string, string> | undefined;
}): {
  content: LanguageModelV4Content[];
  finishReason: LanguageModelV4FinishReason;
  usage: LanguageModelV4Usage;
  providerMetadata: SharedV4ProviderMetadata;
} {
  const { response, choice } = options;
  const content: LanguageModelV4Content[] = [];
  if (choice.reasoning) content.push({ type: 'reasoning', text: choice.reasoning });
  if (choice.text) content.push({ type: 'text', text: choice.text });
  return {
    content,
    finishReason: {
      // The completions endpoint has no tool calls.
      unified: mapOpenRouterFinishReason(choice.finish_reason, false),
      raw: choice.finish_reason ?? undefined,
    },
    usage: convertOpenRouterUsage(response.usage ?? undefined),
    providerMetadata: {
      openrouter: buildOpenRouterCompletionProviderMetadata({
        provider: response.provider ?? undefined,
        generationId: response.id ?? undefined,
        nativeFinishReason: choice.native_finish_reason ?? undefined,
        usage: response.usage ?? undefined,
        logprobs: (choice.logprobs as JSONObject | null | undefined) ?? undefined,
        responseHeaders: options.responseHeaders,
      }),
    },
  };
}

/**
 * `providerMetadata.openrouter` of a completion, the same from `doGenerate` and from the stream's
 * `finish` part: the fields every kind reports (generation id, usage with cost, BYOK, response
 * cache), the serving provider as in chat, and what this endpoint adds when it sent it: the
 * native finish reason and logprobs. Reasoning details are not kept: a text prompt cannot carry
 * them back, and the reasoning text is in the reasoning parts.
 */
export function buildOpenRouterCompletionProviderMetadata(options: {
  provider: string | undefined;
  generationId: string | undefined;
  nativeFinishReason: string | undefined;
  usage: OpenRouterUsage | undefined;
  logprobs: JSONObject | undefined;
  responseHeaders: Record<string, string> | undefined;
}): JSONObject {
  const metadata: JSONObject = {
    provider: options.provider ?? '',
    ...buildOpenRouterResponseMetadata(options),
  };
  if (options.nativeFinishReason !== undefined) {
    metadata.nativeFinishReason = options.nativeFinishReason;
  }
  if (options.logprobs !== undefined) metadata.logprobs = options.logprobs;
  return metadata;
}
