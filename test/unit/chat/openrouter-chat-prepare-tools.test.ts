import {
  InvalidArgumentError,
  type LanguageModelV4FunctionTool,
  type LanguageModelV4ProviderTool,
  type LanguageModelV4ToolChoice,
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

  describe('per-tool options (providerOptions.openrouter of a function tool)', () => {
    const withOptions = (providerOptions: LanguageModelV4FunctionTool['providerOptions']) =>
      prepareOpenRouterTools({
        tools: [{ ...weather, providerOptions }],
        toolChoice: undefined,
      });

    it.each([
      ['eager_input_streaming', true],
      ['eagerInputStreaming', false],
    ])('sends %s as eager_input_streaming next to the function', (key, value) => {
      const { tools, warnings } = withOptions({ openrouter: { [key]: value } });
      expect(tools?.[0]).toEqual({
        type: 'function',
        function: expect.objectContaining({ name: 'getWeather' }),
        eager_input_streaming: value,
      });
      expect(warnings).toEqual([]);
    });

    it.each([
      ['openrouter', 'cacheControl'],
      ['openrouter', 'cache_control'],
      ['anthropic', 'cacheControl'],
    ])('sends %s.%s as the tool cache_control', (provider, key) => {
      const { tools, warnings } = withOptions({
        [provider]: { [key]: { type: 'ephemeral', ttl: '1h' } },
      });
      expect(tools?.[0]).toMatchObject({ cache_control: { type: 'ephemeral', ttl: '1h' } });
      expect(warnings).toEqual([]);
    });

    it('throws an InvalidArgumentError naming the option for a wrong type', () => {
      expect(() => withOptions({ openrouter: { eager_input_streaming: 'yes' } })).toThrow(
        expect.objectContaining({
          name: 'AI_InvalidArgumentError',
          argument: 'tools.getWeather.providerOptions.openrouter.eager_input_streaming',
        }),
      );
      expect(() => withOptions({ openrouter: { cacheControl: { type: 'forever' } } })).toThrow(
        InvalidArgumentError,
      );
      expect(() => withOptions({ openrouter: 'eager' as never })).toThrow(InvalidArgumentError);
    });

    it('sends an unknown option unchanged with a warning, and never replaces type or function', () => {
      const { tools, warnings } = withOptions({
        openrouter: { defer_loading: true, function: { name: 'x' }, type: 'x', other: null },
      });
      expect(tools?.[0]).toEqual({
        type: 'function',
        function: expect.objectContaining({ name: 'getWeather' }),
        defer_loading: true,
      });
      expect(warnings.map((warning) => warning.type === 'other' && warning.message)).toEqual([
        expect.stringContaining('defer_loading is not a known OpenRouter tool option'),
        expect.stringContaining('provider sets the tool\'s "function" itself'),
        expect.stringContaining('provider sets the tool\'s "type" itself'),
      ]);
    });

    it('sends nothing extra without options', () => {
      expect(withOptions(undefined).tools?.[0]).toEqual({
        type: 'function',
        function: expect.objectContaining({ name: 'getWeather' }),
      });
      expect(withOptions({ other: { eager_input_streaming: true } }).tools?.[0]).not.toHaveProperty(
        'eager_input_streaming',
      );
    });
  });
});
