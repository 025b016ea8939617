/**
 * `generateText` / `streamText` of `ai` 7 driving the provider over real HTTP against the
 * OpenRouter emulator: text, reasoning, usage, provider metadata, response metadata, stream part
 * order, generate/stream parity (same usage and metadata either way), lenient parsing of billed
 * responses (a response that was paid for is never thrown away over an odd field), structured
 * output, raw chunks and abort.
 */
import { convertReadableStreamToArray } from '@ai-sdk/provider-utils/test';
import { generateText, Output, streamText, type TextStreamPart, type ToolSet, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type ChatScript,
  chatCompletionJson,
  chatCompletionStream,
  demoAgentHandler,
  RESPONSE_PARASAIL_TOOL_CALL,
  replayTranscript,
  scriptedChat,
  TRANSCRIPT_REASONING_TOOL_CALL,
} from '../../src/testing/index.js';
import { TEST_API_KEY, useEmulator } from './support.js';

const fx = useEmulator();

// A reasoning + text answer as served by Anthropic through OpenRouter: the served model is the
// dated permaslug, not the requested id; the signature arrives in its own delta when streamed.
const REQUESTED_MODEL = 'anthropic/claude-sonnet-4.5';
const SERVED_MODEL = 'anthropic/claude-4.5-sonnet-20250929';
const CREATED = 1791600000;
const GENERATION_ID = 'gen-1791600000-PaRiTyPaRiTyPaRiTy01';
const SIGNATURE = 'EqQBCkgIChABGAIqQHNpZ25hdHVyZS1wYXJpdHk=';
const REASONING = 'The user greets me. I should greet back briefly.';
const TEXT = 'Hello there, friend!';

const REASONING_SCRIPT: ChatScript = {
  id: GENERATION_ID,
  model: SERVED_MODEL,
  provider: 'Anthropic',
  created: CREATED,
  reasoning: ['The user greets me.', ' I should greet back briefly.'],
  reasoningFormat: 'anthropic-claude-v1',
  reasoningSignature: SIGNATURE,
  text: ['Hello', ' there,', ' friend!'],
  nativeFinishReason: 'end_turn',
  usage: {
    prompt_tokens: 1200,
    completion_tokens: 300,
    cost: 0.0042,
    prompt_tokens_details: { cached_tokens: 1000, cache_write_tokens: 50 },
    completion_tokens_details: { reasoning_tokens: 120 },
    cost_details: {
      upstream_inference_cost: 0.0042,
      upstream_inference_prompt_cost: 0.0012,
      upstream_inference_completions_cost: 0.003,
    },
  },
};

const EXPECTED_REASONING_DETAILS = [
  {
    type: 'reasoning.text',
    text: REASONING,
    signature: SIGNATURE,
    format: 'anthropic-claude-v1',
    index: 0,
  },
];

const EXPECTED_USAGE = {
  inputTokens: 1200,
  inputTokenDetails: { noCacheTokens: 150, cacheReadTokens: 1000, cacheWriteTokens: 50 },
  outputTokens: 300,
  outputTokenDetails: { textTokens: 180, reasoningTokens: 120 },
  totalTokens: 1500,
};

const EXPECTED_OPENROUTER_METADATA = {
  provider: 'Anthropic',
  generationId: GENERATION_ID,
  nativeFinishReason: 'end_turn',
  isByok: false,
  reasoning_details: EXPECTED_REASONING_DETAILS,
  usage: {
    promptTokens: 1200,
    completionTokens: 300,
    totalTokens: 1500,
    cost: 0.0042,
    isByok: false,
    promptTokensDetails: {
      cachedTokens: 1000,
      cacheWriteTokens: 50,
      audioTokens: 0,
      videoTokens: 0,
    },
    completionTokensDetails: { reasoningTokens: 120, imageTokens: 0, audioTokens: 0 },
    costDetails: {
      upstreamInferenceCost: 0.0042,
      upstreamInferencePromptCost: 0.0012,
      upstreamInferenceCompletionsCost: 0.003,
    },
  },
};

/** The `data:` payloads of a transcript, parsed (what `include.rawChunks` must surface). */
const dataPayloads = (transcript: string): unknown[] =>
  transcript
    .split('\n\n')
    .filter((event) => event.startsWith('data: {'))
    .map((event) => JSON.parse(event.slice('data: '.length)) as unknown);

