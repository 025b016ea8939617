import type {
  JSONObject,
  LanguageModelV4FilePart,
  LanguageModelV4Message,
  LanguageModelV4ToolCallPart,
  SharedV4ProviderOptions,
  SharedV4Warning,
} from '@ai-sdk/provider';
import { getTopLevelMediaType } from '@ai-sdk/provider-utils';
import type {
  OpenRouterCacheControl,
  OpenRouterReasoningDetail,
} from '../../shared/openrouter-api';
import { visibleReasoningText } from '../reasoning-details-accumulator';
import { collectReasoningDetails } from './collect-reasoning-details';
import type { ConversionContext } from './conversion-context';
import {
  convertFileToOpenRouterContentPart,
  getOpenRouterOptions,
} from './convert-to-openrouter-content-part';
import {
  emptyTextWarning,
  getCacheControl,
  hasCacheControl,
  ignoredCacheControlWarning,
  setLastBlockCacheControl,
} from './openrouter-cache-control';
import type {
  OpenRouterAssistantMessage,
  OpenRouterTextContentPart,
  OpenRouterToolCall,
} from './openrouter-chat-prompt';
import { dropped, unknownType } from './openrouter-conversion-warnings';

type AssistantMessage = Extract<LanguageModelV4Message, { role: 'assistant' }>;

/**
 * Text, client tool calls, generated images and the reasoning details to send back; everything
 * else is dropped with a warning.
 */
export function convertAssistantMessage(
  message: AssistantMessage,
  where: string,
  context: ConversionContext,
): OpenRouterAssistantMessage {
  const { warnings } = context;
  const text = new AssistantTextBlocks();
  const toolCalls: OpenRouterToolCall[] = [];
  const images: NonNullable<OpenRouterAssistantMessage['images']> = [];
  /** The upstream's own tool-call id -> the unique id this message's call has (and sends). */
  const renamedToolCallIds = new Map<string, string>();

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
          toolCalls.push(convertToolCall(part));
          noteRenamedToolCallId(part, renamedToolCallIds);
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
    // @openrouter/ai-sdk-provider has always sent it and OpenRouter accepts it, applying it to
    // the message's last upstream block (e.g. a tool_use).
    result.cache_control = messageCacheControl;
  }
  if (toolCalls.length > 0) result.tool_calls = toolCalls;
  if (images.length > 0) result.images = images;

  const found = collectReasoningDetails(message);
  const reasoningDetails =
    found === undefined
      ? undefined
      : context.reasoningDetails.sanitize(renameToolCallIds(found, renamedToolCallIds));
  if (reasoningDetails !== undefined) {
    result.reasoning_details = reasoningDetails;
    // Plain `reasoning` only mirrors the details actually sent: text without details cannot be
    // verified upstream, and the text of a dropped entry must not go back either.
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

function convertToolCall(part: LanguageModelV4ToolCallPart): OpenRouterToolCall {
  return {
    // The id the AI SDK has, unique across the conversation, on the wire too: a repeated id
    // would make the history ambiguous, and models that require unique ids reject it.
    id: part.toolCallId,
    type: 'function',
    function: {
      name: part.toolName,
      // The input as the AI SDK keeps it, in its own key order (never re-sorted): the same
      // stored input gives the same text on every turn, so prompt caches keep hitting.
      arguments: part.input === undefined ? '{}' : (JSON.stringify(part.input) ?? '{}'),
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
 * A call whose upstream id repeated an earlier one got a fresh id (the upstream's is kept in its
 * `providerMetadata.openrouter.toolCallId`); remember the pair so the message's reasoning details
 * can follow.
 */
function noteRenamedToolCallId(part: LanguageModelV4ToolCallPart, renamed: Map<string, string>) {
  const upstreamId = getOpenRouterOptions(part.providerOptions)?.toolCallId;
  if (
    typeof upstreamId === 'string' &&
    upstreamId !== part.toolCallId &&
    !renamed.has(upstreamId)
  ) {
    renamed.set(upstreamId, part.toolCallId);
  }
}

/**
 * Reasoning details that refer to a renamed call by its `id` (Gemini's thought signatures carry
 * the call's id) are renamed with it, so they stay paired with the call as it is sent. Everything
 * else of every entry is unchanged, key order included.
 */
function renameToolCallIds(
  details: OpenRouterReasoningDetail[],
  renamed: ReadonlyMap<string, string>,
): OpenRouterReasoningDetail[] {
  if (renamed.size === 0) return details;
  return details.map((detail) => {
    const id = detail?.id;
    const newId = typeof id === 'string' ? renamed.get(id) : undefined;
    return newId === undefined ? detail : { ...detail, id: newId };
  });
}
