/**
 * A tool call's `arguments` as the JSON text the AI SDK expects. OpenAI's format sends a string;
 * some upstreams send the object itself, which is serialised, never replaced by `{}` (the tool
 * would then run with empty input). Absent or `null` arguments are a call without input.
 * Anything else (a number, an array, `true`) is serialised too, so that the AI SDK reports the
 * invalid input instead of running the tool with made-up input, and `unexpected` names what
 * arrived so the caller can warn.
 */
export function toolCallArgumentsText(value: unknown): {
  text: string | undefined;
  unexpected?: string;
} {
  if (typeof value === 'string') return { text: value };
  if (value === undefined || value === null) return { text: undefined };
  // Parsed from JSON, so it serialises back.
  const text = JSON.stringify(value);
  if (typeof value === 'object' && !Array.isArray(value)) return { text };
  return { text, unexpected: Array.isArray(value) ? 'an array' : `a ${typeof value}` };
}

/** What a tool call without any argument text gets: the AI SDK expects JSON. */
export function toolCallInput(text: string | undefined): string {
  return text !== undefined && text.trim().length > 0 ? text : '{}';
}

/** The warning for arguments that were neither a string nor an object. */
export function unexpectedArgumentsWarning(toolName: string | undefined, unexpected: string) {
  return {
    type: 'other' as const,
    message: `OpenRouter sent the arguments of a tool call${toolName ? ` to "${toolName}"` : ''} as ${unexpected}, not as a JSON object or string; they were passed on as JSON text, so the tool input will likely fail validation.`,
  };
}
