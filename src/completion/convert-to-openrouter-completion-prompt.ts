import {
  type LanguageModelV4Message,
  type LanguageModelV4Prompt,
  type SharedV4Warning,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';

const USER = 'user';
const ASSISTANT = 'assistant';

/**
 * The V4 prompt as the single text a completion model continues.
 *
 * - One user message of text alone (`generateText({ prompt: 'Once upon a time' })`) is sent as
 *   written: the model continues that text.
 * - Anything else becomes a transcript: system text first, then each turn as `user:\n…` or
 *   `assistant:\n…` separated by blank lines, ending with `assistant:\n` for the model to answer.
 *   `\nuser:` is then a stop sequence, so the model does not write the user's next turn. A
 *   trailing assistant message is a prefill: the model continues it, with no new header.
 *
 * A completion prompt is plain text. Reasoning and provider-specific (custom) parts of past
 * assistant turns are left out with a warning: the answers themselves stay. Files, tool calls
 * and tool results would change the meaning of the conversation if dropped, so they throw
 * `UnsupportedFunctionalityError`.
 */
export function convertToOpenRouterCompletionPrompt(
  prompt: LanguageModelV4Prompt,
  warnings: SharedV4Warning[],
): { prompt: string; stopSequences: string[] } {
  const only = prompt.length === 1 ? prompt[0] : undefined;
  if (only?.role === 'user' && only.content.every((part) => part.type === 'text')) {
    return { prompt: only.content.map((part) => part.text).join(''), stopSequences: [] };
  }

  const dropped = new Set<string>();
  let text = '';
  prompt.forEach((message, index) => {
    const last = index === prompt.length - 1;
    switch (message.role) {
      case 'system':
        text += `${message.content}\n\n`;
        break;
      case 'user':
        text += `${USER}:\n${userText(message)}\n\n`;
        break;
      case 'assistant': {
        const answer = assistantText(message, dropped);
        text += last ? `${ASSISTANT}:\n${answer}` : `${ASSISTANT}:\n${answer}\n\n`;
        break;
      }
      case 'tool':
        throw unsupported('tool messages');
    }
  });
  if (prompt.at(-1)?.role !== 'assistant') text += `${ASSISTANT}:\n`;

  for (const what of dropped) {
    warnings.push({
      type: 'other',
      message: `${what} in past assistant messages was not sent: a completion prompt is plain text.`,
    });
  }
  return { prompt: text, stopSequences: [`\n${USER}:`] };
}

function userText(message: Extract<LanguageModelV4Message, { role: 'user' }>): string {
  return message.content
    .map((part) => {
      if (part.type === 'text') return part.text;
      throw unsupported('file parts');
    })
    .join('');
}

function assistantText(
  message: Extract<LanguageModelV4Message, { role: 'assistant' }>,
  dropped: Set<string>,
): string {
  let text = '';
  for (const part of message.content) {
    switch (part.type) {
      case 'text':
        text += part.text;
        break;
      case 'reasoning':
      case 'reasoning-file':
        dropped.add('Reasoning');
        break;
      case 'custom':
        dropped.add(`A custom part "${part.kind}"`);
        break;
      case 'file':
        throw unsupported('file parts');
      case 'tool-call':
      case 'tool-result':
        throw unsupported('tool calls and tool results');
    }
  }
  return text;
}

function unsupported(what: string): UnsupportedFunctionalityError {
  return new UnsupportedFunctionalityError({
    functionality: `${what} in a completion prompt`,
    message: `The OpenRouter completion model takes a text prompt only: ${what} cannot be sent. Use openrouter.chat(...) for them.`,
  });
}
