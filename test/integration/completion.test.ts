/**
 * The legacy completion model (`openrouter.completion(id)`, `POST /completions`) through
 * `generateText` and `streamText` from `ai` 7, over real HTTP to the emulator, with the request
 * bodies asserted: the prompt as text, options in both spellings, routing, usage and cost,
 * generation ids, errors, lenient parsing, abort and key hygiene.
 */
import { APICallError, UnsupportedFunctionalityError } from '@ai-sdk/provider';
import { convertReadableStreamToArray } from '@ai-sdk/provider-utils/test';
import { generateText, Output, streamText, type TextStreamPart, type ToolSet, tool } from 'ai';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { completionJson, completionStream, scriptedCompletion } from '../../src/testing/index';
import {
  asApiCallError,
  bodyAt,
  emulatorProvider,
  rejectionOf,
  requestAt,
  silenceAiWarnings,
  streamTextToEnd,
  useEmulator,
} from './support';

const ctx = useEmulator();
const MODEL = 'openai/gpt-3.5-turbo-instruct';
const completion = (settings?: Parameters<typeof ctx.openrouter.completion>[1]) =>
  ctx.openrouter.completion(MODEL, settings);

beforeAll(() => silenceAiWarnings());

describe('generateText with the completion model', () => {
  it('sends the prompt as text to /completions and maps text, usage and cost', async () => {
    ctx.emulator.setHandler(
      scriptedCompletion({
        id: 'gen-1791500300-LkJhGfDsApOiUyTrEwQz',
        text: ' there was a fox.',
        nativeFinishReason: 'stop',
        usage: { prompt_tokens: 4, completion_tokens: 6, cost: 0.0000105, is_byok: true },
      }),
    );
    const result = await generateText({
      model: completion(),
      prompt: 'Once upon a time',
      maxOutputTokens: 32,
      temperature: 0.5,
      stopSequences: ['\n\n'],
    });

    const request = requestAt(ctx.emulator);
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/completions');
    expect(request.json()).toEqual({
      model: MODEL,
      prompt: 'Once upon a time',
      max_tokens: 32,
      temperature: 0.5,
      stop: ['\n\n'],
    });
    expect(result.text).toBe(' there was a fox.');
    expect(result.finishReason).toBe('stop');
    expect(result.usage.inputTokens).toBe(4);
    expect(result.usage.outputTokens).toBe(6);
    expect(result.response.id).toBe('gen-1791500300-LkJhGfDsApOiUyTrEwQz');
    expect(result.response.modelId).toBe(MODEL);
    expect(result.warnings).toEqual([]);
    expect(result.providerMetadata?.openrouter).toMatchObject({
      provider: 'OpenAI',
      generationId: 'gen-1791500300-LkJhGfDsApOiUyTrEwQz',
      isByok: true,
      nativeFinishReason: 'stop',
      usage: { promptTokens: 4, completionTokens: 6, totalTokens: 10, cost: 0.0000105 },
    });
  });

  it('sends a conversation as a transcript with its stop sequence, and returns reasoning', async () => {
    ctx.emulator.setHandler(scriptedCompletion({ reasoning: 'Capital cities.', text: 'Paris.' }));
    const result = await generateText({
      model: completion(),
      system: 'Answer briefly.',
      messages: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello!' },
        { role: 'user', content: 'Capital of France?' },
      ],
    });
    expect(bodyAt(ctx.emulator)).toEqual({
      model: MODEL,
      prompt:
        'Answer briefly.\n\nuser:\nHi\n\nassistant:\nHello!\n\nuser:\nCapital of France?\n\nassistant:\n',
      stop: ['\nuser:'],
    });
    expect(result.reasoningText).toBe('Capital cities.');
    expect(result.text).toBe('Paris.');
  });

  it('warns about tools and JSON output, and never throws', async () => {
    // `ai` itself fails a call with toolChoice "required" that returns no tool call, so the
    // forced tool choice is covered by the request builder's unit tests.
    ctx.emulator.setHandler(scriptedCompletion({ text: 'No tools here.' }));
    const result = await generateText({
      model: completion(),
      prompt: 'Weather in Paris?',
      tools: { weather: tool({ inputSchema: z.object({ city: z.string() }) }) },
    });
    expect(result.text).toBe('No tools here.');
    const body = bodyAt(ctx.emulator);
    expect(body).not.toHaveProperty('tools');
    expect(body).not.toHaveProperty('tool_choice');
    expect(result.warnings).toEqual([
      expect.objectContaining({ type: 'unsupported', feature: 'tools' }),
    ]);

    ctx.emulator.setHandler(scriptedCompletion({ text: '{"ok":true}' }));
    const structured = await generateText({
      model: completion(),
      prompt: 'Say ok as JSON',
      output: Output.object({ schema: z.object({ ok: z.boolean() }) }),
    });
    expect(structured.output).toEqual({ ok: true });
    expect(bodyAt(ctx.emulator)).not.toHaveProperty('response_format');
    expect(structured.warnings).toEqual([
      expect.objectContaining({ type: 'unsupported', feature: 'responseFormat' }),
    ]);
  });

  it('rejects a file in the prompt before sending anything', async () => {
    const error = await rejectionOf(
      generateText({
        model: completion(),
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Describe' },
              { type: 'image', image: new URL('https://example.com/cat.png') },
            ],
          },
        ],
      }),
    );
    expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
    expect(ctx.emulator.requests).toHaveLength(0);
  });
});

