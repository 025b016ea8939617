/**
 * Call options, provider options, tools and prompt parts -> the exact `/chat/completions` body
 * OpenRouter receives, through `generateText` / `streamText` over real HTTP (emulator).
 */

import { InvalidArgumentError } from '@ai-sdk/provider';
import { convertReadableStreamToArray } from '@ai-sdk/provider-utils/test';
import { generateText, jsonSchema, Output, streamText, type ToolChoice, tool } from 'ai';
import { beforeAll, describe, expect, it } from 'vitest';
import { scriptedChat } from '../../src/testing/index';
import {
  bodyAt,
  emulatorProvider,
  MODEL_ID,
  rejectionOf,
  requestAt,
  silenceAiWarnings,
  useEmulator,
} from './support';

const ctx = useEmulator();
beforeAll(silenceAiWarnings);

const answer = (text = 'ok') => ctx.emulator.setHandler(scriptedChat({ text }));
const USER_HELLO = [{ role: 'user', content: 'hello' }];

const citySchema = {
  type: 'object',
  properties: { city: { type: 'string' } },
  required: ['city'],
  additionalProperties: false,
} as const;

describe('standard call options', () => {
  const sampling = {
    maxOutputTokens: 256,
    temperature: 0.3,
    topP: 0.9,
    topK: 40,
    presencePenalty: 0.1,
    frequencyPenalty: 0.2,
    seed: 42,
    stopSequences: ['END', '###'],
  };
  const samplingOnWire = {
    max_tokens: 256,
    temperature: 0.3,
    top_p: 0.9,
    top_k: 40,
    presence_penalty: 0.1,
    frequency_penalty: 0.2,
    seed: 42,
    stop: ['END', '###'],
  };

  it('generateText: every sampling option reaches the wire under its OpenRouter name', async () => {
    answer();
    await generateText({ model: ctx.model(), prompt: 'hello', ...sampling });
    expect(ctx.emulator.requests).toHaveLength(1);
    expect(requestAt(ctx.emulator).path).toBe('/chat/completions');
    expect(requestAt(ctx.emulator).method).toBe('POST');
    expect(bodyAt(ctx.emulator)).toStrictEqual({
      model: MODEL_ID,
      messages: USER_HELLO,
      ...samplingOnWire,
    });
  });

  it('streamText: the same body plus stream: true', async () => {
    answer();
    const result = streamText({ model: ctx.model(), prompt: 'hello', ...sampling });
    expect(await result.text).toBe('ok');
    expect(bodyAt(ctx.emulator)).toStrictEqual({
      model: MODEL_ID,
      messages: USER_HELLO,
      ...samplingOnWire,
      stream: true,
    });
  });

  it('absent options are omitted: a bare call sends only model and messages, no nulls', async () => {
    answer();
    await generateText({ model: ctx.model(), prompt: 'hello' });
    const request = requestAt(ctx.emulator);
    expect(Object.keys(request.json()).sort()).toEqual(['messages', 'model']);
    expect(request.rawBody).not.toMatch(/null|undefined/);
  });

  it('zero values are sent, not dropped as absent', async () => {
    answer();
    await generateText({
      model: ctx.model(),
      prompt: 'hello',
      temperature: 0,
      seed: 0,
      presencePenalty: 0,
    });
    expect(bodyAt(ctx.emulator)).toStrictEqual({
      model: MODEL_ID,
      messages: USER_HELLO,
      temperature: 0,
      seed: 0,
      presence_penalty: 0,
    });
  });
});

describe('reasoning', () => {
  it.each(['none', 'minimal', 'low', 'medium', 'high', 'xhigh'] as const)(
    'reasoning: %s -> reasoning.effort, without warnings',
    async (level) => {
      answer();
      const result = await generateText({
        model: ctx.model(),
        prompt: 'hello',
        reasoning: level,
      });
      expect(bodyAt(ctx.emulator).reasoning).toStrictEqual({ effort: level });
      expect(result.warnings).toEqual([]);
    },
  );

  it("reasoning: 'provider-default' sends no reasoning field", async () => {
    answer();
    await generateText({
      model: ctx.model(),
      prompt: 'hello',
      reasoning: 'provider-default',
    });
    expect(bodyAt(ctx.emulator)).not.toHaveProperty('reasoning');
  });

  it('providerOptions.openrouter.reasoning wins over the call option, with a warning', async () => {
    answer();
    const result = await generateText({
      model: ctx.model(),
      prompt: 'hello',
      reasoning: 'high',
      providerOptions: { openrouter: { reasoning: { max_tokens: 2000, exclude: true } } },
    });
    expect(bodyAt(ctx.emulator).reasoning).toStrictEqual({ max_tokens: 2000, exclude: true });
    expect(result.warnings).toEqual([
      {
        type: 'other',
        message: expect.stringMatching(/reasoning call option \("high"\).*overridden/),
      },
    ]);
  });

  it("the call's reasoning option wins over the model's reasoning setting, keeping its other fields (streamText)", async () => {
    answer();
    const model = ctx.model(MODEL_ID, { reasoning: { maxTokens: 500, exclude: true } });
    const result = streamText({ model, prompt: 'hello', reasoning: 'max' });
    await result.consumeStream();
    expect(bodyAt(ctx.emulator).reasoning).toStrictEqual({ exclude: true, effort: 'max' });
    expect(await result.warnings).toEqual([]);

    // Without the call option, the model's setting is sent as it is.
    answer();
    await generateText({ model, prompt: 'hello' });
    expect(bodyAt(ctx.emulator).reasoning).toStrictEqual({ max_tokens: 500, exclude: true });
  });
});

