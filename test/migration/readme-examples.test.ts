/**
 * Every example of `@openrouter/ai-sdk-provider`'s README, run through this package with only
 * the import changed: the example code is kept as the README writes it (the default `openrouter`
 * instance, `createOpenRouter({ apiKey: 'your-api-key' })`), and `OPENROUTER_BASE_URL` points
 * both at the emulator, which every provider reads at call time. Each test asserts what went on
 * the wire and what the example reads from the result. Written from the README, not from the
 * incumbent's code.
 */
import {
  embed,
  embedMany,
  experimental_evaluate as evaluate,
  generateObject,
  generateText,
  streamObject,
  streamText,
} from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
// The one line that changes: `from '@openrouter/ai-sdk-provider'` becomes:
import { createOpenRouter, openrouter } from '../../src/index';
import {
  defaultHandler,
  type OpenRouterEmulator,
  scriptedChat,
  scriptedDecision,
  scriptedEmbedding,
  startOpenRouterEmulator,
} from '../../src/testing/index';

let emulator: OpenRouterEmulator;
const saved = { base: process.env.OPENROUTER_BASE_URL, key: process.env.OPENROUTER_API_KEY };

beforeAll(async () => {
  emulator = await startOpenRouterEmulator();
  process.env.OPENROUTER_BASE_URL = emulator.baseURL;
  process.env.OPENROUTER_API_KEY = 'sk-or-v1-readme';
  (globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;
});
beforeEach(() => {
  emulator.reset();
  emulator.setHandler(defaultHandler());
});
afterAll(async () => {
  restore('OPENROUTER_BASE_URL', saved.base);
  restore('OPENROUTER_API_KEY', saved.key);
  await emulator.close();
});

function restore(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

const lastRequest = () => {
  const request = emulator.requests.at(-1);
  if (!request) throw new Error('no request was sent');
  return request;
};
const lastBody = () => lastRequest().json<Record<string, unknown>>();

describe('Example', () => {
  it('generateText with openrouter("openai/gpt-4o")', async () => {
    emulator.setHandler(scriptedChat({ text: 'Layer the pasta, the ragu and the bechamel.' }));
    const { text } = await generateText({
      model: openrouter('openai/gpt-4o'),
      prompt: 'Write a vegetarian lasagna recipe for 4 people.',
    });
    expect(text).toBe('Layer the pasta, the ragu and the bechamel.');
    expect(lastRequest().headers.authorization).toBe('Bearer sk-or-v1-readme');
    expect(lastBody()).toEqual({
      model: 'openai/gpt-4o',
      messages: [{ role: 'user', content: 'Write a vegetarian lasagna recipe for 4 people.' }],
    });
  });
});

describe('Embeddings', () => {
  it('Basic Usage: embed with textEmbeddingModel', async () => {
    emulator.setHandler(scriptedEmbedding({ vectors: [[0.25, -0.5, 1]] }));
    const { embedding } = await embed({
      model: openrouter.textEmbeddingModel('openai/text-embedding-3-small'),
      value: 'sunny day at the beach',
    });
    expect(embedding).toEqual([0.25, -0.5, 1]);
    expect(lastBody()).toMatchObject({
      model: 'openai/text-embedding-3-small',
      input: ['sunny day at the beach'],
    });
  });

  it('Batch Embeddings: embedMany', async () => {
    const { embeddings } = await embedMany({
      model: openrouter.textEmbeddingModel('openai/text-embedding-3-small'),
      values: ['sunny day at the beach', 'rainy day in the city', 'snowy mountain peak'],
    });
    expect(embeddings).toHaveLength(3);
    for (const vector of embeddings) expect(vector.every(Number.isFinite)).toBe(true);
    expect(lastBody().input).toEqual([
      'sunny day at the beach',
      'rainy day in the city',
      'snowy mountain peak',
    ]);
  });
});

describe('Evaluation', () => {
  it('experimental_evaluate with openrouter.evaluationModel', async () => {
    emulator.setHandler(
      scriptedDecision({
        answers: {
          is_bug: { type: 'noul', noul: 0.93 },
          team: {
            type: 'choice',
            choice: 'payments',
            probabilities: { payments: 0.87, frontend: 0.13, account: 0 },
            confidence: 0.8,
          },
          urgency: { type: 'score', score: 2, probabilities: { '0': 0, '1': 0, '2': 1 } },
        },
        usage: { cost: 0.000018228 },
      }),
    );
    const result = await evaluate({
      model: openrouter.evaluationModel('typesafe/jev-1.13'),
      state: {
        ticket: 'My checkout page shows a blank screen after I click Pay.',
        customer_tier: 'enterprise',
      },
      questions: {
        is_bug: {
          type: 'boolean',
          instructions: 'Is the customer reporting a software defect?',
        },
        team: {
          type: 'choice',
          instructions: 'Which team should own this ticket?',
          criteria: {
            payments: 'Checkout, billing, or payment processing issues.',
            frontend: 'Rendering, layout, or browser compatibility issues.',
            account: 'Login, permissions, or profile issues.',
          },
        },
        urgency: {
          type: 'score',
          instructions: 'How urgent is this ticket?',
          criteria: [
            'Can wait for the next release',
            'Should be fixed this week',
            'Blocking revenue right now',
          ],
        },
      },
    });
    expect(result.answers.is_bug.probability).toBe(0.93);
    expect(result.answers.team.choice).toBe('payments');
    expect(result.answers.team.probabilities).toEqual({
      payments: 0.87,
      frontend: 0.13,
      account: 0,
    });
    expect(result.answers.urgency.score).toBe(2);
    expect(result.answers.urgency.probabilities).toEqual({ '0': 0, '1': 0, '2': 1 });
    expect(result.providerMetadata?.openrouter).toMatchObject({
      provider: 'TypeSafe',
      answers: { team: { confidence: 0.8 } },
      usage: { cost: 0.000018228 },
    });
    expect(lastRequest().path).toBe('/api/alpha/decisions');
    expect(lastBody().questions).toMatchObject({ is_bug: { type: 'noul' } });
  });

  it('decisionsBaseURL when the base URL is a proxy path', async () => {
    const origin = new URL(emulator.baseURL).origin;
    // The README's example, with the emulator's origin for https://proxy.example.com.
    const proxied = createOpenRouter({
      baseURL: `${origin}/openrouter`,
      decisionsBaseURL: `${origin}/api/alpha`,
    });
    await evaluate({
      model: proxied.evaluationModel('typesafe/jev-1.13'),
      state: 'x',
      questions: { ok: { type: 'boolean', instructions: 'ok?' } },
    });
    expect(lastRequest().path).toBe('/api/alpha/decisions');
  });
});

describe('Passing Extra Body to OpenRouter', () => {
  const messages = [{ role: 'user' as const, content: 'Hello' }];

  it('1. via providerOptions.openrouter', async () => {
    const openrouter = createOpenRouter({ apiKey: 'your-api-key' });
    const model = openrouter('anthropic/claude-3.7-sonnet:thinking');
    await streamText({
      model,
      messages,
      providerOptions: { openrouter: { reasoning: { max_tokens: 10 } } },
    }).consumeStream();
    expect(lastRequest().headers.authorization).toBe('Bearer your-api-key');
    expect(lastBody()).toMatchObject({
      model: 'anthropic/claude-3.7-sonnet:thinking',
      stream: true,
      reasoning: { max_tokens: 10 },
    });
  });

  it('2. via extraBody in the model settings', async () => {
    const openrouter = createOpenRouter({ apiKey: 'your-api-key' });
    const model = openrouter('anthropic/claude-3.7-sonnet:thinking', {
      extraBody: { reasoning: { max_tokens: 10 } },
    });
    await streamText({ model, messages }).consumeStream();
    expect(lastBody()).toMatchObject({ reasoning: { max_tokens: 10 } });
  });

  it('3. via extraBody in the model factory', async () => {
    const openrouter = createOpenRouter({
      apiKey: 'your-api-key',
      extraBody: { reasoning: { max_tokens: 10 } },
    });
    const model = openrouter('anthropic/claude-3.7-sonnet:thinking');
    await streamText({ model, messages }).consumeStream();
    expect(lastBody()).toMatchObject({ reasoning: { max_tokens: 10 } });
  });
});

describe('Anthropic Prompt Caching', () => {
  it('cacheControl on a content part becomes cache_control on that part', async () => {
    const openrouter = createOpenRouter({ apiKey: 'your-api-key' });
    const model = openrouter('anthropic/claude-sonnet-4.5');
    await streamText({
      model,
      // The one addition: `ai` releases after the README was written refuse system messages in
      // `messages` unless asked to (with any provider); the example is otherwise as written.
      allowSystemInMessages: true,
      messages: [
        {
          role: 'system',
          content:
            'You are a podcast summary assistant. You are detail-oriented and critical about the content.',
        },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Given the text body below:' },
            {
              type: 'text',
              text: '<LARGE BODY OF TEXT>',
              providerOptions: { openrouter: { cacheControl: { type: 'ephemeral' } } },
            },
            { type: 'text', text: 'List the speakers?' },
          ],
        },
      ],
    }).consumeStream();
    const wire = lastBody().messages as Array<{ role: string; content: unknown }>;
    expect(wire[0]?.role).toBe('system');
    expect(wire[1]).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: 'Given the text body below:' },
        { type: 'text', text: '<LARGE BODY OF TEXT>', cache_control: { type: 'ephemeral' } },
        { type: 'text', text: 'List the speakers?' },
      ],
    });
  });
});

