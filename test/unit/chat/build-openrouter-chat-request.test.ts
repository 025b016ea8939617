import type {
  LanguageModelV4CallOptions,
  LanguageModelV4Prompt,
  SharedV4Warning,
} from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { buildOpenRouterChatRequest } from '../../../src/chat/build-openrouter-chat-request';
import type { OpenRouterChatSettings } from '../../../src/chat/openrouter-chat-options';

const PROMPT: LanguageModelV4Prompt = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] },
];

async function build(
  call: Partial<LanguageModelV4CallOptions> = {},
  settings: OpenRouterChatSettings = {},
  providerExtraBody?: Record<string, unknown>,
) {
  const warnings: SharedV4Warning[] = [];
  const result = await buildOpenRouterChatRequest({
    modelId: 'anthropic/claude-sonnet-4.5',
    options: { prompt: PROMPT, ...call },
    settings,
    providerExtraBody,
    warnings,
  });
  return { ...result, warnings };
}

describe('buildOpenRouterChatRequest', () => {
  it('sends only the model and the messages when nothing else is set', async () => {
    const { body, behaviour, warnings } = await build();
    expect(body).toMatchInlineSnapshot(`
      {
        "messages": [
          {
            "content": [
              {
                "text": "Be brief.",
                "type": "text",
              },
            ],
            "role": "system",
          },
          {
            "content": "Weather in Paris?",
            "role": "user",
          },
        ],
        "model": "anthropic/claude-sonnet-4.5",
      }
    `);
    expect(behaviour).toEqual({});
    expect(warnings).toEqual([]);
  });

  it('maps the standard call options to their wire names', async () => {
    const { body } = await build({
      maxOutputTokens: 1024,
      temperature: 0.2,
      topP: 0.9,
      topK: 40,
      frequencyPenalty: 0.5,
      presencePenalty: -0.5,
      seed: 42,
      stopSequences: ['\n\n', 'END'],
    });
    const { messages: _, ...rest } = body;
    expect(rest).toMatchInlineSnapshot(`
      {
        "frequency_penalty": 0.5,
        "max_tokens": 1024,
        "model": "anthropic/claude-sonnet-4.5",
        "presence_penalty": -0.5,
        "seed": 42,
        "stop": [
          "

      ",
          "END",
        ],
        "temperature": 0.2,
        "top_k": 40,
        "top_p": 0.9,
      }
    `);
  });

  it('asks for a JSON object when the response format has no schema', async () => {
    const { body } = await build({ responseFormat: { type: 'json' } });
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect((await build({ responseFormat: { type: 'text' } })).body).not.toHaveProperty(
      'response_format',
    );
  });

  it('sends a schema as strict json_schema, named "response" unless named', async () => {
    const schema = { type: 'object', properties: { city: { type: 'string' } } };
    expect(
      (await build({ responseFormat: { type: 'json', schema } })).body.response_format,
    ).toMatchInlineSnapshot(`
      {
        "json_schema": {
          "name": "response",
          "schema": {
            "properties": {
              "city": {
                "type": "string",
              },
            },
            "type": "object",
          },
          "strict": true,
        },
        "type": "json_schema",
      }
    `);
    const named = await build({
      responseFormat: { type: 'json', schema, name: 'weather', description: 'A city' },
    });
    expect(named.body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'weather', description: 'A city', schema, strict: true },
    });
  });

  it('takes json_schema strictness from the settings, and from the call over the settings', async () => {
    const responseFormat = { type: 'json', schema: { type: 'object' } } as const;
    const strictOf = (body: Record<string, unknown>) =>
      (body.response_format as { json_schema: { strict: boolean } }).json_schema.strict;
    const fromSettings = await build({ responseFormat }, { structuredOutputs: { strict: false } });
    expect(strictOf(fromSettings.body)).toBe(false);
    const fromCall = await build(
      { responseFormat, providerOptions: { openrouter: { structuredOutputs: { strict: true } } } },
      { structuredOutputs: { strict: false } },
    );
    expect(strictOf(fromCall.body)).toBe(true);
  });

  it.each([
    [undefined, undefined],
    ['provider-default', undefined],
    ['none', { effort: 'none' }],
    ['minimal', { effort: 'minimal' }],
    ['high', { effort: 'high' }],
    ['max', { effort: 'max' }],
  ] as const)('maps the reasoning call option %j to %j', async (reasoning, expected) => {
    const { body, warnings } = await build({ reasoning });
    expect(body.reasoning).toEqual(expected);
    expect(warnings).toEqual([]);
  });

  it('lets an explicit OpenRouter reasoning option win over the call option, with a warning', async () => {
    const { body, warnings } = await build({
      reasoning: 'high',
      providerOptions: { openrouter: { reasoning: { max_tokens: 2000 } } },
    });
    expect(body.reasoning).toEqual({ max_tokens: 2000 });
    expect(warnings).toEqual([
      {
        type: 'other',
        message:
          'The reasoning call option ("high") was overridden by the OpenRouter reasoning option {"max_tokens":2000}.',
      },
    ]);
  });

  it('layers settings < provider extraBody < model extraBody < call providerOptions < call options', async () => {
    const settings = { user: 'settings', extraBody: { user: 'model-extra', temperature: 1 } };
    const call = { temperature: 0.1, providerOptions: { openrouter: { user: 'call' } } };
    expect((await build(call, settings, { user: 'provider-extra' })).body).toMatchObject({
      user: 'call',
      temperature: 0.1,
    });
    // Without the call option, the model's extraBody value is sent.
    expect((await build({}, settings)).body.temperature).toBe(1);
    expect((await build({}, settings, { user: 'provider-extra' })).body.user).toBe('model-extra');
    expect((await build({}, { user: 'settings' }, { user: 'provider-extra' })).body.user).toBe(
      'provider-extra',
    );
    expect((await build({}, { user: 'settings' })).body.user).toBe('settings');
  });

  it('merges behaviour options key by key, the call winning', async () => {
    const { behaviour } = await build(
      { providerOptions: { openrouter: { timeout: 5000 } } },
      { timeout: { firstByteMs: 1000 }, structuredOutputs: { strict: false } },
    );
    expect(behaviour).toEqual({ timeout: 5000, structuredOutputs: { strict: false } });
  });

  it('sends tools and tool choice, and collects prompt and tool warnings', async () => {
    const { body, warnings } = await build({
      prompt: [...PROMPT, { role: 'developer', content: 'x' } as never],
      tools: [
        { type: 'function', name: 'getWeather', inputSchema: { type: 'object' } },
        { type: 'provider', id: 'anthropic.web_search_20250305', name: 'search', args: {} },
      ],
      toolChoice: { type: 'tool', toolName: 'getWeather' },
    });
    expect(body.tools).toEqual([
      { type: 'function', function: { name: 'getWeather', parameters: { type: 'object' } } },
    ]);
    expect(body.tool_choice).toEqual({ type: 'function', function: { name: 'getWeather' } });
    expect(warnings).toEqual([
      { type: 'other', message: expect.stringContaining('"developer"') },
      { type: 'unsupported', feature: 'provider-defined tool anthropic.web_search_20250305' },
    ]);
  });
});