describe('streamText with the completion model', () => {
  it('streams one text block, then finish with usage and metadata', async () => {
    ctx.emulator.setHandler(
      scriptedCompletion({
        id: 'gen-1791500400-StReAmStReAmStReAmSt',
        text: ['Hi', ' there', '!'],
        usage: { prompt_tokens: 3, completion_tokens: 3, cost: 0.00002 },
      }),
    );
    const result = await streamTextToEnd({ model: completion(), prompt: 'Say hi' });
    const parts = await convertReadableStreamToArray(
      result.fullStream as ReadableStream<TextStreamPart<ToolSet>>,
    );

    expect(bodyAt(ctx.emulator)).toEqual({ model: MODEL, prompt: 'Say hi', stream: true });
    const textParts = parts.filter((part) => part.type.startsWith('text-'));
    const ids = new Set(textParts.map((part) => (part as { id: string }).id));
    expect(ids.size).toBe(1);
    // Deltas that arrive in one network read are joined, so count blocks, not deltas.
    const types = textParts.map((part) => part.type);
    expect(types[0]).toBe('text-start');
    expect(types.at(-1)).toBe('text-end');
    expect(new Set(types.slice(1, -1))).toEqual(new Set(['text-delta']));
    expect(await result.text).toBe('Hi there!');
    expect(await result.finishReason).toBe('stop');
    expect((await result.usage).outputTokens).toBe(3);
    expect((await result.response).id).toBe('gen-1791500400-StReAmStReAmStReAmSt');
    expect((await result.providerMetadata)?.openrouter).toMatchObject({
      provider: 'OpenAI',
      generationId: 'gen-1791500400-StReAmStReAmStReAmSt',
      usage: { promptTokens: 3, completionTokens: 3, totalTokens: 6, cost: 0.00002 },
    });
  });

  it('streams reasoning before the text, with usage on the finish chunk', async () => {
    ctx.emulator.setHandler(
      scriptedCompletion({
        reasoning: ['Two', ' plus two.'],
        text: '4',
        usagePlacement: 'on-finish',
      }),
    );
    const result = await streamTextToEnd({ model: completion(), prompt: '2+2=' });
    expect(await result.reasoningText).toBe('Two plus two.');
    expect(await result.text).toBe('4');
    const parts = await convertReadableStreamToArray(
      result.fullStream as ReadableStream<TextStreamPart<ToolSet>>,
    );
    const order = parts
      .map((part) => part.type)
      .filter((type) => /^(reasoning|text)-(start|end)$/.test(type));
    expect(order).toEqual(['reasoning-start', 'reasoning-end', 'text-start', 'text-end']);
    expect((await result.usage).totalTokens).toBeGreaterThan(0);
  });

  it('reports a mid-stream error chunk as a typed, retryable APICallError', async () => {
    ctx.emulator.setHandler(
      scriptedCompletion({
        text: 'Par',
        midStreamError: { code: 502, message: 'Provider disconnected unexpectedly' },
      }),
    );
    const errors: unknown[] = [];
    const result = streamText({
      model: completion(),
      prompt: 'x',
      onError: ({ error }) => void errors.push(error),
    });
    await result.consumeStream();
    expect(errors).toHaveLength(1);
    const error = asApiCallError(errors[0]);
    expect(error.statusCode).toBe(502);
    expect(error.isRetryable).toBe(true);
    expect(error.message).toContain('Provider disconnected unexpectedly');
    expect(await result.finishReason).toBe('error');
  });

  it('reports a dropped connection before the finish as a retryable error', async () => {
    ctx.emulator.enqueue({
      type: 'sse',
      events: completionStream({
        text: ['Once', ' upon'],
        finishReason: null,
        usage: null,
        done: false,
      }),
      ending: 'reset',
    });
    const errors: unknown[] = [];
    const result = streamText({
      model: completion(),
      prompt: 'x',
      maxRetries: 0,
      onError: ({ error }) => void errors.push(error),
    });
    await result.consumeStream();
    expect(await result.text).toBe('Once upon');
    expect(asApiCallError(errors[0]).isRetryable).toBe(true);
    expect(await result.finishReason).toBe('error');
  });

  it('ends at once when aborted mid-stream, and closes the connection', async () => {
    ctx.emulator.enqueue({
      type: 'sse',
      events: completionStream({ text: ['Partial'], finishReason: null, usage: null, done: false }),
      ending: 'hang',
    });
    const controller = new AbortController();
    const result = streamText({
      model: completion(),
      prompt: 'x',
      abortSignal: controller.signal,
      onError: () => {},
    });
    let abortedAt = 0;
    const types: string[] = [];
    for await (const part of result.fullStream) {
      types.push(part.type);
      if (part.type === 'text-delta' && abortedAt === 0) {
        abortedAt = Date.now();
        controller.abort();
      }
    }
    expect(Date.now() - abortedAt).toBeLessThan(1_000);
    expect(types).toContain('abort');
    expect(types).not.toContain('finish');
    expect(await requestAt(ctx.emulator).closed).toEqual({ closedEarly: true });
  });
});