describe('Anthropic Beta Features: fine-grained tool streaming', () => {
  const componentJson = '{"type":"div","props":{"id":"root"},"children":[]}';

  it('the anthropic-beta header from the provider settings, with streamObject', async () => {
    emulator.setHandler(scriptedChat({ text: componentJson }));
    const componentSchema: z.ZodType<unknown> = z.object({
      type: z.string(),
      props: z.record(z.string(), z.any()),
      children: z.array(z.lazy(() => componentSchema)).optional(),
    });
    const provider = createOpenRouter({
      apiKey: process.env.OPENROUTER_API_KEY,
      headers: { 'anthropic-beta': 'fine-grained-tool-streaming-2025-05-14' },
    });
    const model = provider.chat('anthropic/claude-sonnet-4');
    const result = streamObject({
      model,
      schema: componentSchema,
      prompt: 'Create a responsive dashboard layout',
    });
    const partials: unknown[] = [];
    for await (const partialComponent of result.partialObjectStream)
      partials.push(partialComponent);
    expect(await result.object).toEqual(JSON.parse(componentJson));
    expect(partials.length).toBeGreaterThan(0);
    expect(lastRequest().headers['anthropic-beta']).toBe('fine-grained-tool-streaming-2025-05-14');
    expect(lastBody()).toMatchObject({ response_format: { type: 'json_schema' } });
  });

  it('the header at the request level, with generateText', async () => {
    const provider = createOpenRouter({ apiKey: process.env.OPENROUTER_API_KEY });
    const model = provider.chat('anthropic/claude-sonnet-4');
    await generateText({
      model,
      prompt: 'Hello',
      headers: { 'anthropic-beta': 'fine-grained-tool-streaming-2025-05-14' },
    });
    expect(lastRequest().headers['anthropic-beta']).toBe('fine-grained-tool-streaming-2025-05-14');
  });
});

