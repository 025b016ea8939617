import type { LanguageModelV4FinishReason } from '@ai-sdk/provider';

/**
 * Maps OpenRouter's normalised `finish_reason` to the AI SDK's unified reason, in one rule:
 * `length`, `content_filter` and `error` say the generation was cut and win; otherwise the
 * presence of client tool calls decides. Several upstreams answer `stop`, `null` or an unknown
 * value together with tool calls, which would otherwise end an agent loop early. Every endpoint
 * with a `finish_reason` uses it (chat, legacy completions); one without tool calls passes `false`.
 */
export function mapOpenRouterFinishReason(
  finishReason: string | null | undefined,
  hasToolCalls: boolean,
): LanguageModelV4FinishReason['unified'] {
  switch (finishReason) {
    case 'length':
      return 'length';
    case 'content_filter':
      return 'content-filter';
    case 'error':
      return 'error';
  }
  if (hasToolCalls) return 'tool-calls';
  switch (finishReason) {
    case 'stop':
      return 'stop';
    case 'tool_calls':
    case 'function_call':
      return 'tool-calls';
    default:
      return 'other';
  }
}
