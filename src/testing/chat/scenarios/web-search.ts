/** Server-tool web search: `url_citation` annotations and `server_tool_use_details` usage. */
import { scenarioUsage, textDeltas } from './scenario-support.js';
import type {
  ReasoningScenario,
  ScenarioDelta,
  ScenarioReasoningDetail,
  ScenarioStep,
} from './scenario-types.js';

/** The URLs the web-search answer cites. */
export const WEB_SEARCH_URLS = {
  forecast: 'https://weather.example.com/paris/forecast',
  news: 'https://news.example.org/2026/paris-heatwave',
} as const;

/**
 * A web-search answer: `url_citation` annotations citing the same URL twice (different ranges)
 * plus another URL, and usage with `server_tool_use_details: {web_search_requests: 1}`. Streamed,
 * the annotations arrive in a delta after the text and are repeated in a later delta (OpenRouter
 * may repeat annotations in later chunks, so a client dedupes them by URL).
 * `serverToolCall` adds a `reasoning.server_tool_call` detail, in the shape OpenRouter's API
 * specification gives it (`tool_name`, `arguments`, `result`, `tool_call_id`, `index`; not yet
 * seen in a real response).
 */
export function webSearchScenario(
  options: { serverToolCall?: boolean; model?: string } = {},
): ReasoningScenario {
  const model = options.model ?? 'openai/gpt-4o';
  const provider = 'OpenAI';
  const text =
    'Paris is 18°C and sunny today [1]. A warm spell is expected later this week [2], with highs near 27°C [1].';
  const citation = (
    url: string,
    title: string,
    content: string,
    start: number,
    end: number,
  ): unknown => ({
    type: 'url_citation',
    url_citation: { url, title, content, start_index: start, end_index: end },
  });
  const annotations = [
    citation(WEB_SEARCH_URLS.forecast, 'Paris weather forecast', 'Today: 18°C, sunny.', 0, 33),
    citation(
      WEB_SEARCH_URLS.news,
      'Heatwave expected in Paris',
      'Temperatures are set to rise later this week.',
      34,
      75,
    ),
    citation(WEB_SEARCH_URLS.forecast, 'Paris weather forecast', 'Friday: high 27°C.', 77, 104),
  ];
  const details: ScenarioReasoningDetail[] | undefined = options.serverToolCall
    ? [
        {
          type: 'reasoning.server_tool_call',
          tool_name: 'web_search',
          arguments: '{"query":"Paris weather today"}',
          result: JSON.stringify([
            { url: WEB_SEARCH_URLS.forecast, title: 'Paris weather forecast' },
            { url: WEB_SEARCH_URLS.news, title: 'Heatwave expected in Paris' },
          ]),
          tool_call_id: 'ws_68a1f0c2d3e4b5a6',
          index: 0,
        },
      ]
    : undefined;
  const step: ScenarioStep = {
    label: 'web search',
    model,
    provider,
    deltas: [
      ...(details ? [{ kind: 'reasoning', reasoning: null, details } satisfies ScenarioDelta] : []),
      ...textDeltas(text),
      { kind: 'annotations', annotations: annotations.slice(0, 2) },
      { kind: 'annotations', annotations },
    ],
    content: text,
    reasoning: null,
    reasoningDetails: details,
    toolCalls: [],
    annotations,
    finishReason: 'stop',
    nativeFinishReason: 'stop',
    usage: scenarioUsage(1840, 64, 0, { server_tool_use_details: { web_search_requests: 1 } }),
    visibleReasoning: [],
    hiddenData: [],
  };
  return {
    family: options.serverToolCall ? 'web search (server tool call)' : 'web search',
    model,
    provider,
    steps: [step],
  };
}
