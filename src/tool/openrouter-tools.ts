import { InvalidArgumentError } from '@ai-sdk/provider';
import type {
  FlexibleSchema,
  ProviderExecutedTool,
  ProviderExecutedToolFactory,
} from '@ai-sdk/provider-utils';
import { checkOptionValue, describeValue, isPlainObject } from '../shared/check-option-value';
import { snakeCaseKeys, toSnakeCase } from '../shared/snake-case-keys';

/**
 * OpenRouter server tools (openrouter.ai/docs/guides/features/server-tools): executed by
 * OpenRouter during the request, sent as `{ type: 'openrouter:<name>', parameters }`. Arguments
 * may be written in camelCase or in the wire's snake_case; they reach the wire in snake_case.
 * Their calls and results come back as provider-executed tool parts.
 *
 * Tools are created synchronously by the app, usually as it starts, so this module checks their
 * arguments by hand and describes their input and output as plain Standard Schema objects
 * (standardschema.dev, with their JSON Schema): a zod schema here would load zod with the main
 * entry, which is most of a cold start.
 */

/**
 * What the model passes to a server tool (an object) and what it returns (anything) are
 * OpenRouter's business: a Standard Schema that checks no more than that, with its JSON Schema.
 */
function plainSchema<T>(
  /** A new object every time: the AI SDK edits the JSON Schema it is given. */
  jsonSchema: () => Record<string, unknown>,
  check: (value: unknown) => string | undefined,
) {
  const schema = {
    '~standard': {
      version: 1 as const,
      vendor: 'ai-sdk-openrouter',
      validate: (value: unknown) => {
        const message = check(value);
        return message === undefined ? { value: value as T } : { issues: [{ message }] };
      },
      jsonSchema: { input: jsonSchema, output: jsonSchema },
    },
  };
  return schema satisfies FlexibleSchema<T>;
}

const serverToolInput = plainSchema<Record<string, unknown>>(
  () => ({ type: 'object', additionalProperties: {} }),
  (value) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? undefined
      : `Invalid input: expected an object, received ${describeValue(value)}`,
);
const serverToolOutput = plainSchema<unknown>(
  () => ({}),
  () => undefined,
);

type UserLocation = {
  type?: 'approximate';
  city?: string;
  region?: string;
  country?: string;
  timezone?: string;
};

/** The arguments of `openrouter.tools.webSearch()`, in camelCase (sent in snake_case). */
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

/** The arguments of `openrouter.tools.webFetch()`, in camelCase (sent in snake_case). */
export interface WebFetchArgs {
  allowedDomains?: string[];
  blockedDomains?: string[];
  maxContentTokens?: number;
  maxUses?: number;
}

/** Server tools without documented parameters take any OpenRouter-defined fields. */
export type ServerToolArgs = Record<string, unknown>;

/** A problem with one argument: where (wire spelling, then nested keys or indexes) and what. */
interface ArgumentProblem {
  path: Array<string | number>;
  message: string;
}
type Check = (value: unknown) => ArgumentProblem | undefined;

const problem = (message: string, path: Array<string | number> = []): ArgumentProblem => ({
  path,
  message,
});

const positiveInt: Check = (value) =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0
    ? undefined
    : problem(`expected a positive whole number, got ${describeValue(value)}`);

const string: Check = (value) =>
  typeof value === 'string' ? undefined : problem(`expected a string, got ${describeValue(value)}`);

const oneOf =
  (...options: string[]): Check =>
  (value) =>
    typeof value === 'string' && options.includes(value)
      ? undefined
      : problem(`expected one of ${options.join(', ')}, got ${describeValue(value)}`);

const domains: Check = (value) => {
  if (!Array.isArray(value)) {
    return problem(`expected an array of strings, got ${describeValue(value)}`);
  }
  const index = value.findIndex((item) => typeof item !== 'string');
  return index < 0
    ? undefined
    : problem(`expected a string, got ${describeValue(value[index])}`, [index]);
};

/**
 * An object whose listed keys, where present (and not undefined), pass their checks; other keys
 * pass through (OpenRouter adds parameters often).
 */
const partialObject =
  (fields: Record<string, Check>): Check =>
  (value) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return problem(`expected an object, got ${describeValue(value)}`);
    }
    for (const [key, check] of Object.entries(fields)) {
      const field = (value as Record<string, unknown>)[key];
      const found = field === undefined ? undefined : check(field);
      if (found) return problem(found.message, [key, ...found.path]);
    }
    return undefined;
  };

/**
 * The documented parameters of the server tools that have them, in wire spelling. Unknown
 * parameters pass through (OpenRouter adds them often); a documented one must be valid.
 */
const argsChecks: Record<string, Check> = {
  web_search: partialObject({
    // Open values: OpenRouter adds engines and sizes faster than any list here.
    engine: string,
    mode: string,
    max_results: positiveInt,
    search_prompt: string,
    max_total_results: positiveInt,
    max_uses: positiveInt,
    search_context_size: string,
    max_characters: positiveInt,
    user_location: partialObject({
      type: oneOf('approximate'),
      city: string,
      region: string,
      country: string,
      timezone: string,
    }),
    allowed_domains: domains,
    excluded_domains: domains,
  }),
  web_fetch: partialObject({
    allowed_domains: domains,
    blocked_domains: domains,
    max_content_tokens: positiveInt,
    max_uses: positiveInt,
  }),
};

type ToolCallbacks = 'onInputStart' | 'onInputDelta' | 'onInputAvailable';

/**
 * A server tool's factory. Its arguments are checked when the tool is created, so a mistake
 * (`maxResults: 'many'`) fails there with an `InvalidArgumentError` naming the argument instead
 * of being sent: they must be an object (or absent), JSON must be able to carry them, and the
 * documented ones must be valid.
 */
function serverTool<ARGS extends object>(name: string, factoryName: string) {
  const id = `openrouter.${name}` as const;
  const argument = `openrouter.tools.${factoryName}`;
  type Factory = ProviderExecutedToolFactory<Record<string, unknown>, unknown, ARGS>;
  return (options: Parameters<Factory>[0] = {} as Parameters<Factory>[0]): ReturnType<Factory> => {
    if (!isPlainObject(options)) {
      throw new InvalidArgumentError({
        argument,
        message: `The arguments of ${argument}() must be an object, not ${describeValue(options)}.`,
      });
    }
    const { onInputStart, onInputDelta, onInputAvailable, ...args } = options as Record<
      ToolCallbacks,
      never
    > &
      Record<string, unknown>;
    checkOptionValue(args, argument);
    const found = argsChecks[name]?.(snakeCaseKeys(args));
    if (found) {
      const [wireKey, ...rest] = found.path.map(String);
      const key = Object.keys(args).find((candidate) => toSnakeCase(candidate) === wireKey);
      const path = [key ?? wireKey, ...rest].filter(Boolean).join('.');
      throw new InvalidArgumentError({
        argument: `${argument}.${path}`,
        message: `Invalid value for ${argument}({ ${path} }): ${found.message}`,
      });
    }
    const tool: ProviderExecutedTool<Record<string, unknown>, unknown> = {
      type: 'provider',
      isProviderExecuted: true,
      id,
      args,
      inputSchema: serverToolInput,
      outputSchema: serverToolOutput,
      onInputStart,
      onInputDelta,
      onInputAvailable,
      supportsDeferredResults: undefined,
    };
    return tool;
  };
}

/**
 * Factories of OpenRouter's server tools (run by OpenRouter during the request), also on the
 * provider as `openrouter.tools`: `webSearch`, `webFetch`, `datetime`, ...
 */
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