const weatherTools = {
  get_weather: tool({
    description: 'Current weather for a city',
    inputSchema: z.object({ city: z.string() }),
    execute: async ({ city }) => ({ city, tempC: 18 }),
  }),
};

describe('generateText', () => {
  it('returns text, reasoning, finish reason, usage, provider and response metadata', async () => {
    fx.emulator.setHandler(scriptedChat(REASONING_SCRIPT));
    const result = await generateText({ model: fx.model(REQUESTED_MODEL), prompt: 'Hi' });

    const step = result.finalStep;
    expect(result.steps).toEqual([step]);
    expect(result.text).toBe(TEXT);
    expect(step.reasoningText).toBe(REASONING);
    // The reasoning part carries the complete details (signature included) for the next turn.
    expect(step.reasoning).toEqual([
      {
        type: 'reasoning',
        text: REASONING,
        providerOptions: { openrouter: { reasoning_details: EXPECTED_REASONING_DETAILS } },
      },
    ]);
    expect(result.finishReason).toBe('stop');
    expect(result.rawFinishReason).toBe('stop');
    expect(result.usage).toMatchObject(EXPECTED_USAGE);
    expect(step.usage).toMatchObject(EXPECTED_USAGE);
    expect(result.usage.raw).toMatchObject({ prompt_tokens: 1200, total_tokens: 1500 });
    expect(step.providerMetadata?.openrouter).toEqual(EXPECTED_OPENROUTER_METADATA);

    expect(step.response.id).toBe(GENERATION_ID);
    expect(step.response.modelId).toBe(SERVED_MODEL);
    expect(step.response.timestamp).toEqual(new Date(CREATED * 1000));

    const [request] = fx.emulator.requests;
    expect(request?.path).toBe('/chat/completions');
    expect(request?.headers.authorization).toBe(`Bearer ${TEST_API_KEY}`);
    expect(request?.json()).toMatchObject({
      model: REQUESTED_MODEL,
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(request?.json().stream).toBeUndefined();
  });

  it('maps a real Parasail capture (reasoning + tool call, cached prompt)', async () => {
    fx.emulator.enqueue(replayTranscript(RESPONSE_PARASAIL_TOOL_CALL));
    const searches: unknown[] = [];
    const result = await generateText({
      model: fx.model('qwen/qwen3.5-35b-a3b'),
      prompt: 'A pad thai recipe, please.',
      tools: {
        search_recipes: tool({
          inputSchema: z.object({ query: z.string() }),
          execute: async (input) => {
            searches.push(input);
            return { results: ['Pad Thai (classic)'] };
          },
        }),
      },
    });

    const reasoning =
      'The user is asking for a pad thai recipe. I should search for pad thai recipes using the search_recipes function. I\'ll use "pad thai" as the query parameter.\n';
    const step = result.finalStep;
    expect(result.text).toBe('');
    expect(step.reasoningText).toBe(reasoning);
    expect(result.finishReason).toBe('tool-calls');
    expect(result.rawFinishReason).toBe('tool_calls');
    expect(result.toolCalls).toHaveLength(1);
    expect(result.toolCalls[0]).toMatchObject({
      toolCallId: 'call_7b205c4c32234f3e91624804',
      toolName: 'search_recipes',
      input: { query: 'pad thai' },
    });
    expect(searches).toEqual([{ query: 'pad thai' }]);
    expect(result.toolResults[0]).toMatchObject({
      toolCallId: 'call_7b205c4c32234f3e91624804',
      output: { results: ['Pad Thai (classic)'] },
    });
    expect(result.usage).toMatchObject({
      inputTokens: 1077,
      inputTokenDetails: { noCacheTokens: 21, cacheReadTokens: 1056, cacheWriteTokens: 0 },
      outputTokens: 66,
      outputTokenDetails: { textTokens: 25, reasoningTokens: 41 },
      totalTokens: 1143,
    });
    expect(step.providerMetadata?.openrouter).toMatchObject({
      provider: 'Parasail',
      generationId: 'gen-1779334358-5uErgorPN1rJbPw8AVrM',
      nativeFinishReason: 'tool_calls',
      reasoning_details: [{ type: 'reasoning.text', text: reasoning, format: 'unknown', index: 0 }],
      usage: {
        promptTokens: 1077,
        completionTokens: 66,
        totalTokens: 1143,
        cost: 0.00012195,
        promptTokensDetails: { cachedTokens: 1056 },
        completionTokensDetails: { reasoningTokens: 41 },
        costDetails: {
          upstreamInferenceCost: 0.00012195,
          upstreamInferencePromptCost: 0.00005595,
          upstreamInferenceCompletionsCost: 0.000066,
        },
      },
    });
    expect(step.response.id).toBe('gen-1779334358-5uErgorPN1rJbPw8AVrM');
    expect(step.response.modelId).toBe('qwen/qwen3.5-35b-a3b-20260224');
    expect(step.response.timestamp).toEqual(new Date(1779334358 * 1000));
    expect(fx.chatBodies()[0]?.model).toBe('qwen/qwen3.5-35b-a3b');
  });
});

describe('streamText', () => {
  it('streams the reasoning + text + tool call transcript in the documented part order', async () => {
    fx.emulator.enqueue(replayTranscript(TRANSCRIPT_REASONING_TOOL_CALL));
    const result = streamText({
      model: fx.model(REQUESTED_MODEL),
      prompt: 'Weather in Paris?',
      tools: weatherTools,
    });
    const [textChunks, parts] = await Promise.all([
      convertReadableStreamToArray(result.textStream),
      convertReadableStreamToArray(result.stream),
    ]);

    // The transcript arrives in one network read: each block's deltas come as one part.
    expect(textChunks).toEqual(['Let me check the current weather in Paris.']);
    expect(parts.map((part) => part.type)).toEqual([
      'start',
      'start-step',
      'ping', // the two `: OPENROUTER PROCESSING` keep-alive comments, one ping each
      'ping',
      'reasoning-start',
      'reasoning-delta',
      'reasoning-end',
      'text-start',
      'text-delta',
      'text-end',
      'tool-input-start',
      'tool-input-delta',
      'tool-input-end',
      'tool-call',
      'tool-result',
      'finish-step',
      'finish',
    ]);

    const reasoningEnd = parts.find((part) => part.type === 'reasoning-end');
    expect(reasoningEnd?.providerMetadata?.openrouter?.reasoning_details).toEqual([
      {
        type: 'reasoning.text',
        text: 'The user wants the weather in Paris. I should call get_weather.',
        format: 'anthropic-claude-v1',
        index: 0,
        signature: 'EqQBCkgIChABGAIqQGs1c2lnbmF0dXJlLWV4YW1wbGU=',
      },
    ]);
    expect(parts.find((part) => part.type === 'tool-call')).toMatchObject({
      toolCallId: 'toolu_01A09q90qw90lq917835lq9',
      toolName: 'get_weather',
      input: { city: 'Paris' },
    });
    expect(parts.find((part) => part.type === 'tool-result')).toMatchObject({
      toolCallId: 'toolu_01A09q90qw90lq917835lq9',
      output: { city: 'Paris', tempC: 18 },
    });

    const finishStep = parts.find((part) => part.type === 'finish-step');
    if (finishStep?.type !== 'finish-step') throw new Error('no finish-step part');
    expect(finishStep.finishReason).toBe('tool-calls');
    expect(finishStep.rawFinishReason).toBe('tool_calls');
    expect(finishStep.response).toMatchObject({
      id: 'gen-1791500000-Ab3dEfGh1jKlMnOpQrSt',
      modelId: 'anthropic/claude-sonnet-4.5',
      timestamp: new Date(1791500000 * 1000),
    });
    expect(finishStep.usage).toMatchObject({
      inputTokens: 412,
      outputTokens: 96,
      outputTokenDetails: { reasoningTokens: 58, textTokens: 38 },
      totalTokens: 508,
    });
    expect(finishStep.providerMetadata?.openrouter).toMatchObject({
      provider: 'Anthropic',
      generationId: 'gen-1791500000-Ab3dEfGh1jKlMnOpQrSt',
      nativeFinishReason: 'tool_use',
      usage: { promptTokens: 412, completionTokens: 96, totalTokens: 508, cost: 0.002676 },
    });
    const finish = parts.at(-1);
    expect(finish).toMatchObject({ type: 'finish', finishReason: 'tool-calls' });

    expect(await result.text).toBe('Let me check the current weather in Paris.');
    expect(fx.chatBodies()[0]).toMatchObject({ model: REQUESTED_MODEL, stream: true });
  });

  it('gives the same text, reasoning, usage and metadata as generateText', async () => {
    fx.emulator.setHandler(scriptedChat(REASONING_SCRIPT));
    const generated = await generateText({ model: fx.model(REQUESTED_MODEL), prompt: 'Hi' });
    const streamed = streamText({ model: fx.model(REQUESTED_MODEL), prompt: 'Hi' });
    const streamedText = (await convertReadableStreamToArray(streamed.textStream)).join('');

    expect(fx.chatBodies().map((body) => body.stream)).toEqual([undefined, true]);
    expect(streamedText).toBe(TEXT);
    const streamedStep = await streamed.finalStep;
    const generatedStep = generated.finalStep;
    expect(await streamed.text).toBe(generated.text);
    expect(streamedStep.reasoningText).toBe(REASONING);
    expect(streamedStep.reasoningText).toBe(generatedStep.reasoningText);
    expect(await streamed.finishReason).toBe(generated.finishReason);
    expect(await streamed.rawFinishReason).toBe(generated.rawFinishReason);

    const streamedUsage = await streamed.usage;
    expect(streamedUsage).toMatchObject(EXPECTED_USAGE);
    expect(streamedUsage).toEqual(generated.usage);
    expect(streamedStep.usage).toEqual(generatedStep.usage);

    expect(streamedStep.providerMetadata?.openrouter).toEqual(EXPECTED_OPENROUTER_METADATA);
    expect(streamedStep.providerMetadata).toEqual(generatedStep.providerMetadata);

    // The reasoning part that ai round-trips carries the same complete details on both paths.
    expect(streamedStep.reasoning).toEqual(generatedStep.reasoning);

    const { response } = streamedStep;
    expect({ id: response.id, modelId: response.modelId, timestamp: response.timestamp }).toEqual({
      id: GENERATION_ID,
      modelId: SERVED_MODEL,
      timestamp: new Date(CREATED * 1000),
    });
    expect(generatedStep.response).toMatchObject({
      id: response.id,
      modelId: response.modelId,
      timestamp: response.timestamp,
    });
  });

  it('include.rawChunks yields every upstream chunk as a raw part, in order', async () => {
    fx.emulator.enqueue(replayTranscript(TRANSCRIPT_REASONING_TOOL_CALL));
    const withRaw = streamText({
      model: fx.model(REQUESTED_MODEL),
      prompt: 'Weather in Paris?',
      tools: weatherTools,
      include: { rawChunks: true },
    });
    const parts = await convertReadableStreamToArray(withRaw.stream);
    const raw = parts.filter((part) => part.type === 'raw').map((part) => part.rawValue);
    const payloads = dataPayloads(TRANSCRIPT_REASONING_TOOL_CALL);
    expect(payloads).toHaveLength(11);
    expect(raw).toEqual(payloads);
    // The rest of the stream is unaffected.
    expect(await withRaw.text).toBe('Let me check the current weather in Paris.');

    fx.emulator.enqueue(replayTranscript(TRANSCRIPT_REASONING_TOOL_CALL));
    const withoutRaw = streamText({
      model: fx.model(REQUESTED_MODEL),
      prompt: 'Weather in Paris?',
      tools: weatherTools,
    });
    const plain = await convertReadableStreamToArray(withoutRaw.stream);
    expect(plain.filter((part) => part.type === 'raw')).toEqual([]);
  });

  it('aborting mid-stream ends the stream promptly and closes the connection', async () => {
    // The first words, then nothing: the upstream keeps the connection open.
    const events = chatCompletionStream({
      text: ['Partial'],
      finishReason: null,
      usage: null,
      done: false,
    });
    fx.emulator.enqueue({ type: 'sse', events, ending: 'hang' });
    const controller = new AbortController();
    const aborts: unknown[] = [];
    const result = streamText({
      model: fx.model(REQUESTED_MODEL),
      prompt: 'Tell me a long story',
      abortSignal: controller.signal,
      onAbort: (event) => {
        aborts.push(event.steps.length);
      },
    });

    const parts: Array<TextStreamPart<ToolSet>> = [];
    let abortedAt = 0;
    const consumed = (async () => {
      for await (const part of result.stream) {
        parts.push(part);
        if (part.type === 'text-delta' && abortedAt === 0) {
          abortedAt = Date.now();
          controller.abort();
        }
      }
    })();
    const timeout = new Promise<'timeout'>((resolve) =>
      setTimeout(() => resolve('timeout'), 5_000).unref(),
    );
    expect(await Promise.race([consumed.then(() => 'done' as const), timeout])).toBe('done');
    expect(abortedAt).toBeGreaterThan(0);
    expect(Date.now() - abortedAt).toBeLessThan(1_000);

    const types = parts.map((part) => part.type);
    expect(types).toContain('abort');
    expect(types).not.toContain('finish');
    expect(types).not.toContain('error');
    expect(parts.filter((part) => part.type === 'text-delta').map((part) => part.text)).toEqual([
      'Partial',
    ]);
    expect(aborts).toEqual([0]);

    const [request] = fx.emulator.requests;
    expect(await request?.closed).toEqual({ closedEarly: true });
  });
});

describe('lenient parsing of billed responses through generateText', () => {
  interface CompletionBody {
    choices: Array<{
      message: { tool_calls: Array<Record<string, unknown>> } & Record<string, unknown>;
    }>;
    usage: Record<string, unknown> & {
      prompt_tokens_details: Record<string, unknown>;
      completion_tokens_details: Record<string, unknown>;
    };
  }

  const billed = (): CompletionBody =>
    chatCompletionJson({
      id: 'gen-1791600100-LeNiEnTlEnIeNtLeNiEn',
      model: 'x-ai/grok-4-fast',
      provider: 'xAI',
      created: 1791600100,
      text: 'Still billed.',
      toolCalls: [{ id: 'call_lenient_1', name: 'lookup', arguments: '{"q":"x"}' }],
      usage: {
        prompt_tokens: 50,
        completion_tokens: 10,
        prompt_tokens_details: { cached_tokens: 20, cache_write_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 4 },
        cost: 0.000225,
      },
    }) as unknown as CompletionBody;

  const lookupTools = {
    lookup: tool({ inputSchema: z.object({ q: z.string() }) }),
  };

  const run = async (body: CompletionBody) => {
    fx.emulator.enqueue({ type: 'json', body });
    return generateText({
      model: fx.model('x-ai/grok-4-fast'),
      prompt: 'Look up x',
      tools: lookupTools,
    });
  };

  type Result = Awaited<ReturnType<typeof run>>;
  const cases: Array<[string, (body: CompletionBody) => void, (result: Result) => void]> = [
    [
      'usage.cost: null',
      (body) => {
        body.usage.cost = null;
      },
      (result) => {
        const usage = result.finalStep.providerMetadata?.openrouter?.usage as Record<
          string,
          unknown
        >;
        expect(usage).not.toHaveProperty('cost');
        expect(usage.totalTokens).toBe(60);
      },
    ],
    [
      'prompt_tokens_details.cached_tokens: null',
      (body) => {
        body.usage.prompt_tokens_details.cached_tokens = null;
      },
      (result) => {
        expect(result.usage.inputTokenDetails.cacheReadTokens).toBeUndefined();
        expect(result.usage.inputTokenDetails.noCacheTokens).toBe(50);
      },
    ],
    [
      'completion_tokens_details: {}',
      (body) => {
        body.usage.completion_tokens_details = {};
      },
      (result) => {
        expect(result.usage.outputTokenDetails.reasoningTokens).toBeUndefined();
        expect(result.usage.outputTokenDetails.textTokens).toBe(10);
      },
    ],
    [
      'no total_tokens',
      (body) => {
        delete body.usage.total_tokens;
      },
      (result) => {
        expect(result.usage.totalTokens).toBe(60);
        expect(result.finalStep.providerMetadata?.openrouter?.usage).toMatchObject({
          totalTokens: 60,
        });
      },
    ],
    [
      'an unknown annotation type',
      (body) => {
        const message = body.choices[0]!.message;
        message.annotations = [{ type: 'future_annotation', future_annotation: { score: 0.5 } }];
      },
      (result) => {
        expect(result.sources).toEqual([]);
        expect(result.finalStep.providerMetadata?.openrouter?.annotations).toEqual([
          { type: 'future_annotation', future_annotation: { score: 0.5 } },
        ]);
      },
    ],
    [
      'a tool call without type',
      (body) => {
        delete body.choices[0]!.message.tool_calls[0]!.type;
      },
      (result) => {
        expect(result.toolCalls[0]).toMatchObject({ toolCallId: 'call_lenient_1' });
      },
    ],
  ];

  it.each(cases)('a response with %s still succeeds', async (_name, tweak, check) => {
    const body = billed();
    tweak(body);
    const result = await run(body);

    expect(result.text).toBe('Still billed.');
    expect(result.finishReason).toBe('tool-calls');
    expect(result.toolCalls).toHaveLength(1);
    expect(result.toolCalls[0]).toMatchObject({ toolName: 'lookup', input: { q: 'x' } });
    expect(result.usage.inputTokens).toBe(50);
    expect(result.usage.outputTokens).toBe(10);
    expect(result.finalStep.response.id).toBe('gen-1791600100-LeNiEnTlEnIeNtLeNiEn');
    expect(result.finalStep.providerMetadata?.openrouter).toMatchObject({
      provider: 'xAI',
      generationId: 'gen-1791600100-LeNiEnTlEnIeNtLeNiEn',
    });
    check(result);
  });

  it('a response with all of these deviations at once still succeeds', async () => {
    const body = billed();
    for (const [, tweak] of cases) tweak(body);
    const result = await run(body);

    expect(result.text).toBe('Still billed.');
    expect(result.toolCalls[0]).toMatchObject({
      toolCallId: 'call_lenient_1',
      toolName: 'lookup',
      input: { q: 'x' },
    });
    expect(result.usage).toMatchObject({
      inputTokens: 50,
      inputTokenDetails: { noCacheTokens: 50, cacheReadTokens: undefined },
      outputTokens: 10,
      outputTokenDetails: { textTokens: 10, reasoningTokens: undefined },
      totalTokens: 60,
    });
    expect(result.finalStep.providerMetadata?.openrouter?.usage).toEqual({
      promptTokens: 50,
      completionTokens: 10,
      totalTokens: 60,
      isByok: false,
      promptTokensDetails: { cacheWriteTokens: 0, audioTokens: 0, videoTokens: 0 },
      completionTokensDetails: {},
      costDetails: {
        upstreamInferenceCost: 0.000225,
        upstreamInferencePromptCost: 0.000125,
        upstreamInferenceCompletionsCost: 0.0001,
      },
    });
  });
});

describe('structured output (Output.object)', () => {
  const forecastSchema = z.object({ city: z.string(), days: z.number().int() });

  it('sends a strict json_schema response_format and parses the object', async () => {
    fx.emulator.setHandler(demoAgentHandler());
    const result = await generateText({
      model: fx.model(),
      output: Output.object({
        schema: forecastSchema,
        name: 'forecast',
        description: 'A weather forecast request',
      }),
      prompt: 'Forecast for Berlin, 3 days',
    });

    expect(result.output).toEqual({ city: 'Berlin', days: 3 });
    expect(result.text).toBe('{"city":"Berlin","days":3}');
    const [body] = fx.chatBodies();
    expect(body?.response_format).toEqual({
      type: 'json_schema',
      json_schema: {
        name: 'forecast',
        description: 'A weather forecast request',
        schema: expect.objectContaining({
          type: 'object',
          properties: {
            city: { type: 'string' },
            days: expect.objectContaining({ type: 'integer' }),
          },
          required: ['city', 'days'],
          additionalProperties: false,
        }),
        strict: true,
      },
    });
  });

  it('names the schema "response" when Output.object has no name, also when streaming', async () => {
    fx.emulator.setHandler(demoAgentHandler());
    const generated = await generateText({
      model: fx.model(),
      output: Output.object({ schema: forecastSchema }),
      prompt: 'Forecast for Oslo, 5 days',
    });
    expect(generated.output).toEqual({ city: 'Oslo', days: 5 });

    const streamed = streamText({
      model: fx.model(),
      output: Output.object({ schema: forecastSchema }),
      prompt: 'Forecast for Lima, 2 days',
    });
    const partials = await convertReadableStreamToArray(streamed.partialOutputStream);
    expect(partials.at(-1)).toEqual({ city: 'Lima', days: 2 });
    expect(await streamed.output).toEqual({ city: 'Lima', days: 2 });

    const formats = fx.chatBodies().map((body) => body.response_format);
    expect(formats).toHaveLength(2);
    for (const format of formats) {
      expect(format).toMatchObject({
        type: 'json_schema',
        json_schema: { name: 'response', strict: true },
      });
    }
  });
});
