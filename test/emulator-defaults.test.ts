/**
 * The emulator's defaults (`startOpenRouterEmulator()` without a handler, and the
 * `ai-sdk-openrouter-emulator` command): the demo agent, the scenarios chosen by model id, the
 * platform API over the default catalog, and non-retryable errors that say what to configure.
 */
import { spawn } from 'node:child_process';
import {
  APICallError,
  embed,
  generateImage,
  generateSpeech,
  generateText,
  experimental_generateVideo as generateVideo,
  isStepCount,
  Output,
  rerank,
  streamText,
  transcribe,
} from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createOpenRouter } from '../src/index.js';
import {
  CHAT_SCENARIO_MODELS,
  type OpenRouterEmulator,
  SCENARIO_ANSWER,
  startOpenRouterEmulator,
} from '../src/testing/index.js';
import { rejectionOf, weatherTools } from './integration/support.js';

let emulator: OpenRouterEmulator;
beforeAll(async () => {
  emulator = await startOpenRouterEmulator();
});
afterAll(() => emulator.close());

const provider = () => createOpenRouter({ apiKey: 'sk-or-test', baseURL: emulator.baseURL });
const requestsSince = (start: number) => emulator.requests.slice(start);

describe('startOpenRouterEmulator() without a handler', () => {
  it('plays the demo agent for any ordinary model id, streaming at a readable pace', async () => {
    const executed: string[] = [];
    const result = streamText({
      model: provider()('openai/gpt-4o-mini'),
      prompt: 'What is the weather in Rome, in Fahrenheit?',
      tools: weatherTools(executed),
      stopWhen: isStepCount(5),
    });
    const started = Date.now();
    let textDeltas = 0;
    let reasoning = '';
    for await (const part of result.stream) {
      if (part.type === 'text-delta') textDeltas++;
      if (part.type === 'reasoning-delta') reasoning += part.text;
    }
    expect(executed).toEqual(['getWeather:Rome', 'convertTemperature:24']);
    expect(reasoning).toContain('I should call getWeather first.');
    expect(await result.text).toContain('getWeather returned');
    expect(textDeltas).toBeGreaterThan(3);
    expect(Date.now() - started).toBeGreaterThan(100);
  });

  it('answers structured output with an object of the schema', async () => {
    const { output } = await generateText({
      model: provider()('openai/gpt-4o'),
      prompt: 'A city: Lisbon',
      output: Output.object({ schema: z.object({ city: z.string(), rank: z.number() }) }),
    });
    expect(output).toEqual({ city: 'Lisbon', rank: 21 });
  });

  it('emulator/echo answers with the header names and the body it received', async () => {
    const { text } = await generateText({ model: provider()('emulator/echo'), prompt: 'Echo me' });
    const echoed = JSON.parse(text) as { headers: string[]; body: { messages: unknown[] } };
    expect(echoed.headers).toContain('authorization');
    expect(text).not.toContain('sk-or-test');
    expect(echoed.body.messages).toEqual([{ role: 'user', content: 'Echo me' }]);
  });

  it('emulator/error/<status> answers that status; a 400 is not retried, a 429 is', async () => {
    const start = emulator.requests.length;
    const badRequest = await rejectionOf(
      generateText({ model: provider()('emulator/error/400'), prompt: 'Hi', maxRetries: 2 }),
    );
    expect(APICallError.isInstance(badRequest) && badRequest.statusCode).toBe(400);
    expect(requestsSince(start)).toHaveLength(1);
    const rateLimited = await rejectionOf(
      generateText({ model: provider()('emulator/error/429'), prompt: 'Hi', maxRetries: 1 }),
    );
    expect(String(rateLimited)).toContain('Rate limit exceeded');
    expect(requestsSince(start)).toHaveLength(3);
  });

  it('emulator/mid-stream-error ends the stream with an error after some text', async () => {
    const errors: unknown[] = [];
    const result = streamText({
      model: provider()('emulator/mid-stream-error'),
      prompt: 'Hi',
      onError: ({ error }) => void errors.push(error),
    });
    await result.consumeStream();
    expect(await result.text).toContain('This answer is cut');
    expect(String(errors[0])).toContain('Provider disconnected unexpectedly');
  });

  it('emulator/hang streams a delta and then waits until the client aborts', async () => {
    const controller = new AbortController();
    const result = streamText({
      model: provider()('emulator/hang'),
      prompt: 'Hi',
      abortSignal: controller.signal,
    });
    let text = '';
    for await (const delta of result.textStream) {
      text += delta;
      controller.abort();
    }
    expect(text).toBe('Waiting');
    await expect(emulator.requests.at(-1)!.closed).resolves.toEqual({ closedEarly: true });
  });

  it("emulator/reasoning/<family> plays that family's tool loop", async () => {
    const result = await generateText({
      model: provider()('emulator/reasoning/anthropic'),
      prompt: 'What is the weather in Paris, in Fahrenheit?',
      tools: weatherTools(),
      stopWhen: isStepCount(5),
    });
    expect(result.text).toBe(SCENARIO_ANSWER);
    expect(result.steps).toHaveLength(3);
    expect(result.steps[0]?.reasoningText).toBeTruthy();
  });

  it('serves the catalog with every scenario id, the key, credits and any generation', async () => {
    const openrouter = provider();
    const ids = (await openrouter.models.list()).map((model) => model.id);
    expect(ids).toEqual(
      expect.arrayContaining(['openai/gpt-4o-mini', ...Object.keys(CHAT_SCENARIO_MODELS)]),
    );
    expect((await openrouter.models.get('emulator/slow'))?.description).toContain('120 ms');
    expect(await openrouter.key()).toMatchObject({ label: expect.any(String) });
    expect(await openrouter.credits()).toMatchObject({ total_credits: expect.any(Number) });
    expect(await openrouter.generation('gen-123-abc')).toMatchObject({ id: 'gen-123-abc' });
  });

  it('requires a key for the key, credits and generations, unless started with requireAuth: false', async () => {
    // A custom base URL needs no key, so the provider sends these without Authorization.
    const keyless = createOpenRouter({ baseURL: emulator.baseURL });
    const refused = await rejectionOf(keyless.key());
    expect(APICallError.isInstance(refused) && refused.statusCode).toBe(401);
    expect(APICallError.isInstance(await rejectionOf(keyless.generation('gen-1-a')))).toBe(true);

    const open = await startOpenRouterEmulator({ requireAuth: false });
    try {
      const api = createOpenRouter({ baseURL: open.baseURL });
      expect(await api.key()).toMatchObject({ label: expect.any(String) });
      expect(await api.credits()).toMatchObject({ total_credits: expect.any(Number) });
      expect(await api.generation('gen-1-a')).toMatchObject({ id: 'gen-1-a' });
      expect(open.requests.every((request) => request.headers.authorization === undefined)).toBe(
        true,
      );
    } finally {
      await open.close();
    }
  });

  it('answers an unknown emulator/ id and an unserved route with non-retryable errors', async () => {
    const start = emulator.requests.length;
    const unknown = await rejectionOf(
      generateText({ model: provider()('emulator/nope'), prompt: 'Hi' }),
    );
    expect(String(unknown)).toContain('emulator/nope is not a scenario');
    const unserved = await fetch(`${emulator.baseURL}/responses`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-or-test', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(unserved.status).toBe(404);
    expect(await unserved.text()).toContain('Enqueue a response or set a handler');
    expect(requestsSince(start)).toHaveLength(2);
  });

  it('after reset() nothing is scripted: one request, a 404 that says what to configure', async () => {
    const own = await startOpenRouterEmulator();
    try {
      own.reset();
      const error = await rejectionOf(
        generateText({
          model: createOpenRouter({ apiKey: 'sk-or-test', baseURL: own.baseURL })('openai/gpt-4o'),
          prompt: 'Hi',
        }),
      );
      expect(APICallError.isInstance(error) && error.statusCode).toBe(404);
      expect(String(error)).toContain('setHandler');
      expect(own.requests).toHaveLength(1);
    } finally {
      await own.close();
    }
  });
});

describe('the ai-sdk-openrouter-emulator command', () => {
  const cli = new URL('../src/testing/cli.ts', import.meta.url).pathname;
  const run = (args: string[]) =>
    spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  it('prints its base URL, serves the defaults, and stops on SIGTERM', async () => {
    const child = run(['--port', '0', '--host', '127.0.0.1']);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const baseURL = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /listening at (http:\/\/\S+\/api\/v1)/.exec(out);
        if (match?.[1]) resolve(match[1]);
      });
      child.on('exit', () => reject(new Error(`exited early: ${out}`)));
    });
    try {
      const { text } = await generateText({
        model: createOpenRouter({ apiKey: 'sk-or-test', baseURL })('openai/gpt-4o'),
        prompt: 'Hello there',
      });
      expect(text).toContain('demo agent');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('rejects unknown options with usage and exit code 2', async () => {
    const child = run(['--bogus']);
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain('unknown option --bogus');
    expect(err).toContain('Usage: ai-sdk-openrouter-emulator');
  });
});