describe('responseFormat', () => {
  it('Output.object -> json_schema with the name, description and strict: true', async () => {
    answer('{"city":"Paris"}');
    const result = await generateText({
      model: ctx.model(),
      prompt: 'hello',
      output: Output.object({
        schema: jsonSchema<{ city: string }>(citySchema),
        name: 'weather_report',
        description: 'A weather report',
      }),
    });
    expect(result.output).toEqual({ city: 'Paris' });
    expect(bodyAt(ctx.emulator).response_format).toStrictEqual({
      type: 'json_schema',
      json_schema: {
        name: 'weather_report',
        description: 'A weather report',
        schema: citySchema,
        strict: true,
      },
    });
  });

  it("without a name: name 'response' and no description key", async () => {
    answer('{"city":"Paris"}');
    await generateText({
      model: ctx.model(),
      prompt: 'hello',
      output: Output.object({ schema: jsonSchema<{ city: string }>(citySchema) }),
    });
    expect(bodyAt(ctx.emulator).response_format).toStrictEqual({
      type: 'json_schema',
      json_schema: { name: 'response', schema: citySchema, strict: true },
    });
  });

  it('providerOptions.openrouter.structuredOutputs.strict = false -> strict: false, not a body key', async () => {
    answer('{"city":"Paris"}');
    const result = await generateText({
      model: ctx.model(),
      prompt: 'hello',
      output: Output.object({ schema: jsonSchema<{ city: string }>(citySchema) }),
      providerOptions: { openrouter: { structuredOutputs: { strict: false } } },
    });
    const body = bodyAt(ctx.emulator);
    expect(body.response_format).toStrictEqual({
      type: 'json_schema',
      json_schema: { name: 'response', schema: citySchema, strict: false },
    });
    expect(Object.keys(body).sort()).toEqual(['messages', 'model', 'response_format']);
    expect(result.warnings).toEqual([]);
  });

  it('the call structuredOutputs overrides the model setting', async () => {
    answer('{"city":"Paris"}');
    const model = ctx.model(MODEL_ID, { structuredOutputs: { strict: false } });
    const output = Output.object({ schema: jsonSchema<{ city: string }>(citySchema) });
    await generateText({ model, prompt: 'hello', output });
    await generateText({
      model,
      prompt: 'hello',
      output,
      providerOptions: { openrouter: { structuredOutputs: { strict: true } } },
    });
    const strictOf = (index: number) =>
      (bodyAt(ctx.emulator, index).response_format as { json_schema: { strict: boolean } })
        .json_schema.strict;
    expect([strictOf(0), strictOf(1)]).toEqual([false, true]);
  });

  it('Output.json (no schema) -> json_object', async () => {
    answer('{"anything":1}');
    const result = await generateText({
      model: ctx.model(),
      prompt: 'hello',
      output: Output.json(),
    });
    expect(result.output).toEqual({ anything: 1 });
    expect(bodyAt(ctx.emulator).response_format).toStrictEqual({ type: 'json_object' });
  });

  it('streamText with Output.object sends the same response_format', async () => {
    answer('{"city":"Paris"}');
    const result = streamText({
      model: ctx.model(),
      prompt: 'hello',
      output: Output.object({ schema: jsonSchema<{ city: string }>(citySchema), name: 'w' }),
    });
    expect(await result.output).toEqual({ city: 'Paris' });
    expect(bodyAt(ctx.emulator)).toMatchObject({
      stream: true,
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'w', schema: citySchema, strict: true },
      },
    });
  });
});