describe('Use Cases', () => {
  it('Response Healing for Structured Outputs: the plugin is sent, the object parsed', async () => {
    emulator.setHandler(scriptedChat({ text: '{"name":"John","age":30}' }));
    const openrouter = createOpenRouter({ apiKey: 'your-api-key' });
    const model = openrouter('openai/gpt-4o', { plugins: [{ id: 'response-healing' }] });
    const { object } = await generateObject({
      model,
      schema: z.object({ name: z.string(), age: z.number() }),
      prompt: 'Generate a person with name and age.',
    });
    expect(object).toEqual({ name: 'John', age: 30 });
    expect(lastBody()).toMatchObject({
      plugins: [{ id: 'response-healing' }],
      response_format: { type: 'json_schema', json_schema: { strict: true } },
    });
  });

  it('Debugging API Requests: debug.echo_upstream_body on a stream', async () => {
    emulator.setHandler(scriptedChat({ text: 'I am fine.' }));
    const openrouter = createOpenRouter({ apiKey: 'your-api-key' });
    const model = openrouter('anthropic/claude-3.5-sonnet', {
      debug: { echo_upstream_body: true },
    });
    const result = streamText({ model, prompt: 'Hello, how are you?' });
    const chunks: unknown[] = [];
    for await (const chunk of result.fullStream) chunks.push(chunk);
    expect(await result.text).toBe('I am fine.');
    expect(chunks.length).toBeGreaterThan(0);
    expect(lastBody()).toMatchObject({ stream: true, debug: { echo_upstream_body: true } });
  });

  it('Usage Accounting: usage.include, the standard usage and providerMetadata.openrouter.usage', async () => {
    emulator.setHandler(
      scriptedChat({
        text: 'Fine, thanks.',
        usage: {
          prompt_tokens: 12,
          completion_tokens: 20,
          total_tokens: 32,
          cost: 0.00042,
          prompt_tokens_details: { cached_tokens: 4 },
          completion_tokens_details: { reasoning_tokens: 8 },
          cost_details: {
            upstream_inference_cost: 0.0004,
            upstream_inference_prompt_cost: 0.0001,
            upstream_inference_completions_cost: 0.0003,
          },
        },
      }),
    );
    const model = openrouter('openai/gpt-3.5-turbo', { usage: { include: true } });
    const result = await generateText({ model, prompt: 'Hello, how are you today?' });
    expect(result.usage.inputTokens).toBe(12);
    expect(result.usage.inputTokenDetails.cacheReadTokens).toBe(4);
    expect(result.usage.outputTokenDetails.reasoningTokens).toBe(8);
    const usage = result.providerMetadata?.openrouter?.usage as Record<string, unknown>;
    expect(usage.cost).toBe(0.00042);
    expect(usage.totalTokens).toBe(32);
    expect(usage.costDetails).toMatchObject({ upstreamInferenceCost: 0.0004 });
    // A deliberate difference: OpenRouter always returns usage now, so `usage.include` is not
    // sent and says so in a deprecation warning (docs/migration.md).
    expect(lastBody()).not.toHaveProperty('usage');
    expect(result.warnings).toEqual([
      expect.objectContaining({ type: 'deprecated', setting: 'settings.usage' }),
    ]);
  });
});
