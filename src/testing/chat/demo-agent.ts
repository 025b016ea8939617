import type { EmulatorHandler } from '../server/responses.js';
import { type ChatScript, splitFragments } from './chat-fixtures.js';
import { scriptedChat } from './chat-handler.js';

interface JsonSchema {
  type?: unknown;
  properties?: unknown;
  items?: unknown;
  enum?: unknown;
  const?: unknown;
  anyOf?: unknown;
  oneOf?: unknown;
}

interface WireMessage {
  role?: unknown;
  content?: unknown;
  name?: unknown;
  tool_call_id?: unknown;
  tool_calls?: unknown;
}

interface WireRequest {
  messages?: unknown;
  tools?: unknown;
  tool_choice?: unknown;
  response_format?: unknown;
}

interface Context {
  userText: string;
  /** The latest tool result, parsed when it is JSON. */
  previous: unknown;
}

/**
 * Behaves like a small tool-using model: answers with tool calls while the conversation lacks
 * results for the tools it wants, then with a final streamed text that uses the tool results.
 * Works for both stream and non-stream requests.
 *
 * Each turn calls the next offered tool (in the order of `tools`) that has no result yet, with
 * arguments filled from its JSON schema: values of the previous tool result where a key or a
 * number fits, else a word (or number) from the last user message, else 21 for numbers. The first
 * turn carries reasoning. With a JSON-schema `response_format` and no tool left, the final text
 * is a JSON object filled the same way. Deterministic apart from generation ids.
 */
export function demoAgentHandler(): EmulatorHandler {
  return scriptedChat((request) => planTurn(request.json<WireRequest>() ?? {}));
}

function planTurn(body: WireRequest): ChatScript {
  const messages = (Array.isArray(body.messages) ? body.messages : []) as WireMessage[];
  const userText = textOf([...messages].reverse().find((m) => m.role === 'user')?.content);
  const results = toolResults(messages);
  const turn = messages.filter((m) => m.role === 'assistant').length + 1;
  const lastResult = [...results.values()].at(-1);
  const ctx: Context = {
    userText,
    previous: lastResult === undefined ? undefined : parse(lastResult),
  };

  const next = offeredTools(body).find((tool) => !results.has(tool.name));
  const reasoning =
    turn === 1
      ? `The user asked: "${userText}". ${next ? `I should call ${next.name} first.` : 'I can answer directly.'}`
      : undefined;

  if (next) {
    const args = fillValue('', next.parameters, ctx);
    return {
      reasoning,
      toolCalls: [{ id: `call_demo_${turn}_0`, name: next.name, arguments: JSON.stringify(args) }],
    };
  }

  const schema = jsonResponseSchema(body.response_format);
  let text: string;
  if (schema) text = JSON.stringify(fillValue('', schema, ctx));
  else if (results.size > 0) {
    const found = [...results].map(([name, result]) => `${name} returned ${result}`);
    text = `Here is what I found: ${found.join('; ')}.`;
  } else text = `You said: "${userText}". I am the OpenRouter emulator's demo agent.`;
  const words = text.split(/\s+/).length;
  return { reasoning, text: splitFragments(text, Math.max(1, Math.ceil(words / 3))) };
}

function offeredTools(body: WireRequest): Array<{ name: string; parameters: unknown }> {
  if (body.tool_choice === 'none' || !Array.isArray(body.tools)) return [];
  const tools: Array<{ name: string; parameters: unknown }> = [];
  for (const tool of body.tools as Array<{ type?: unknown; function?: unknown }>) {
    const fn = tool.function as { name?: unknown; parameters?: unknown } | undefined;
    if (tool.type === 'function' && typeof fn?.name === 'string') {
      tools.push({ name: fn.name, parameters: fn.parameters ?? { type: 'object' } });
    }
  }
  const forced = (body.tool_choice as { function?: { name?: unknown } } | null)?.function?.name;
  return typeof forced === 'string' ? tools.filter((t) => t.name === forced) : tools;
}

