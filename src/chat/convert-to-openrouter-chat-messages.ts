import type {
  JSONObject,
  LanguageModelV4FilePart,
  LanguageModelV4Message,
  LanguageModelV4Prompt,
  LanguageModelV4ToolCallPart,
  LanguageModelV4ToolResultOutput,
  LanguageModelV4ToolResultPart,
  SharedV4ProviderOptions,
  SharedV4Warning,
} from '@ai-sdk/provider';
import { getTopLevelMediaType } from '@ai-sdk/provider-utils';
import { stableStringify } from '../utils/stable-stringify';
import {
  convertFileToOpenRouterContentPart,
  getOpenRouterOptions,
} from './convert-to-openrouter-content-part';
import type {
  OpenRouterAssistantMessage,
  OpenRouterChatMessage,
  OpenRouterChatPrompt,
  OpenRouterReasoningDetail,
  OpenRouterSystemMessage,
  OpenRouterToolCall,
  OpenRouterToolMessage,
  OpenRouterUserContentPart,
  OpenRouterUserMessage,
} from './openrouter-chat-prompt';
import { visibleReasoningText } from './reasoning-details-accumulator';
import { ReasoningDetailsSanitizer } from './sanitize-reasoning-details';

type SystemMessage = Extract<LanguageModelV4Message, { role: 'system' }>;
type UserMessage = Extract<LanguageModelV4Message, { role: 'user' }>;
type AssistantMessage = Extract<LanguageModelV4Message, { role: 'assistant' }>;
type ToolMessage = Extract<LanguageModelV4Message, { role: 'tool' }>;
type ToolResultContentItem = Extract<
  LanguageModelV4ToolResultOutput,
  { type: 'content' }
>['value'][number];

const DEFAULT_DENIAL_MESSAGE = 'Tool execution denied.';

/**
 * Converts an AI SDK V4 prompt to OpenRouter chat messages. Pure: no I/O. Anything OpenRouter
 * cannot carry is dropped with a warning; inputs it cannot accept at all (audio URLs, unknown
 * URL schemes, ...) throw an AI SDK error.
 */
export function convertToOpenRouterChatMessages(prompt: LanguageModelV4Prompt): {
  messages: OpenRouterChatPrompt;
  warnings: SharedV4Warning[];
} {
  const messages: OpenRouterChatPrompt = [];
  const warnings: SharedV4Warning[] = [];
  const context: ConversionContext = {
    warnings,
    reasoningDetails: new ReasoningDetailsSanitizer(warnings),
    wireToolCallIds: collectWireToolCallIds(prompt),
  };
  for (const message of prompt) {
    messages.push(...convertMessage(message, context));
  }
  return { messages, warnings };
}

interface ConversionContext {
  warnings: SharedV4Warning[];
  reasoningDetails: ReasoningDetailsSanitizer;
  /** AI SDK tool-call id -> the upstream's own id, for ids replaced only to stay unique. */
  wireToolCallIds: Map<string, string>;
}

/**
 * Tool-call ids replaced only because an earlier turn used them go back as the upstream sent
 * them (recorded in the tool-call part's metadata), in the assistant message and in its tool
 * results alike: the wire history is then exactly what the upstream produced.
 */
function collectWireToolCallIds(prompt: LanguageModelV4Prompt): Map<string, string> {
  const wireIds = new Map<string, string>();
  for (const message of prompt) {
    if (message.role !== 'assistant') continue;
    for (const part of message.content) {
      const wireId =
        part.type === 'tool-call'
          ? getOpenRouterOptions(part.providerOptions)?.toolCallId
          : undefined;
      if (part.type === 'tool-call' && typeof wireId === 'string')
        wireIds.set(part.toolCallId, wireId);
    }
  }
  return wireIds;
}

function convertMessage(
  message: LanguageModelV4Message,
  context: ConversionContext,
): OpenRouterChatMessage[] {
  const { warnings } = context;
  switch (message.role) {
    case 'system':
      return [convertSystemMessage(message)];
    case 'user':
      return [convertUserMessage(message, warnings)];
    case 'assistant':
      return [convertAssistantMessage(message, context)];
    case 'tool':
      return convertToolMessage(message, context);
    default: {
      const role = (message as { role?: unknown }).role;
      warnings.push(dropped(`message with role "${String(role)}"`));
      return [];
    }
  }
}

/** Always an array of one text part, so cache control can be attached to it. */
function convertSystemMessage(message: SystemMessage): OpenRouterSystemMessage {
  return { role: 'system', content: [{ type: 'text', text: message.content }] };
}

