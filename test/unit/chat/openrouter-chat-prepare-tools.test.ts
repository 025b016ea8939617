import type {
  LanguageModelV4FunctionTool,
  LanguageModelV4ProviderTool,
  LanguageModelV4ToolChoice,
} from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { prepareOpenRouterTools } from '../../../src/chat/openrouter-chat-prepare-tools';

const weather: LanguageModelV4FunctionTool = {
  type: 'function',
  name: 'getWeather',
  description: 'Current weather in a city',
  inputSchema: {
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
    additionalProperties: false,
  },
};

const webSearch: LanguageModelV4ProviderTool = {
  type: 'provider',
  id: 'openrouter.web_search',
  name: 'web_search',
  args: {
    maxResults: 3,
    allowedDomains: ['example.com'],
    userLocation: { type: 'approximate', country: 'FR' },
  },
};

const anthropicSearch: LanguageModelV4ProviderTool = {
  type: 'provider',
  id: 'anthropic.web_search_20250305',
  name: 'web_search',
  args: { maxUses: 2 },
};

describe('prepareOpenRouterTools', () => {
  it('maps function tools and OpenRouter server tools to the documented wire shapes', () => {
    expect(
      prepareOpenRouterTools({
        tools: [
          { ...weather, strict: true },
          webSearch,
          { type: 'provider', id: 'openrouter.datetime', name: 'datetime', args: {} },
        ],
        toolChoice: { type: 'auto' },
      }),
    ).toMatchInlineSnapshot(`
      {
        "toolChoice": "auto",
        "tools": [
          {
            "function": {
              "description": "Current weather in a city",
              "name": "getWeather",
              "parameters": {
                "additionalProperties": false,
                "properties": {
                  "city": {
                    "type": "string",
                  },
                },
                "required": [
                  "city",
                ],
                "type": "object",
              },
              "strict": true,
            },
            "type": "function",
          },
          {
            "parameters": {
              "allowed_domains": [
                "example.com",
              ],
              "max_results": 3,
              "user_location": {
                "country": "FR",
                "type": "approximate",
              },
            },
            "type": "openrouter:web_search",
          },
          {
            "type": "openrouter:datetime",
          },
        ],
        "warnings": [],
      }
    `);
  });

  it('leaves out description and strict when the tool has none', () => {
    const { tools } = prepareOpenRouterTools({
      tools: [{ type: 'function', name: 'ping', inputSchema: { type: 'object' } }],
      toolChoice: undefined,
    });
    expect(tools).toEqual([
      { type: 'function', function: { name: 'ping', parameters: { type: 'object' } } },
    ]);
  });

  it('warns about input examples, which OpenRouter has no field for, and sends the tool', () => {
    const { tools, warnings } = prepareOpenRouterTools({
      tools: [{ ...weather, inputExamples: [{ input: { city: 'Paris' } }] }],
      toolChoice: undefined,
    });
    expect(tools).toHaveLength(1);
    expect(JSON.stringify(tools)).not.toContain('Paris');
    expect(warnings).toEqual([
      {
        type: 'unsupported',
        feature: 'tool inputExamples',
        details:
          'OpenRouter has no field for input examples; they were not sent for tool "getWeather".',
      },
    ]);
  });

  it("reports other providers' tools instead of rewriting them", () => {
    const { tools, toolChoice, warnings } = prepareOpenRouterTools({
      tools: [weather, anthropicSearch],
      toolChoice: { type: 'required' },
    });
    expect(tools?.map((tool) => tool.type)).toEqual(['function']);
    expect(toolChoice).toBe('required');
    expect(warnings).toEqual([
      { type: 'unsupported', feature: 'provider-defined tool anthropic.web_search_20250305' },
    ]);
  });

  it('sends neither tools nor a tool choice when no tool can be sent', () => {
    expect(
      prepareOpenRouterTools({ tools: [anthropicSearch], toolChoice: { type: 'required' } }),
    ).toEqual({
      warnings: [
        { type: 'unsupported', feature: 'provider-defined tool anthropic.web_search_20250305' },
      ],
    });
  });

  it.each<[LanguageModelV4ToolChoice | undefined, unknown]>([
    [undefined, undefined],
    [{ type: 'auto' }, 'auto'],
    [{ type: 'none' }, 'none'],
    [{ type: 'required' }, 'required'],
    [
      { type: 'tool', toolName: 'getWeather' },
      { type: 'function', function: { name: 'getWeather' } },
    ],
    [{ type: 'tool', toolName: 'web_search' }, { type: 'openrouter:web_search' }],
  ])('maps tool choice %j to %j', (choice, expected) => {
    const { toolChoice, warnings } = prepareOpenRouterTools({
      tools: [weather, webSearch],
      toolChoice: choice,
    });
    expect(toolChoice).toEqual(expected);
    expect(warnings).toEqual([]);
  });

  it('without tools, ignores the automatic tool choice and warns about an explicit one', () => {
    expect(prepareOpenRouterTools({ tools: undefined, toolChoice: { type: 'auto' } })).toEqual({
      warnings: [],
    });
    expect(prepareOpenRouterTools({ tools: [], toolChoice: undefined })).toEqual({ warnings: [] });
    expect(
      prepareOpenRouterTools({ tools: [], toolChoice: { type: 'tool', toolName: 'x' } }),
    ).toEqual({
      warnings: [
        {
          type: 'unsupported',
          feature: 'toolChoice tool',
          details: 'No tools were provided, so the tool choice was not sent.',
        },
      ],
    });
  });
});
