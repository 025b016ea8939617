import {
  InvalidArgumentError,
  type LanguageModelV4CallOptions,
  type LanguageModelV4FunctionTool,
  type LanguageModelV4ToolChoice,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import { checkOptionValue, describeValue, isPlainObject } from '../shared/check-option-value';
import type { OpenRouterCacheControl } from '../shared/openrouter-api';
import { snakeCaseKeys, toSnakeCase } from '../shared/snake-case-keys';
import { getCacheControl } from './prompt/openrouter-cache-control';

export type OpenRouterFunctionTool = {
  type: 'function';
  function: { name: string; description?: string; parameters: unknown; strict?: boolean };
  /** A prompt-cache breakpoint after this tool's definition (Anthropic caches tools first). */
  cache_control?: OpenRouterCacheControl;
  /** Anthropic's fine-grained tool streaming: arguments stream without buffering upstream. */
  eager_input_streaming?: boolean;
  /** Any other per-tool field OpenRouter documents later, sent as given (with a warning). */
  [field: string]: unknown;
};
/** OpenRouter server tools (`openrouter:web_search`, ...), executed by OpenRouter itself. */
type OpenRouterServerTool = { type: `openrouter:${string}`; parameters?: unknown };
type OpenRouterTool = OpenRouterFunctionTool | OpenRouterServerTool;

type OpenRouterToolChoice =
  | 'auto'
  | 'none'
  | 'required'
  | { type: 'function'; function: { name: string } }
  | { type: `openrouter:${string}` };

const OWN_TOOL_PREFIX = 'openrouter.';

/**
 * AI SDK tools and tool choice -> OpenRouter `tools` / `tool_choice`. Provider tools of other
 * providers (`anthropic.web_search_...`) cannot run here: they are reported, never rewritten.
 */
export function prepareOpenRouterTools(options: {
  tools: LanguageModelV4CallOptions['tools'];
  toolChoice: LanguageModelV4ToolChoice | undefined;
}): { tools?: OpenRouterTool[]; toolChoice?: OpenRouterToolChoice; warnings: SharedV4Warning[] } {
  // Per-tool options (`providerOptions.openrouter` of a function tool, either spelling):
  // `eager_input_streaming` and `cache_control` go on the wire tool, next to `function`.
  const warnings: SharedV4Warning[] = [];
  if (!options.tools || options.tools.length === 0) {
    // `ai` passes toolChoice {type:'auto'} on every call; only a real request needs a warning.
    if (options.toolChoice && options.toolChoice.type !== 'auto') {
      warnings.push({
        type: 'unsupported',
        feature: `toolChoice ${options.toolChoice.type}`,
        details: 'No tools were provided, so the tool choice was not sent.',
      });
    }
    return { warnings };
  }

  const tools: OpenRouterTool[] = [];
  for (const tool of options.tools) {
    if (tool.type === 'function') {
      if (tool.inputExamples && tool.inputExamples.length > 0) {
        warnings.push({
          type: 'unsupported',
          feature: 'tool inputExamples',
          details: `OpenRouter has no field for input examples; they were not sent for tool "${tool.name}".`,
        });
      }
      tools.push({
        type: 'function',
        function: {
          name: tool.name,
          ...(tool.description !== undefined ? { description: tool.description } : {}),
          parameters: tool.inputSchema,
          ...(tool.strict !== undefined ? { strict: tool.strict } : {}),
        },
        ...toolOptions(tool, warnings),
      });
    } else if (tool.id.startsWith(OWN_TOOL_PREFIX)) {
      // Documented shape: parameters nested under `parameters`, in snake_case
      // (https://openrouter.ai/docs/guides/features/server-tools/web-search).
      const parameters = snakeCaseKeys(tool.args);
      const hasParameters = Object.keys(parameters).length > 0;
      tools.push({
        type: serverToolType(tool.id),
        ...(hasParameters ? { parameters } : {}),
      });
    } else {
      warnings.push({ type: 'unsupported', feature: `provider-defined tool ${tool.id}` });
    }
  }

  // Only unsupported tools: send none rather than an empty list with a dangling tool choice.
  if (tools.length === 0) return { warnings };
  return { tools, toolChoice: mapToolChoice(options.toolChoice, options.tools), warnings };
}

/** Wire names of the per-tool fields this package knows (both spellings are accepted). */
const EAGER_INPUT_STREAMING = 'eager_input_streaming';
const CACHE_CONTROL = 'cache_control';
/** Fields of the wire tool the package sets itself. */
const RESERVED_TOOL_FIELDS: ReadonlySet<string> = new Set(['type', 'function']);

/**
 * The wire fields a function tool's `providerOptions.openrouter` asks for. A wrong type throws an
 * `InvalidArgumentError` naming the option (before anything is sent); an unknown key is sent as
 * written with a warning, like unknown request options, since OpenRouter adds fields often.
 */
function toolOptions(
  tool: LanguageModelV4FunctionTool,
  warnings: SharedV4Warning[],
): Partial<OpenRouterFunctionTool> {
  const where = `tools.${tool.name}`;
  const fields: Partial<OpenRouterFunctionTool> = {};
  // `openrouter.cacheControl`, `openrouter.cache_control` (or the `anthropic` ones), validated.
  const cacheControl = getCacheControl(tool.providerOptions, where);
  if (cacheControl !== undefined) fields.cache_control = cacheControl;

  const options = tool.providerOptions?.openrouter;
  if (options === undefined || options === null) return fields;
  const source = `${where}.providerOptions.openrouter`;
  if (!isPlainObject(options)) {
    throw new InvalidArgumentError({
      argument: source,
      message: `${source} must be an object of tool options (like { eager_input_streaming: true }), not ${describeValue(options)}.`,
    });
  }
  for (const key of Object.keys(options)) {
    const argument = `${source}.${key}`;
    const value = checkOptionValue(options[key], argument);
    if (value === undefined || value === null || key === '__proto__') continue;
    const wireKey = toSnakeCase(key);
    if (wireKey === CACHE_CONTROL) continue; // read above
    if (wireKey === EAGER_INPUT_STREAMING) {
      if (typeof value !== 'boolean') {
        throw new InvalidArgumentError({
          argument,
          message: `Invalid value for ${argument}: expected a boolean, got ${describeValue(value)}.`,
        });
      }
      fields.eager_input_streaming = value;
    } else if (RESERVED_TOOL_FIELDS.has(wireKey)) {
      warnings.push({
        type: 'other',
        message: `${argument} was ignored: the provider sets the tool's "${wireKey}" itself.`,
      });
    } else {
      fields[key] = value;
      warnings.push({
        type: 'other',
        message: `${argument} is not a known OpenRouter tool option; it was sent on the tool unchanged. Check the spelling if this was not intended.`,
      });
    }
  }
  return fields;
}

function serverToolType(id: string): `openrouter:${string}` {
  return `openrouter:${id.slice(OWN_TOOL_PREFIX.length)}`;
}

function mapToolChoice(
  toolChoice: LanguageModelV4ToolChoice | undefined,
  tools: NonNullable<LanguageModelV4CallOptions['tools']>,
): OpenRouterToolChoice | undefined {
  switch (toolChoice?.type) {
    case undefined:
      return undefined;
    case 'auto':
    case 'none':
    case 'required':
      return toolChoice.type;
    case 'tool': {
      // Forcing a server tool names it directly: OpenRouter's `ChatServerToolChoice`.
      const tool = tools.find((candidate) => candidate.name === toolChoice.toolName);
      if (tool?.type === 'provider' && tool.id.startsWith(OWN_TOOL_PREFIX)) {
        return { type: serverToolType(tool.id) };
      }
      return { type: 'function', function: { name: toolChoice.toolName } };
    }
    default:
      return undefined;
  }
}