describe('abort of a non-streamed completion', () => {
  it('ends generateText at once while the body is still outstanding', async () => {
    ctx.emulator.enqueue({
      type: 'raw',
      headers: { 'content-type': 'application/json' },
      body: '{"id":"gen-slow",',
      ending: 'hang',
    });
    const controller = new AbortController();
    const call = generateText({ model: completion(), prompt: 'x', abortSignal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const abortedAt = Date.now();
    controller.abort();
    const error = await rejectionOf(call);
    expect(Date.now() - abortedAt).toBeLessThan(1_000);
    expect((error as Error).name).toMatch(/Abort/);
    expect(await requestAt(ctx.emulator).closed).toEqual({ closedEarly: true });
  });
});

describe('options of the completion model', () => {
  it('sends the endpoint options in both spellings, call options over settings', async () => {
    ctx.emulator.setHandler(scriptedCompletion({ text: 'ok' }));
    const result = await generateText({
      model: completion({
        suffix: '\n-- end',
        echo: false,
        user: 'user-settings',
        provider: { order: ['OpenAI'], allow_fallbacks: false },
      }),
      prompt: 'Write',
      providerOptions: {
        openrouter: {
          logitBias: { '50256': -100 },
          logprobs: 2,
          user: 'user-call',
          session_id: 'session-1',
          provider: { dataCollection: 'deny' },
          models: ['openai/gpt-3.5-turbo-instruct', 'openai/davinci-002'],
        },
      },
    });
    expect(bodyAt(ctx.emulator)).toEqual({
      model: MODEL,
      prompt: 'Write',
      suffix: '\n-- end',
      echo: false,
      user: 'user-call',
      provider: { data_collection: 'deny' },
      logit_bias: { '50256': -100 },
      logprobs: 2,
      session_id: 'session-1',
      models: ['openai/gpt-3.5-turbo-instruct', 'openai/davinci-002'],
    });
    expect(result.warnings).toEqual([]);
  });

  it('warns about an unknown key and sends it unchanged', async () => {
    ctx.emulator.setHandler(scriptedCompletion({ text: 'ok' }));
    const result = await generateText({
      model: completion(),
      prompt: 'x',
      providerOptions: { openrouter: { brandNewOption: 1, order: ['OpenAI'] } },
    });
    expect(bodyAt(ctx.emulator)).toMatchObject({ brandNewOption: 1, order: ['OpenAI'] });
    expect(result.warnings).toEqual([
      expect.objectContaining({
        type: 'other',
        message: expect.stringContaining('brandNewOption is not a known OpenRouter option'),
      }),
      expect.objectContaining({ message: expect.stringContaining('put it inside `provider`') }),
    ]);
  });

  it('rejects an invalid option value before sending anything', async () => {
    const error = await rejectionOf(
      generateText({
        model: completion(),
        prompt: 'x',
        providerOptions: { openrouter: { logprobs: 'all' } },
      }),
    );
    expect((error as Error).name).toBe('AI_InvalidArgumentError');
    expect(ctx.emulator.requests).toHaveLength(0);
  });

  it('sends the x-session-id header and attribution headers of the provider', async () => {
    ctx.emulator.setHandler(scriptedCompletion({ text: 'ok' }));
    const provider = emulatorProvider(ctx.emulator, {
      sessionId: 'conversation-7',
      appName: 'App',
    });
    await generateText({ model: provider.completion(MODEL), prompt: 'x' });
    expect(requestAt(ctx.emulator).headers).toMatchObject({
      'x-session-id': 'conversation-7',
      'x-openrouter-title': 'App',
    });
  });

  it('takes the generation id from the X-Generation-Id header when the body has none', async () => {
    const body = completionJson({ text: 'ok' });
    delete body.id;
    ctx.emulator.enqueue({ type: 'json', body, headers: { 'X-Generation-Id': 'gen-header-only' } });
    const result = await generateText({ model: completion(), prompt: 'x' });
    expect(result.response.id).toBe('gen-header-only');
    expect(result.providerMetadata?.openrouter?.generationId).toBe('gen-header-only');
  });

  it('keeps a billed completion with cost: null and unknown fields', async () => {
    ctx.emulator.setHandler(
      scriptedCompletion({
        text: 'Still billed.',
        usage: { prompt_tokens: 5, completion_tokens: 3, cost: null },
        extra: { system_fingerprint: null, future_field: { nested: true } },
      }),
    );
    const result = await generateText({ model: completion(), prompt: 'x' });
    expect(result.text).toBe('Still billed.');
    expect(result.usage.totalTokens).toBe(8);
    expect(result.providerMetadata?.openrouter?.usage).not.toHaveProperty('cost');
    expect(bodyAt(ctx.emulator).prompt).toBe('x');
  });
});

describe('errors of the completion model', () => {
  it.each([
    [429, 'Rate limit exceeded', true],
    [400, 'Invalid model', false],
    [502, 'Provider returned error', true],
  ] as const)(
    'maps HTTP %i to a typed APICallError (retryable: %s)',
    async (status, message, retryable) => {
      ctx.emulator.enqueue({ type: 'error', status, message });
      const error = asApiCallError(
        await rejectionOf(generateText({ model: completion(), prompt: 'x', maxRetries: 0 })),
      );
      expect(error.statusCode).toBe(status);
      expect(error.isRetryable).toBe(retryable);
      expect(error.message).toContain(message);
      expect(error.url).toMatch(/\/completions$/);
    },
  );

  it('maps HTTP 200 with an error body, and an error on the choice', async () => {
    ctx.emulator.enqueue({
      type: 'json',
      body: { error: { message: 'Upstream overloaded', code: 503 } },
    });
    const whole = asApiCallError(
      await rejectionOf(generateText({ model: completion(), prompt: 'x', maxRetries: 0 })),
    );
    expect(whole.statusCode).toBe(503);
    expect(whole.isRetryable).toBe(true);

    ctx.emulator.enqueue({
      type: 'json',
      body: completionJson({
        text: 'Par',
        midStreamError: { code: 502, message: 'Provider died' },
      }),
    });
    const onChoice = asApiCallError(
      await rejectionOf(generateText({ model: completion(), prompt: 'x', maxRetries: 0 })),
    );
    expect(onChoice.message).toContain('Provider died');
    expect(onChoice.isRetryable).toBe(true);
  });

  it('retries a retryable error through ai and returns the second answer', async () => {
    ctx.emulator.enqueue(
      { type: 'error', status: 429, message: 'Rate limit exceeded', retryAfter: 0 },
      { type: 'json', body: completionJson({ text: 'After the retry.' }) },
    );
    const result = await generateText({ model: completion(), prompt: 'x', maxRetries: 1 });
    expect(result.text).toBe('After the retry.');
    expect(ctx.emulator.requests).toHaveLength(2);
  });

  it('never puts the API key into an error', async () => {
    const secret = 'sk-or-v1-SECRET-completion-42';
    const provider = emulatorProvider(ctx.emulator, { apiKey: secret });
    ctx.emulator.enqueue(
      { type: 'error', status: 401, message: 'No auth credentials found' },
      {
        type: 'sse',
        events: completionStream({ text: 'x', midStreamError: { code: 500, message: 'boom' } }),
      },
    );
    const httpError = await rejectionOf(
      generateText({ model: provider.completion(MODEL), prompt: 'x', maxRetries: 0 }),
    );
    const streamErrors: unknown[] = [];
    await streamText({
      model: provider.completion(MODEL),
      prompt: 'x',
      onError: ({ error }) => void streamErrors.push(error),
    }).consumeStream();
    expect(requestAt(ctx.emulator, 0).headers.authorization).toBe(`Bearer ${secret}`);
    for (const error of [httpError, ...streamErrors]) {
      expect(APICallError.isInstance(error)).toBe(true);
      const apiError = error as APICallError;
      const dump = JSON.stringify({
        message: apiError.message,
        url: apiError.url,
        body: apiError.requestBodyValues,
        headers: apiError.responseHeaders,
        responseBody: apiError.responseBody,
        data: apiError.data,
        stack: apiError.stack,
      });
      expect(dump).not.toContain(secret);
    }
    expect(streamErrors).toHaveLength(1);
  });
});
