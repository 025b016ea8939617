import type {
  LanguageModelV4Message,
  LanguageModelV4Prompt,
  SharedV4Warning,
} from '@ai-sdk/provider';
import type { ConversionContext } from './conversion-context';
import { convertAssistantMessage } from './convert-openrouter-assistant-message';
import { convertSystemMessage } from './convert-openrouter-system-message';
import { convertToolMessage } from './convert-openrouter-tool-message';
import { convertUserMessage } from './convert-openrouter-user-message';
import { limitCacheBreakpoints } from './openrouter-cache-control';
import type { OpenRouterChatMessage } from './openrouter-chat-prompt';
import { dropped } from './openrouter-conversion-warnings';
import { ReasoningDetailsSanitizer } from './sanitize-reasoning-details';

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
 * At most four breakpoints are kept per request (the last four, tool definitions counted
 * first), with one warning.
 */
export function convertToOpenRouterChatMessages(
  prompt: LanguageModelV4Prompt,
  options: {
    /** The request's wire tools: their breakpoints count towards the limit, and come first. */
    tools?: readonly object[];
  } = {},
): {
  messages: OpenRouterChatMessage[];
  warnings: SharedV4Warning[];
} {
  const messages: OpenRouterChatMessage[] = [];
  const warnings: SharedV4Warning[] = [];
  const context: ConversionContext = {
    warnings,
    reasoningDetails: new ReasoningDetailsSanitizer(warnings),
  };
  prompt.forEach((message, index) => {
    messages.push(...convertMessage(message, `prompt[${index}]`, context));
  });
  limitCacheBreakpoints(messages, warnings, undefined, options.tools);
  return { messages, warnings };
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