describe('tools and tool choice', () => {
  const tools = {
    weather: tool({
      description: 'Get the weather for a city',
      inputSchema: jsonSchema<{ city: string }>(citySchema),
      strict: true,
    }),
    lenient: tool({
      description: 'Not strict',
      inputSchema: jsonSchema<{ city: string }>(citySchema),
      strict: false,
    }),
    bare: tool({ inputSchema: jsonSchema<{ city: string }>(citySchema) }),
  };
  const toolsOnWire = [
    {
      type: 'function',
      function: {
        name: 'weather',
        description: 'Get the weather for a city',
        parameters: citySchema,
        strict: true,
      },
    },
    {
      type: 'function',
      function: {
        name: 'lenient',
        description: 'Not strict',
        parameters: citySchema,
        strict: false,
      },
    },
    { type: 'function', function: { name: 'bare', parameters: citySchema } },
  ];

  const cases: Array<[string, ToolChoice<typeof tools> | undefined, unknown, boolean]> = [
    ['default (auto)', undefined, 'auto', false],
    ['auto', 'auto', 'auto', false],
    ['none', 'none', 'none', false],
    ['required', 'required', 'required', true],
    [
      "{type:'tool'}",
      { type: 'tool', toolName: 'weather' },
      { type: 'function', function: { name: 'weather' } },
      true,
    ],
  ];

  it.each(cases)('toolChoice %s', async (_name, toolChoice, wire, callsTool) => {
    ctx.emulator.setHandler(
      scriptedChat(
        callsTool ? { toolCalls: [{ name: 'weather', arguments: '{"city":"Paris"}' }] } : {},
      ),
    );
    const result = await generateText({
      model: ctx.model(),
      prompt: 'hello',
      tools,
      toolChoice,
    });
    expect(bodyAt(ctx.emulator)).toStrictEqual({
      model: MODEL_ID,
      messages: USER_HELLO,
      tools: toolsOnWire,
      tool_choice: wire,
    });
    expect(result.warnings).toEqual([]);
  });

  it('streamText sends the same tools', async () => {
    answer();
    await streamText({ model: ctx.model(), prompt: 'hello', tools }).consumeStream();
    expect(bodyAt(ctx.emulator)).toMatchObject({ tools: toolsOnWire, tool_choice: 'auto' });
  });

  it('no tools -> neither tools nor tool_choice', async () => {
    answer();
    await generateText({ model: ctx.model(), prompt: 'hello', tools: {} });
    const body = bodyAt(ctx.emulator);
    expect(body).not.toHaveProperty('tools');
    expect(body).not.toHaveProperty('tool_choice');
  });
});

describe('prompt parts end to end', () => {
  it('system, image URL (not downloaded), PDF data and audio data', async () => {
    answer();
    // An image URL without a file extension, served by the emulator's host but outside /api/v1:
    // if the AI SDK downloaded it instead of passing the URL through, the emulator would record
    // a second request (and answer it with 404, failing the call).
    const imageUrl = `${new URL(ctx.emulator.baseURL).origin}/images/photo?id=1`;
    const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
    const wav = new Uint8Array([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4]);
    await generateText({
      model: ctx.model(),
      system: 'Be brief.',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Describe these.' },
            { type: 'image', image: new URL(imageUrl) },
            { type: 'file', data: pdf, mediaType: 'application/pdf', filename: 'report.pdf' },
            { type: 'file', data: wav, mediaType: 'audio/wav' },
          ],
        },
      ],
    });
    expect(ctx.emulator.requests.map((r) => r.path)).toEqual(['/chat/completions']);
    expect(bodyAt(ctx.emulator).messages).toStrictEqual([
      { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Describe these.' },
          { type: 'image_url', image_url: { url: imageUrl } },
          {
            type: 'file',
            file: {
              filename: 'report.pdf',
              file_data: `data:application/pdf;base64,${Buffer.from(pdf).toString('base64')}`,
            },
          },
          {
            type: 'input_audio',
            input_audio: { data: Buffer.from(wav).toString('base64'), format: 'wav' },
          },
        ],
      },
    ]);
  });
});

