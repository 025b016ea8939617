import type {
  LanguageModelV4CallOptions,
  LanguageModelV4ToolChoice,
  SharedV4Warning,
} from '@ai-sdk/provider';
import { snakeCaseKeys } from '../shared/snake-case-keys';

type OpenRouterFunctionTool = {
  type: 'function';
  function: { name: string; description?: string; parameters: unknown; strict?: boolean };
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
