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
import {
  emptyTextWarning,
  getCacheControl,
  hasCacheControl,
  ignoredCacheControlWarning,
  limitCacheBreakpoints,
  setLastBlockCacheControl,
  setPartCacheControl,
} from './openrouter-cache-control';
import type {
  OpenRouterAssistantMessage,
  OpenRouterCacheControl,
  OpenRouterChatMessage,
  OpenRouterReasoningDetail,
  OpenRouterSystemMessage,
  OpenRouterTextContentPart,
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
 * URL schemes, invalid cache control, ...) throw an AI SDK error.
 *
 * Prompt caching (`openrouter-cache-control.ts` has the key precedence): breakpoints go on
 * content blocks, where Anthropic needs them -
 * - system: on its text part;
 * - user: part-level on that part's block (text, image_url, file - also for http(s) URLs -,
 *   input_audio, video_url); message-level on the last block (a single text part is then sent
 *   as a one-part array instead of a string);
 * - assistant: text as text blocks (split only after a part-level breakpoint, so without one it
 *   is one block, like the string form); message-level on the last block; on the message root
 *   only when there is no text;
 * - tool: every tool result is its own tool message; a result's breakpoint (output-level, else
 *   part-level) and the message-level one (on the last result) go on that tool message's last
 *   block, `content` items' own ones on their blocks; string content becomes a one-part array.
 * At most four breakpoints are kept per request (the last four), with one warning.
 */
