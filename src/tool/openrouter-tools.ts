import { createProviderExecutedToolFactory } from '@ai-sdk/provider-utils';
import { z } from 'zod/v4';

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
  /** `auto` (default), `native`, `exa`, `firecrawl`, `parallel` or `perplexity`. */
  engine?: 'auto' | 'native' | 'exa' | 'firecrawl' | 'parallel' | 'perplexity';
  mode?: string;
  /** Results per search (default 5). */
  maxResults?: number;
  maxTotalResults?: number;
  /** Searches per request. */
  maxUses?: number;
  searchContextSize?: 'low' | 'medium' | 'high';
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

function serverTool<ARGS extends object>(name: string) {
  return createProviderExecutedToolFactory<Record<string, unknown>, unknown, ARGS>({
    id: `openrouter.${name}`,
    inputSchema: serverToolInput,
    outputSchema: serverToolOutput,
  });
}

export const openrouterTools = {
  /** `openrouter:web_search`: searches the web; results also arrive as `source` parts. */
  webSearch: serverTool<WebSearchArgs>('web_search'),
  /** `openrouter:web_fetch`: fetches a URL's content. */
  webFetch: serverTool<WebFetchArgs>('web_fetch'),
  /** `openrouter:datetime`: the current date and time. */
  datetime: serverTool<ServerToolArgs>('datetime'),
  imageGeneration: serverTool<ServerToolArgs>('image_generation'),
  files: serverTool<ServerToolArgs>('files'),
  bash: serverTool<ServerToolArgs>('bash'),
  advisor: serverTool<ServerToolArgs>('advisor'),
  subagent: serverTool<ServerToolArgs>('subagent'),
  fusion: serverTool<ServerToolArgs>('fusion'),
  searchModels: serverTool<ServerToolArgs>('experimental__search_models'),
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
