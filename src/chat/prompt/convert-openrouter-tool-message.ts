import type {
  LanguageModelV4Message,
  LanguageModelV4ToolResultOutput,
  LanguageModelV4ToolResultPart,
  SharedV4Warning,
} from '@ai-sdk/provider';
import type { OpenRouterCacheControl } from '../../shared/openrouter-api';
import type { ConversionContext } from './conversion-context';
import { convertFileToOpenRouterContentPart } from './convert-to-openrouter-content-part';
import {
  emptyTextWarning,
  getCacheControl,
  ignoredCacheControlWarning,
  setLastBlockCacheControl,
  setPartCacheControl,
} from './openrouter-cache-control';
import type { OpenRouterToolMessage, OpenRouterUserContentPart } from './openrouter-chat-prompt';
import { dropped, unknownType } from './openrouter-conversion-warnings';

type ToolMessage = Extract<LanguageModelV4Message, { role: 'tool' }>;
type ToolResultContentItem = Extract<
  LanguageModelV4ToolResultOutput,
  { type: 'content' }
>['value'][number];

const DEFAULT_DENIAL_MESSAGE = 'Tool execution denied.';

/** One OpenRouter tool message per tool result, in order. */
export function convertToolMessage(
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
    tool_call_id: part.toolCallId,
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
      // As the tool produced it, key order included: the model reads it as text.
      return jsonText(output.value);
    case 'execution-denied':
      return output.reason ?? DEFAULT_DENIAL_MESSAGE;
    case 'content':
      return convertToolResultContent(output.value, where, warnings);
    default:
      warnings.push({
        type: 'other',
        message: `Tool result output of type "${unknownType(output)}" is not supported by the OpenRouter provider; sent as JSON.`,
      });
      return jsonText(output);
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
        block = { type: 'text', text: jsonText(item) };
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

/** JSON text of a value, in its own key order (`null` for what JSON cannot represent). */
function jsonText(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}