function convertUserMessage(
  message: UserMessage,
  warnings: SharedV4Warning[],
): OpenRouterUserMessage {
  const [only, ...rest] = message.content;
  if (only?.type === 'text' && rest.length === 0) return { role: 'user', content: only.text };

  const content: OpenRouterUserContentPart[] = [];
  for (const part of message.content) {
    switch (part.type) {
      case 'text':
        content.push({ type: 'text', text: part.text });
        break;
      case 'file':
        content.push(convertFileToOpenRouterContentPart(part, warnings));
        break;
      default:
        warnings.push(dropped(`user part of type "${unknownType(part)}"`));
    }
  }
  return { role: 'user', content };
}

function convertAssistantMessage(
  message: AssistantMessage,
  context: ConversionContext,
): OpenRouterAssistantMessage {
  const { warnings } = context;
  const text: string[] = [];
  const toolCalls: OpenRouterToolCall[] = [];
  const images: NonNullable<OpenRouterAssistantMessage['images']> = [];

  for (const part of message.content) {
    switch (part.type) {
      case 'text':
        text.push(part.text);
        break;
      case 'reasoning':
        // Its text goes back through `reasoning_details` (below), which it mirrors.
        break;
      case 'tool-call':
        if (isServerToolCallPart(part)) break;
        if (part.providerExecuted) {
          warnings.push(dropped(`provider-executed tool call "${part.toolName}"`));
        } else {
          toolCalls.push(convertToolCall(part, context.wireToolCallIds));
        }
        break;
      case 'file': {
        const image = convertAssistantImage(part, warnings);
        if (image) images.push(image);
        else warnings.push(dropped(`assistant file part of media type "${part.mediaType}"`));
        break;
      }
      case 'tool-result':
        if (isServerToolCallPart(part)) break;
        warnings.push(dropped(`provider-executed tool result "${part.toolName}"`));
        break;
      case 'reasoning-file':
        warnings.push(dropped(`assistant reasoning-file part (${part.mediaType})`));
        break;
      case 'custom':
        warnings.push(dropped(`assistant custom part "${part.kind}"`));
        break;
      default:
        warnings.push(dropped(`assistant part of type "${unknownType(part)}"`));
    }
  }

  const joinedText = text.join('');
  const result: OpenRouterAssistantMessage = {
    role: 'assistant',
    // null, not "": Bedrock Nova rejects an empty string on tool-call-only messages.
    content: joinedText.length > 0 ? joinedText : null,
  };
  if (toolCalls.length > 0) result.tool_calls = toolCalls;
  if (images.length > 0) result.images = images;

  const found = findReasoningDetails(message);
  const reasoningDetails =
    found === undefined ? undefined : context.reasoningDetails.sanitize(found);
  if (reasoningDetails !== undefined) {
    result.reasoning_details = reasoningDetails;
    // Plain `reasoning` only mirrors the details actually sent (P16): text without details
    // cannot be verified upstream, and the text of a dropped entry must not go back either.
    const joinedReasoning = reasoningDetails
      .map((detail) => visibleReasoningText(detail as JSONObject) ?? '')
      .join('');
    if (joinedReasoning.length > 0) result.reasoning = joinedReasoning;
  }

  const annotations = getOpenRouterOptions(message.providerOptions)?.annotations;
  if (Array.isArray(annotations)) result.annotations = annotations;
  return result;
}

/**
 * OpenRouter server tool calls travel back inside `reasoning_details`; the provider-executed
 * parts the AI SDK keeps for them need not (and cannot) be sent as tool calls.
 */
function isServerToolCallPart(part: { providerOptions?: SharedV4ProviderOptions }): boolean {
  return getOpenRouterOptions(part.providerOptions)?.serverToolCall === true;
}

function convertToolCall(
  part: LanguageModelV4ToolCallPart,
  wireIds: Map<string, string>,
): OpenRouterToolCall {
  return {
    id: wireIds.get(part.toolCallId) ?? part.toolCallId,
    type: 'function',
    function: {
      name: part.toolName,
      // Key-sorted so identical calls serialise identically across turns (prompt caching).
      arguments: part.input === undefined ? '{}' : stableStringify(part.input),
    },
  };
}