describe('warnings', () => {
  it('a tool with inputExamples: sent without them, with a warning', async () => {
    answer();
    const result = await generateText({
      model: ctx.model(),
      prompt: 'hello',
      tools: {
        weather: tool({
          inputSchema: jsonSchema<{ city: string }>(citySchema),
          inputExamples: [{ input: { city: 'Paris' } }],
        }),
      },
    });
    expect(bodyAt(ctx.emulator).tools).toStrictEqual([
      { type: 'function', function: { name: 'weather', parameters: citySchema } },
    ]);
    expect(result.warnings).toEqual([
      {
        type: 'unsupported',
        feature: 'tool inputExamples',
        details: expect.stringContaining('"weather"'),
      },
    ]);
  });

  const foreignTool = tool({
    type: 'provider',
    id: 'anthropic.web_search_20250305',
    args: { maxUses: 3 },
    isProviderExecuted: true,
    inputSchema: jsonSchema<{ query: string }>({
      type: 'object',
      properties: { query: { type: 'string' } },
    }),
    outputSchema: jsonSchema<unknown>({}),
  });

  it("another provider's tool is not sent, with a warning; function tools still are", async () => {
    answer();
    const result = await generateText({
      model: ctx.model(),
      prompt: 'hello',
      tools: { web_search: foreignTool, weather: tool({ inputSchema: jsonSchema(citySchema) }) },
    });
    expect(bodyAt(ctx.emulator).tools).toStrictEqual([
      { type: 'function', function: { name: 'weather', parameters: citySchema } },
    ]);
    expect(result.warnings).toEqual([
      { type: 'unsupported', feature: 'provider-defined tool anthropic.web_search_20250305' },
    ]);
  });

  it("only another provider's tool: no empty tools array and no tool_choice", async () => {
    // OpenAI-compatible upstreams reject `tools: []` with a 400.
    answer();
    const result = await generateText({
      model: ctx.model(),
      prompt: 'hello',
      tools: { web_search: foreignTool },
    });
    const body = bodyAt(ctx.emulator);
    expect(result.warnings).toEqual([
      { type: 'unsupported', feature: 'provider-defined tool anthropic.web_search_20250305' },
    ]);
    expect(body).not.toHaveProperty('tools');
    expect(body).not.toHaveProperty('tool_choice');
  });

  it('an unknown providerOptions key is sent unchanged, with a warning naming it', async () => {
    answer();
    const result = await generateText({
      model: ctx.model(),
      prompt: 'hello',
      providerOptions: { openrouter: { fancyNewField: { a: [1, 2] } } },
    });
    expect(bodyAt(ctx.emulator)).toStrictEqual({
      model: MODEL_ID,
      messages: USER_HELLO,
      fancyNewField: { a: [1, 2] },
    });
    expect(result.warnings).toEqual([
      {
        type: 'other',
        message: expect.stringContaining('providerOptions.openrouter.fancyNewField'),
      },
    ]);
  });

  it('reserved keys (messages, model, stream, tools) are ignored, with warnings', async () => {
    answer();
    const result = streamText({
      model: ctx.model(),
      prompt: 'hello',
      providerOptions: {
        openrouter: {
          messages: [{ role: 'user', content: 'injected' }],
          model: 'evil/model',
          stream: false,
          tools: [],
        },
      },
    });
    expect(await result.text).toBe('ok');
    expect(bodyAt(ctx.emulator)).toStrictEqual({
      model: MODEL_ID,
      messages: USER_HELLO,
      stream: true,
    });
    const warnings = await result.warnings;
    expect(warnings).toHaveLength(4);
    for (const key of ['messages', 'model', 'stream', 'tools']) {
      expect(warnings).toContainEqual({
        type: 'other',
        message: expect.stringContaining(`providerOptions.openrouter.${key} was ignored`),
      });
    }
  });

  it('known options in both spellings produce no warnings (control)', async () => {
    answer();
    const result = await generateText({
      model: ctx.model(),
      prompt: 'hello',
      providerOptions: { openrouter: { sessionId: 's1', top_logprobs: 2, logprobs: true } },
    });
    expect(result.warnings).toEqual([]);
  });
});