/** Tool name -> result text, for every tool call that has a `tool` message answering it. */
function toolResults(messages: WireMessage[]): Map<string, string> {
  const names = new Map<string, string>();
  const results = new Map<string, string>();
  for (const message of messages) {
    if (message.role === 'assistant' && Array.isArray(message.tool_calls)) {
      for (const call of message.tool_calls as Array<{
        id?: unknown;
        function?: { name?: unknown };
      }>) {
        if (typeof call.id === 'string' && typeof call.function?.name === 'string') {
          names.set(call.id, call.function.name);
        }
      }
    }
    if (message.role === 'tool') {
      const id = typeof message.tool_call_id === 'string' ? message.tool_call_id : '';
      const name = names.get(id) ?? (typeof message.name === 'string' ? message.name : id);
      results.delete(name); // keep insertion order = order of the latest results
      results.set(name, textOf(message.content));
    }
  }
  return results;
}

function jsonResponseSchema(format: unknown): unknown {
  const f = format as { type?: unknown; json_schema?: { schema?: unknown } } | undefined;
  if (f?.type === 'json_schema') return f.json_schema?.schema ?? { type: 'object' };
  return f?.type === 'json_object' ? { type: 'object' } : undefined;
}

/** Text of a string content or of the text parts of a content array. */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part: { type?: unknown; text?: unknown }) =>
      typeof part?.text === 'string' ? part.text : '',
    )
    .join('');
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function primaryType(schema: JsonSchema): string | undefined {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const type = types.find((t): t is string => typeof t === 'string' && t !== 'null');
  if (type) return type;
  return schema.properties ? 'object' : undefined;
}

function fillValue(name: string, raw: unknown, ctx: Context): unknown {
  const schema = (typeof raw === 'object' && raw !== null ? raw : {}) as JsonSchema;
  if (schema.const !== undefined) return schema.const;
  const variants = Array.isArray(schema.anyOf) ? schema.anyOf : schema.oneOf;
  if (Array.isArray(variants)) {
    const branch = variants.find((v: JsonSchema) => primaryType(v ?? {}) !== undefined);
    return fillValue(name, branch, ctx);
  }
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    const text = ctx.userText.toLowerCase();
    return (
      schema.enum.find((v) => typeof v === 'string' && text.includes(v.toLowerCase())) ??
      schema.enum[0]
    );
  }
  const type = primaryType(schema);
  const fromPrevious = valueByKey(ctx.previous, name);
  if (fromPrevious !== undefined && typeMatches(fromPrevious, type)) return fromPrevious;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const properties = (schema.properties ?? {}) as Record<string, unknown>;
      for (const [key, child] of Object.entries(properties)) out[key] = fillValue(key, child, ctx);
      return out;
    }
    case 'array':
      return schema.items ? [fillValue(name, schema.items, ctx)] : [];
    case 'number':
    case 'integer':
      return firstNumber(ctx.previous) ?? numberIn(ctx.userText) ?? 21;
    case 'boolean':
      return true;
    default:
      return subjectWord(ctx.userText);
  }
}

function valueByKey(source: unknown, name: string): unknown {
  if (!name || typeof source !== 'object' || source === null || Array.isArray(source))
    return undefined;
  const key = Object.keys(source).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : (source as Record<string, unknown>)[key];
}

function typeMatches(value: unknown, type: string | undefined): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'array') return Array.isArray(value);
  if (type === 'object')
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  return type === undefined || typeof value === type;
}

function firstNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const item of Object.values(value)) {
    const found = firstNumber(item);
    if (found !== undefined) return found;
  }
  return undefined;
}

function numberIn(text: string): number | undefined {
  const match = /-?\d+(?:\.\d+)?/.exec(text);
  return match ? Number(match[0]) : undefined;
}

/**
 * The word a tool most likely wants: the first capitalised word that does not start a sentence
 * (a proper noun: "Paris" in "What is the weather in Paris? Give me ..."), else the longest.
 */
function subjectWord(text: string): string {
  const proper = text.match(/(?<![.!?]\s*|^\s*)\b\p{Lu}[\p{L}\p{N}'-]*/gu) ?? [];
  if (proper.length > 0) return proper[0]!;
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? [];
  return words.reduce((best, w) => (w.length > best.length ? w : best), '') || 'demo';
}