/** Assistant messages can carry generated images only (`images`); other files are dropped. */
function convertAssistantImage(
  part: LanguageModelV4FilePart,
  warnings: SharedV4Warning[],
): { type: 'image_url'; image_url: { url: string } } | undefined {
  if (getTopLevelMediaType(part.mediaType.toLowerCase()) !== 'image') return undefined;
  // `images` takes URLs only: provider references and text documents have none.
  if (part.data.type !== 'data' && part.data.type !== 'url') return undefined;
  const converted = convertFileToOpenRouterContentPart(part, warnings);
  if (converted.type !== 'image_url') return undefined;
  return { type: 'image_url', image_url: { url: converted.image_url.url } };
}

/**
 * The message's `reasoning_details`, sent back unmodified. Message-level provider options win
 * (even `[]`, which DeepSeek requires back). Otherwise every part that round-trips carries a
 * snapshot of all details known when it was produced, so the last snapshot is the complete one.
 */
function findReasoningDetails(message: AssistantMessage): OpenRouterReasoningDetail[] | undefined {
  const messageLevel = reasoningDetailsOf(message.providerOptions);
  if (messageLevel !== undefined) return messageLevel;
  for (let index = message.content.length - 1; index >= 0; index--) {
    const partLevel = reasoningDetailsOf(message.content[index]?.providerOptions);
    if (partLevel !== undefined) return partLevel;
  }
  return undefined;
}

function reasoningDetailsOf(
  providerOptions: SharedV4ProviderOptions | undefined,
): OpenRouterReasoningDetail[] | undefined {
  const details = getOpenRouterOptions(providerOptions)?.reasoning_details;
  return Array.isArray(details) ? (details as OpenRouterReasoningDetail[]) : undefined;
}

function convertToolMessage(
  message: ToolMessage,
  context: ConversionContext,
): OpenRouterToolMessage[] {
  const { warnings } = context;
  const messages: OpenRouterToolMessage[] = [];
  for (const part of message.content) {
    switch (part.type) {
      case 'tool-result':
        messages.push(convertToolResult(part, context));
        break;
      case 'tool-approval-response':
        // OpenRouter only runs client-side function tools; `ai` resolves approvals for those
        // itself (executing or denying the tool) before the next model call, so the response
        // is already reflected in the tool results and there is nothing to send.
        break;
      default:
        warnings.push(dropped(`tool message part of type "${unknownType(part)}"`));
    }
  }
  return messages;
}

function convertToolResult(
  part: LanguageModelV4ToolResultPart,
  context: ConversionContext,
): OpenRouterToolMessage {
  return {
    role: 'tool',
    tool_call_id: context.wireToolCallIds.get(part.toolCallId) ?? part.toolCallId,
    content: convertToolResultOutput(part.output, context.warnings),
  };
}

function convertToolResultOutput(
  output: LanguageModelV4ToolResultOutput,
  warnings: SharedV4Warning[],
): OpenRouterToolMessage['content'] {
  switch (output.type) {
    case 'text':
    case 'error-text':
      return output.value;
    case 'json':
    case 'error-json':
      return stableStringify(output.value);
    case 'execution-denied':
      return output.reason ?? DEFAULT_DENIAL_MESSAGE;
    case 'content':
      return convertToolResultContent(output.value, warnings);
    default:
      warnings.push({
        type: 'other',
        message: `Tool result output of type "${unknownType(output)}" is not supported by the OpenRouter provider; sent as JSON.`,
      });
      return stableStringify(output);
  }
}

/** Rich tool results (e.g. images from `toModelOutput`) stay parts instead of JSON text. */
function convertToolResultContent(
  items: ToolResultContentItem[],
  warnings: SharedV4Warning[],
): OpenRouterUserContentPart[] {
  const content: OpenRouterUserContentPart[] = [];
  for (const item of items) {
    switch (item.type) {
      case 'text':
        content.push({ type: 'text', text: item.text });
        break;
      case 'file':
        content.push(convertFileToOpenRouterContentPart(item, warnings));
        break;
      case 'custom':
        warnings.push({
          type: 'other',
          message:
            'Custom tool result content part is not supported by OpenRouter; sent as JSON text.',
        });
        content.push({ type: 'text', text: stableStringify(item) });
        break;
      default:
        warnings.push(dropped(`tool result content part of type "${unknownType(item)}"`));
    }
  }
  return content;
}

function dropped(what: string): SharedV4Warning {
  return {
    type: 'other',
    message: `Dropped ${what}: OpenRouter chat messages cannot carry it.`,
  };
}

function unknownType(part: unknown): string {
  return String((part as { type?: unknown }).type);
}