describe('the defaults serve every model kind', () => {
  it('answers embed, rerank, generateImage, generateSpeech, transcribe, completion and video', async () => {
    const emulator = await startOpenRouterEmulator();
    try {
      const openrouter = createOpenRouter({ apiKey: 'sk-or-test', baseURL: emulator.baseURL });
      const { embedding } = await embed({
        model: openrouter.embeddingModel('openai/text-embedding-3-small'),
        value: 'hello',
      });
      expect(embedding.length).toBeGreaterThan(0);
      const { ranking } = await rerank({
        model: openrouter.rerankingModel('cohere/rerank-v3.5'),
        query: 'weather',
        documents: ['sunny in Paris', 'a recipe'],
      });
      expect(ranking).toHaveLength(2);
      const { image } = await generateImage({
        model: openrouter.imageModel('google/gemini-2.5-flash-image'),
        prompt: 'a red square',
      });
      expect(image.mediaType).toBe('image/png');
      const { audio } = await generateSpeech({
        model: openrouter.speechModel('openai/gpt-4o-mini-tts'),
        text: 'Hello',
      });
      expect(audio.uint8Array.length).toBeGreaterThan(0);
      const { text } = await transcribe({
        model: openrouter.transcriptionModel('openai/whisper-1'),
        audio: audio.uint8Array,
      });
      expect(text.length).toBeGreaterThan(0);
      const completion = await generateText({
        model: openrouter.completion('openai/gpt-3.5-turbo-instruct'),
        prompt: 'Hello',
      });
      expect(completion.text).toContain('emulator');
      const { video } = await generateVideo({
        model: openrouter.videoModel('google/veo-3.1'),
        prompt: 'a wave',
        poll: { intervalMs: 10, timeoutMs: 10_000 },
      });
      expect(video.uint8Array.length).toBeGreaterThan(0);
    } finally {
      await emulator.close();
    }
  });
});
