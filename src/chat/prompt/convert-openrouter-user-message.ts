import type { LanguageModelV4Message, SharedV4Warning } from '@ai-sdk/provider';
import { convertFileToOpenRouterContentPart } from './convert-to-openrouter-content-part';
import {
  emptyTextWarning,
  getCacheControl,
  hasCacheControl,
  setLastBlockCacheControl,
  setPartCacheControl,
} from './openrouter-cache-control';
import type { OpenRouterUserContentPart, OpenRouterUserMessage } from './openrouter-chat-prompt';
import { dropped, unknownType } from './openrouter-conversion-warnings';

type UserMessage = Extract<LanguageModelV4Message, { role: 'user' }>;

/** Text and file parts as content blocks, or a plain string for a lone uncached text. */
export function convertUserMessage(
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
