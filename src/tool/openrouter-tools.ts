import { InvalidArgumentError } from '@ai-sdk/provider';
import { createProviderExecutedToolFactory } from '@ai-sdk/provider-utils';
import { z } from 'zod/v4';
import { checkOptionValue, describeValue, isPlainObject } from '../shared/check-option-value';
import { openString } from '../shared/open-string';
import { snakeCaseKeys, toSnakeCase } from '../shared/snake-case-keys';

/**
 * OpenRouter server tools (openrouter.ai/docs/guides/features/server-tools): executed by
 * OpenRouter during the request, sent as `{ type: 'openrouter:<name>', parameters }`. Arguments
 * may be written in camelCase or in the wire's snake_case; they reach the wire in snake_case.
 * Their calls and results come back as provider-executed tool parts.
 */

/** What the model passes to a server tool and what it returns are OpenRouter's business. */
const serverToolInput = z.record(z.string(), z.unknown());
const serverToolOutput = z.unknown();

type UserLocation = {
  type?: 'approximate';
  city?: string;
  region?: string;
  country?: string;
  timezone?: string;
};

export interface WebSearchArgs {
  /** `auto` (default), `native`, `exa`, `firecrawl`, `parallel`, `perplexity`, or a newer one. */
  engine?: 'auto' | 'native' | 'exa' | 'firecrawl' | 'parallel' | 'perplexity' | (string & {});
  mode?: string;
  /** Results per search (default 5). */
  maxResults?: number;
  /** Text put before the results in the prompt (`search_prompt`). */
  searchPrompt?: string;
  maxTotalResults?: number;
  /** Searches per request. */
  maxUses?: number;
  searchContextSize?: 'low' | 'medium' | 'high' | (string & {});
  maxCharacters?: number;
  userLocation?: UserLocation;
  allowedDomains?: string[];
  excludedDomains?: string[];
}

export interface WebFetchArgs {
  allowedDomains?: string[];
  blockedDomains?: string[];
  maxContentTokens?: number;
  maxUses?: number;
}

/** Server tools without documented parameters take any OpenRouter-defined fields. */
export type ServerToolArgs = Record<string, unknown>;

const positiveInt = z.number().int().positive();
const domains = z.array(z.string());

/**
 * The documented parameters of the server tools that have them, in wire spelling. Unknown
 * parameters pass through (OpenRouter adds them often); a documented one must be valid.
 */
const argsSchemas: Record<string, z.ZodType> = {
  web_search: z
    .object({
      engine: openString(['auto', 'native', 'exa', 'firecrawl', 'parallel', 'perplexity']),
      mode: z.string(),
      max_results: positiveInt,
      search_prompt: z.string(),
      max_total_results: positiveInt,
      max_uses: positiveInt,
      search_context_size: openString(['low', 'medium', 'high']),
      max_characters: positiveInt,
      user_location: z
        .object({
          type: z.literal('approximate'),
          city: z.string(),
          region: z.string(),
          country: z.string(),
          timezone: z.string(),
        })
        .partial()
        .passthrough(),
      allowed_domains: domains,
      excluded_domains: domains,
    })
    .partial()
    .passthrough(),
  web_fetch: z
    .object({
      allowed_domains: domains,
      blocked_domains: domains,
      max_content_tokens: positiveInt,
      max_uses: positiveInt,
    })
    .partial()
    .passthrough(),
};

type ToolCallbacks = 'onInputStart' | 'onInputDelta' | 'onInputAvailable';

/**
 * A server tool's factory. Its arguments are checked when the tool is created, so a mistake
 * (`maxResults: 'many'`) fails there with an `InvalidArgumentError` naming the argument instead
 * of being sent: they must be an object (or absent), JSON must be able to carry them, and the
 * documented ones must be valid.
 */
function serverTool<ARGS extends object>(name: string, factoryName: string) {
  const factory = createProviderExecutedToolFactory<Record<string, unknown>, unknown, ARGS>({
    id: `openrouter.${name}`,
    inputSchema: serverToolInput,
    outputSchema: serverToolOutput,
  });
  const argument = `openrouter.tools.${factoryName}`;
  return (options: Parameters<typeof factory>[0] = {} as Parameters<typeof factory>[0]) => {
    if (!isPlainObject(options)) {
      throw new InvalidArgumentError({
        argument,
        message: `The arguments of ${argument}() must be an object, not ${describeValue(options)}.`,
      });
    }
    const { onInputStart, onInputDelta, onInputAvailable, ...args } = options as Record<
      ToolCallbacks,
      unknown
    >;
    checkOptionValue(args, argument);
    const schema = argsSchemas[name];
    const result = schema?.safeParse(snakeCaseKeys(args));
    if (result && !result.success) {
      const issue = result.error.issues[0];
      const [wireKey, ...rest] = issue?.path.map(String) ?? [];
      const key = Object.keys(args).find((candidate) => toSnakeCase(candidate) === wireKey);
      const path = [key ?? wireKey, ...rest].filter(Boolean).join('.');
      throw new InvalidArgumentError({
        argument: `${argument}.${path}`,
        message: `Invalid value for ${argument}({ ${path} }): ${issue?.message ?? 'invalid'}`,
        cause: result.error,
      });
    }
    return factory(options);
  };
}

export const openrouterTools = {
  /** `openrouter:web_search`: searches the web; results also arrive as `source` parts. */
  webSearch: serverTool<WebSearchArgs>('web_search', 'webSearch'),
  /** `openrouter:web_fetch`: fetches a URL's content. */
  webFetch: serverTool<WebFetchArgs>('web_fetch', 'webFetch'),
  /** `openrouter:datetime`: the current date and time. */
  datetime: serverTool<ServerToolArgs>('datetime', 'datetime'),
  imageGeneration: serverTool<ServerToolArgs>('image_generation', 'imageGeneration'),
  files: serverTool<ServerToolArgs>('files', 'files'),
  bash: serverTool<ServerToolArgs>('bash', 'bash'),
  advisor: serverTool<ServerToolArgs>('advisor', 'advisor'),
  subagent: serverTool<ServerToolArgs>('subagent', 'subagent'),
  fusion: serverTool<ServerToolArgs>('fusion', 'fusion'),
  searchModels: serverTool<ServerToolArgs>('experimental__search_models', 'searchModels'),
};

/** Provider tool ids and their wire names (`openrouter.web_search` -> `web_search`). */
export function serverToolNames(
  tools: ReadonlyArray<{ type: string; id?: string }> | undefined,
): Record<`openrouter.${string}`, string> {
  const names: Record<`openrouter.${string}`, string> = {};
  for (const tool of tools ?? []) {
    if (tool.type === 'provider' && tool.id?.startsWith('openrouter.')) {
      names[tool.id as `openrouter.${string}`] = tool.id.slice('openrouter.'.length);
    }
  }
  return names;
}
