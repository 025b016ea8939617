/**
 * Tool details through `generateText` / `streamText` over real HTTP: per-tool options on the wire
 * tool (`eager_input_streaming`, `cache_control`), and a streamed tool call passed on as soon as
 * its input is complete, while the rest of the response is still on its way.
 */
import { generateText, streamText, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type SseEvent, scriptedChat } from '../../src/testing/index.js';
import { chunk } from '../helpers/run-stream.js';
import { streamTextToEnd, useEmulator, weatherIn } from './support.js';

const fx = useEmulator();

describe('per-tool options', () => {
  const tools = () => ({
    getWeather: tool({
      description: 'Current weather for a city',
      inputSchema: z.object({ city: z.string() }),
      // As users of @openrouter/ai-sdk-provider write it.
      providerOptions: { openrouter: { eager_input_streaming: true } },
      execute: async ({ city }) => weatherIn(city),
    }),
    search: tool({
      description: 'Search the docs',
      inputSchema: z.object({ query: z.string() }),
      providerOptions: {
        openrouter: { eagerInputStreaming: false, cacheControl: { type: 'ephemeral' } },
      },
      execute: async () => 'nothing found',
    }),
  });

  it.each(['generateText', 'streamText'] as const)(
    'reach the wire tools through %s',
    async (mode) => {
      fx.emulator.setHandler(scriptedChat({ text: 'Sunny.' }));
      const options = { model: fx.model(), prompt: 'Weather in Paris?', tools: tools() };
      if (mode === 'generateText') await generateText(options);
      else await streamTextToEnd(options);
      const [body] = fx.chatBodies();
      expect(body?.tools).toEqual([
        {
          type: 'function',
          function: {
            name: 'getWeather',
            description: 'Current weather for a city',
            parameters: expect.objectContaining({ type: 'object' }),
          },
          eager_input_streaming: true,
        },
        {
          type: 'function',
          function: {
            name: 'search',
            description: 'Search the docs',
            parameters: expect.objectContaining({ type: 'object' }),
          },
          eager_input_streaming: false,
          cache_control: { type: 'ephemeral' },
        },
      ]);
    },
  );
});

describe('tool input is available as soon as it is complete', () => {
  /** The answer's tail after the tool call: what a slow model still streams. */
  const TAIL_MS = 600;

  function slowTailAfterToolCall(): SseEvent[] {
    const call = (delta: Record<string, unknown>) => ({ data: chunk({ tool_calls: [delta] }) });
    return [
      { data: chunk({ role: 'assistant', content: '' }) },
      call({
        index: 0,
        id: 'call_1',
        type: 'function',
        function: { name: 'getWeather', arguments: '' },
      }),
      call({ index: 0, function: { arguments: '{"city":' } }),
      call({ index: 0, function: { arguments: '"Paris"}' } }),
      // The model keeps going (more text, then the finish and usage) after the call.
      { delayMs: TAIL_MS },
      { data: chunk({ content: 'Checking the weather.' }) },
      { data: chunk({}, {}, { finish_reason: 'tool_calls' }) },
      {
        data: chunk(undefined, {
          usage: { prompt_tokens: 9, completion_tokens: 5, total_tokens: 14 },
        }),
      },
      { done: true },
    ];
  }

  it('streamText hands the tool its input while the rest of the response is still streaming', async () => {
    fx.emulator.enqueue({ type: 'sse', events: slowTailAfterToolCall() });
    const started = performance.now();
    const at: Record<string, number> = {};
    const since = () => performance.now() - started;
    const result = streamText({
      model: fx.model(),
      prompt: 'Weather in Paris?',
      tools: {
        getWeather: tool({
          inputSchema: z.object({ city: z.string() }),
          // What an app can start as soon as the input is whole (prefetching, a UI update).
          onInputAvailable: () => {
            at.inputAvailable = since();
          },
          execute: async ({ city }) => {
            at.execute = since();
            return weatherIn(city);
          },
        }),
      },
    });
    for await (const part of result.fullStream) {
      if (part.type === 'tool-call') at.toolCall = since();
      if (part.type === 'finish-step') at.finishStep = since();
    }
    expect(await result.toolResults).toMatchObject([
      { toolName: 'getWeather', input: { city: 'Paris' }, output: { city: 'Paris' } },
    ]);
    expect(await result.text).toBe('Checking the weather.');
    // The gain is the whole tail: the input was complete before it started.
    expect(at.finishStep! - at.toolCall!).toBeGreaterThan(TAIL_MS * 0.75);
    expect(at.finishStep! - at.inputAvailable!).toBeGreaterThan(TAIL_MS * 0.75);
    // `ai` 7 itself runs `execute` once the model call has ended (it checks the finish reason
    // first), so `execute` comes after the tail whatever the provider does.
    expect(at.execute).toBeGreaterThan(at.inputAvailable!);
  });
});