export function convertToOpenRouterChatMessages(prompt: LanguageModelV4Prompt): {
  messages: OpenRouterChatMessage[];
  warnings: SharedV4Warning[];
} {
  const messages: OpenRouterChatMessage[] = [];
  const warnings: SharedV4Warning[] = [];
  const context: ConversionContext = {
    warnings,
    reasoningDetails: new ReasoningDetailsSanitizer(warnings),
    wireToolCallIds: collectWireToolCallIds(prompt),
  };
  prompt.forEach((message, index) => {
    messages.push(...convertMessage(message, `prompt[${index}]`, context));
  });
  limitCacheBreakpoints(messages, warnings);
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

/** `where` names the message in the prompt (`prompt[3]`), for errors and warnings. */
function convertMessage(
  message: LanguageModelV4Message,
  where: string,
  context: ConversionContext,
): OpenRouterChatMessage[] {
  const { warnings } = context;
  switch (message.role) {
    case 'system':
      return [convertSystemMessage(message, where, warnings)];
    case 'user':
      return [convertUserMessage(message, where, warnings)];
    case 'assistant':
      return [convertAssistantMessage(message, where, context)];
    case 'tool':
      return convertToolMessage(message, where, context);
    default: {
      const role = (message as { role?: unknown }).role;
      warnings.push(dropped(`message with role "${String(role)}"`));
      return [];
    }
  }
}

/** Always an array of one text part, so cache control can be attached to it. */
function convertSystemMessage(
  message: SystemMessage,
  where: string,
  warnings: SharedV4Warning[],
): OpenRouterSystemMessage {
  const part: OpenRouterTextContentPart = { type: 'text', text: message.content };
  setPartCacheControl(part, getCacheControl(message.providerOptions, where), where, warnings);
  return { role: 'system', content: [part] };
}

function convertUserMessage(
  message: UserMessage,
  where: string,
  warnings: SharedV4Warning[],
): OpenRouterUserMessage {
  const content: OpenRouterUserContentPart[] = [];
  message.content.forEach((part, index) => {
    const partWhere = `${where}.content[${index}]`;
    let block: OpenRouterUserContentPart;
    switch (part.type) {
      case 'text':
        block = { type: 'text', text: part.text };
        break;
      case 'file':
        block = convertFileToOpenRouterContentPart(part, warnings);
        break;
      default:
        warnings.push(dropped(`user part of type "${unknownType(part)}"`));
        return;
    }
    setPartCacheControl(
      block,
      getCacheControl(part.providerOptions, partWhere),
      partWhere,
      warnings,
    );
    content.push(block);
  });
  if (!setLastBlockCacheControl(content, getCacheControl(message.providerOptions, where))) {
    warnings.push(emptyTextWarning(where));
  }

  // A single text part without a breakpoint goes as a plain string; with one, it must be a
  // content block to carry `cache_control`.
  const [only, ...rest] = content;
  const [onlyPart, ...restParts] = message.content;
  if (
    onlyPart?.type === 'text' &&
    restParts.length === 0 &&
    only?.type === 'text' &&
    rest.length === 0 &&
    !hasCacheControl(content)
  ) {
    return { role: 'user', content: only.text };
  }
  return { role: 'user', content };
}

function convertAssistantMessage(
  message: AssistantMessage,
  where: string,
  context: ConversionContext,
): OpenRouterAssistantMessage {
  const { warnings } = context;
  const text = new AssistantTextBlocks();
  const toolCalls: OpenRouterToolCall[] = [];
  const images: NonNullable<OpenRouterAssistantMessage['images']> = [];

  message.content.forEach((part, index) => {
    const partWhere = `${where}.content[${index}]`;
    const cacheControl = getCacheControl(part.providerOptions, partWhere);
    if (part.type === 'text') {
      text.add(part.text, cacheControl, partWhere, warnings);
      return;
    }
    if (cacheControl !== undefined) {
      warnings.push(
        ignoredCacheControlWarning(
          partWhere,
          `OpenRouter assistant messages carry breakpoints only on their text (a ${part.type} part has no content block). Set it on the message instead.`,
        ),
      );
    }
    switch (part.type) {
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
  });

  const blocks = text.blocks();
  const messageCacheControl = getCacheControl(message.providerOptions, where);
  const result: OpenRouterAssistantMessage = {
    role: 'assistant',
    // null, not "": Bedrock Nova rejects an empty string on tool-call-only messages. Without
    // breakpoints there is at most one block, sent as the plain string it always was.
    content:
      blocks.length === 0
        ? null
        : messageCacheControl === undefined && !hasCacheControl(blocks)
          ? blocks.map((block) => block.text).join('')
          : blocks,
  };
  if (Array.isArray(result.content)) {
    setLastBlockCacheControl(result.content, messageCacheControl);
  } else if (messageCacheControl !== undefined) {
    // No text, so no content block to carry it: content stays null (an empty text block would
    // be rejected, with cache_control even more so), and the message root is where
    // @openrouter/ai-sdk-provider has always sent it and OpenRouter accepts it (§1.2), applying
    // it to the message's last upstream block (e.g. a tool_use).
    result.cache_control = messageCacheControl;
  }
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
 * Assistant text as text blocks: consecutive text parts are joined into one block (as in the
 * string form, so adding a breakpoint does not change how the text is split upstream) and a
 * part-level breakpoint ends its block, which carries it. Empty text is skipped.
 */
class AssistantTextBlocks {
  private readonly closed: OpenRouterTextContentPart[] = [];
  private open = '';

  add(
    text: string,
    cacheControl: OpenRouterCacheControl | undefined,
    where: string,
    warnings: SharedV4Warning[],
  ): void {
    if (text.length === 0) {
      if (cacheControl !== undefined) warnings.push(emptyTextWarning(where));
      return;
    }
    this.open += text;
    if (cacheControl === undefined) return;
    this.closed.push({ type: 'text', text: this.open, cache_control: cacheControl });
    this.open = '';
  }

  blocks(): OpenRouterTextContentPart[] {
    return this.open.length > 0
      ? [...this.closed, { type: 'text', text: this.open }]
      : [...this.closed];
  }
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
  where: string,
  context: ConversionContext,
): OpenRouterToolMessage[] {
  const { warnings } = context;
  const messages: OpenRouterToolMessage[] = [];
  message.content.forEach((part, index) => {
    switch (part.type) {
      case 'tool-result':
        messages.push(convertToolResult(part, `${where}.content[${index}]`, context));
        break;
      case 'tool-approval-response':
        // OpenRouter only runs client-side function tools; `ai` resolves approvals for those
        // itself (executing or denying the tool) before the next model call, so the response
        // is already reflected in the tool results and there is nothing to send.
        break;
      default:
        warnings.push(dropped(`tool message part of type "${unknownType(part)}"`));
    }
  });

  // Message-level: on the last block of the last tool message, unless that result set its own.
  const messageCacheControl = getCacheControl(message.providerOptions, where);
  const last = messages.at(-1);
  if (messageCacheControl !== undefined) {
    if (last === undefined) {
      warnings.push(ignoredCacheControlWarning(where, 'the message sends no tool result.'));
    } else if (!setToolMessageCacheControl(last, messageCacheControl)) {
      warnings.push(emptyTextWarning(where));
    }
  }
  return messages;
}

function convertToolResult(
  part: LanguageModelV4ToolResultPart,
  where: string,
  context: ConversionContext,
): OpenRouterToolMessage {
  const { warnings } = context;
  const message: OpenRouterToolMessage = {
    role: 'tool',
    tool_call_id: context.wireToolCallIds.get(part.toolCallId) ?? part.toolCallId,
    content: convertToolResultOutput(part.output, `${where}.output`, warnings),
  };
  // The output's own options (V4 allows them on every output type but `content`, whose items
  // have theirs) are the more specific level, so they win over the tool-result part's.
  const cacheControl =
    (part.output.type === 'content'
      ? undefined
      : getCacheControl(part.output.providerOptions, `${where}.output`)) ??
    getCacheControl(part.providerOptions, where);
  if (cacheControl !== undefined && !setToolMessageCacheControl(message, cacheControl)) {
    warnings.push(emptyTextWarning(where));
  }
  return message;
}

/**
 * Puts a breakpoint on the last block of a tool message, turning string content into a one-part
 * array to carry it. A block-level breakpoint already there wins. False if no block can carry it.
 */
function setToolMessageCacheControl(
  message: OpenRouterToolMessage,
  cacheControl: OpenRouterCacheControl,
): boolean {
  if (typeof message.content !== 'string') {
    return setLastBlockCacheControl(message.content, cacheControl);
  }
  const blocks: OpenRouterUserContentPart[] = [{ type: 'text', text: message.content }];
  if (!setLastBlockCacheControl(blocks, cacheControl)) return false;
  message.content = blocks;
  return true;
}

function convertToolResultOutput(
  output: LanguageModelV4ToolResultOutput,
  where: string,
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
      return convertToolResultContent(output.value, where, warnings);
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
  where: string,
  warnings: SharedV4Warning[],
): OpenRouterUserContentPart[] {
  const content: OpenRouterUserContentPart[] = [];
  items.forEach((item, index) => {
    const itemWhere = `${where}.value[${index}]`;
    let block: OpenRouterUserContentPart;
    switch (item.type) {
      case 'text':
        block = { type: 'text', text: item.text };
        break;
      case 'file':
        block = convertFileToOpenRouterContentPart(item, warnings);
        break;
      case 'custom':
        warnings.push({
          type: 'other',
          message:
            'Custom tool result content part is not supported by OpenRouter; sent as JSON text.',
        });
        block = { type: 'text', text: stableStringify(item) };
        break;
      default:
        warnings.push(dropped(`tool result content part of type "${unknownType(item)}"`));
        return;
    }
    setPartCacheControl(
      block,
      getCacheControl(item.providerOptions, itemWhere),
      itemWhere,
      warnings,
    );
    content.push(block);
  });
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