describe('option spelling and validation', () => {
  it.each([
    ['parallelToolCalls', false, 'parallel_tool_calls'],
    ['parallel_tool_calls', true, 'parallel_tool_calls'],
    ['sessionId', 'session-1', 'session_id'],
    ['session_id', 'session-2', 'session_id'],
    ['webSearchOptions', { search_context_size: 'high' }, 'web_search_options'],
    ['logitBias', { '50256': -100 }, 'logit_bias'],
    ['minP', 0.05, 'min_p'],
    ['repetitionPenalty', 1.1, 'repetition_penalty'],
    ['cacheControl', { type: 'ephemeral' }, 'cache_control'],
  ])('providerOptions.openrouter.%s -> %s on the wire as %s', async (key, value, wire) => {
    answer();
    const result = await generateText({
      model: ctx.model(),
      prompt: 'hello',
      providerOptions: { openrouter: { [key]: value } },
    });
    expect(bodyAt(ctx.emulator)).toStrictEqual({
      model: MODEL_ID,
      messages: USER_HELLO,
      [wire]: value,
    });
    expect(result.warnings).toEqual([]);
  });

  it('routing and attribution fields pass through validated (models, provider, user, metadata)', async () => {
    answer();
    const options = {
      models: ['openai/gpt-4o', 'anthropic/claude-sonnet-4.5'],
      provider: { order: ['OpenAI'], allow_fallbacks: false },
      user: 'user-42',
      metadata: { team: 'search' },
      transforms: ['middle-out'],
      plugins: [{ id: 'web', max_results: 2 }],
    };
    await generateText({
      model: ctx.model(),
      prompt: 'hello',
      providerOptions: { openrouter: options },
    });
    expect(bodyAt(ctx.emulator)).toStrictEqual({
      model: MODEL_ID,
      messages: USER_HELLO,
      ...options,
    });
  });

  it.each([
    ['models', 'x'],
    ['sessionId', 42],
    ['parallel_tool_calls', 'yes'],
    ['reasoning', { effort: 3 }],
    ['topLogprobs', 2.5],
    ['logprobs', 'yes'],
    ['metadata', { run: 7 }],
  ])(
    'an invalid %s value throws InvalidArgumentError naming the key; nothing is sent',
    async (key, value) => {
      answer();
      const error = await rejectionOf(
        generateText({
          model: ctx.model(),
          prompt: 'hello',
          providerOptions: { openrouter: { [key]: value } },
        }),
      );
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
      const invalid = error as InvalidArgumentError;
      expect(invalid.argument).toBe(`providerOptions.openrouter.${key}`);
      expect(invalid.message).toContain(`providerOptions.openrouter.${key}`);
      expect(ctx.emulator.requests).toHaveLength(0);
    },
  );

  it('an invalid model setting throws InvalidArgumentError naming settings.<key> (streamText)', async () => {
    answer();
    const errors: unknown[] = [];
    const result = streamText({
      model: ctx.model(MODEL_ID, { models: 'x' as unknown as string[] }),
      prompt: 'hello',
      onError: ({ error }) => {
        errors.push(error);
      },
    });
    const parts = await convertReadableStreamToArray(result.fullStream);
    const errorParts = parts.flatMap((part) => (part.type === 'error' ? [part.error] : []));
    expect(errorParts).toHaveLength(1);
    const error = errorParts[0];
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe('settings.models');
    expect(errors).toEqual([error]);
    expect(ctx.emulator.requests).toHaveLength(0);
  });
});

describe('precedence: settings < provider extraBody < model extraBody < call providerOptions', () => {
  it('each layer overrides the ones below it, key by key', async () => {
    answer();
    const openrouter = emulatorProvider(ctx.emulator, {
      extraBody: { session_id: 'provider-extra', min_p: 0.2, top_a: 0.2, from_provider: true },
    });
    const model = openrouter.chat(MODEL_ID, {
      user: 'settings',
      sessionId: 'settings',
      minP: 0.1,
      topA: 0.1,
      extraBody: { min_p: 0.3, top_a: 0.3, from_model: true },
    });
    await generateText({
      model,
      prompt: 'hello',
      providerOptions: { openrouter: { topA: 0.4 } },
    });
    expect(bodyAt(ctx.emulator)).toStrictEqual({
      model: MODEL_ID,
      messages: USER_HELLO,
      user: 'settings',
      session_id: 'provider-extra',
      min_p: 0.3,
      top_a: 0.4,
      from_provider: true,
      from_model: true,
    });
  });

  it('model settings apply to every call; call providerOptions only to their call', async () => {
    answer();
    const model = ctx.model(MODEL_ID, { user: 'default-user' });
    await generateText({ model, prompt: 'hello' });
    await generateText({
      model,
      prompt: 'hello',
      providerOptions: { openrouter: { user: 'call-user' } },
    });
    await generateText({ model, prompt: 'hello' });
    expect(ctx.emulator.requests.map((r) => r.json().user)).toEqual([
      'default-user',
      'call-user',
      'default-user',
    ]);
  });

  it('providerOptions for other providers are ignored', async () => {
    answer();
    const result = await generateText({
      model: ctx.model(),
      prompt: 'hello',
      providerOptions: { anthropic: { thinking: { type: 'enabled' } }, openai: { user: 'x' } },
    });
    expect(bodyAt(ctx.emulator)).toStrictEqual({ model: MODEL_ID, messages: USER_HELLO });
    expect(result.warnings).toEqual([]);
  });
});
