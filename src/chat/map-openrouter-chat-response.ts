import type {
  JSONObject,
  JSONValue,
  LanguageModelV4CallOptions,
  LanguageModelV4Content,
  LanguageModelV4FinishReason,
  LanguageModelV4Prompt,
  LanguageModelV4Usage,
  SharedV4ProviderMetadata,
  SharedV4Warning,
} from '@ai-sdk/provider';
import { mapOpenRouterFinishReason } from '../shared/map-openrouter-finish-reason';
import { convertOpenRouterUsage } from '../shared/openrouter-usage';
import { AnnotationCollector, mapOpenRouterImage } from './map-openrouter-outputs';
import { ServerToolCallMapper } from './map-server-tool-call';
import type { OpenRouterChatResponse } from './openrouter-chat-api';
import { buildOpenRouterChatProviderMetadata } from './openrouter-chat-provider-metadata';
import { readMessageContent, SkippedContentReporter } from './read-message-content';
import { visibleReasoningText } from './reasoning-details-accumulator';
import {
  toolCallArgumentsText,
  toolCallInput,
  unexpectedArgumentsWarning,
} from './tool-call-arguments';
import { ToolCallIdAllocator, toolCallProviderMetadata } from './tool-call-ids';

type Choice = NonNullable<NonNullable<OpenRouterChatResponse['choices']>[number]>;

/**
 * A non-streaming response -> content, finish reason, usage and metadata: the same parts, ids
 * and metadata the stream produces for the same answer.
 */
export function mapOpenRouterChatResponse(options: {
  response: OpenRouterChatResponse;
  choice: Choice;
  warnings: SharedV4Warning[];
  prompt: LanguageModelV4Prompt;
  tools: LanguageModelV4CallOptions['tools'];
  generateId: () => string;
  responseHeaders: Record<string, string> | undefined;
}): {
  content: LanguageModelV4Content[];
  finishReason: LanguageModelV4FinishReason;
  usage: LanguageModelV4Usage;
  providerMetadata: SharedV4ProviderMetadata;
} {
  const { response, choice, warnings } = options;
  const toolCallIds = new ToolCallIdAllocator(options.prompt, options.generateId);
  const message = choice.message ?? {};
  const content: LanguageModelV4Content[] = [];

  const reasoningDetails = (message.reasoning_details ?? []).filter(
    (detail): detail is NonNullable<typeof detail> => detail !== undefined,
  ) as JSONObject[];
  const detailsMetadata: SharedV4ProviderMetadata | undefined = Array.isArray(
    message.reasoning_details,
  )
    ? { openrouter: { reasoning_details: reasoningDetails } }
    : undefined;

  content.push(...mapReasoning(message.reasoning ?? undefined, reasoningDetails, detailsMetadata));
  const serverToolCalls = new ServerToolCallMapper(options.tools, toolCallIds);
  for (const detail of reasoningDetails) {
    if (detail.type === 'reasoning.server_tool_call')
      content.push(...(serverToolCalls.map(detail) ?? []));
  }

  const text = readMessageContent(message.content);
  new SkippedContentReporter(warnings).report(text.skipped);
  if (text.text) content.push({ type: 'text', text: text.text });

  let toolCallCount = 0;
  for (const toolCall of message.tool_calls ?? []) {
    const name = toolCall?.function.name;
    if (!toolCall || !name) {
      warnings.push({
        type: 'other',
        message: 'OpenRouter returned a tool call without a function name; it was skipped.',
      });
      continue;
    }
    toolCallCount++;
    const allocated = toolCallIds.allocate(toolCall.id);
    const providerMetadata = toolCallProviderMetadata(allocated, undefined);
    const args = toolCallArgumentsText(toolCall.function.arguments);
    if (args.unexpected) warnings.push(unexpectedArgumentsWarning(name, args.unexpected));
    content.push({
      type: 'tool-call',
      toolCallId: allocated.id,
      toolName: name,
      input: toolCallInput(args.text),
      ...(providerMetadata ? { providerMetadata } : {}),
    });
  }

  for (const image of message.images ?? []) {
    const file = image ? mapOpenRouterImage(image.image_url.url) : undefined;
    if (file) content.push(file);
  }

  const annotations = new AnnotationCollector(options.generateId);
  content.push(...annotations.add((message.annotations ?? []).filter(Boolean)));

  // With no reasoning part to carry them, the details ride on the first other part: even an
  // empty array must go back, since DeepSeek rejects the next turn without it
  // (https://github.com/OpenRouterTeam/ai-sdk-provider/pull/487).
  if (detailsMetadata && !content.some((part) => part.type === 'reasoning')) {
    const carrier = content.find((part) => part.type === 'text' || part.type === 'tool-call');
    if (carrier) carrier.providerMetadata = detailsMetadata;
  }

  const logprobs = choice.logprobs?.content;
  return {
    content,
    finishReason: {
      unified: mapOpenRouterFinishReason(choice.finish_reason, toolCallCount > 0),
      raw: choice.finish_reason ?? undefined,
    },
    usage: convertOpenRouterUsage(response.usage ?? undefined),
    providerMetadata: {
      openrouter: buildOpenRouterChatProviderMetadata({
        provider: response.provider ?? undefined,
        generationId: response.id ?? undefined,
        nativeFinishReason: choice.native_finish_reason ?? undefined,
        usage: response.usage ?? undefined,
        reasoningDetails,
        annotations: annotations.other,
        logprobs: logprobs ? (logprobs as JSONValue[]) : undefined,
        routerMetadata: response.openrouter_metadata,
        responseHeaders: options.responseHeaders,
      }),
    },
  };
}

/**
 * One reasoning part per text or summary detail (section boundaries survive); the last one
 * carries the complete details for the round trip. Encrypted-only reasoning yields an empty
 * reasoning part so its details are never lost.
 */
function mapReasoning(
  reasoning: string | undefined,
  details: JSONObject[],
  detailsMetadata: SharedV4ProviderMetadata | undefined,
): LanguageModelV4Content[] {
  const parts: LanguageModelV4Content[] = [];
  for (const detail of details) {
    const text = visibleReasoningText(detail);
    if (text !== undefined) parts.push({ type: 'reasoning', text });
  }
  if (parts.length === 0 && details.length === 0 && reasoning) {
    parts.push({ type: 'reasoning', text: reasoning });
  }
  if (parts.length === 0 && details.length > 0) parts.push({ type: 'reasoning', text: '' });
  const last = parts[parts.length - 1];
  if (last && detailsMetadata) last.providerMetadata = detailsMetadata;
  return parts;
}
