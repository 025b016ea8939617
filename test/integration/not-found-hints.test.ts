/**
 * A 404's hint fits what was asked: a model (OpenRouter's envelope on a model route), a
 * generation id (`GET /generation`), or a route that does not exist (a base URL without
 * `/api/v1`, answered by openrouter.ai's website page, which the emulator plays).
 */
import { APICallError } from '@ai-sdk/provider';
import { embed, generateText } from 'ai';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOpenRouter } from '../../src/index';
import { rejectionOf, silenceAiWarnings, TEST_API_KEY, useEmulator } from './support';

const ctx = useEmulator();
beforeAll(silenceAiWarnings);

async function apiErrorOf(promise: PromiseLike<unknown>): Promise<APICallError> {
  const error = await rejectionOf(promise);
  const cause = (error as { lastError?: unknown }).lastError ?? error;
  expect(APICallError.isInstance(cause)).toBe(true);
  return cause as APICallError;
}

describe('404 hints', () => {
  it('a model that has no endpoints: check the model id', async () => {
    ctx.emulator.enqueue({
      type: 'error',
      status: 404,
      message: 'No endpoints found for acme/nothing.',
    });
    const error = await apiErrorOf(
      generateText({ model: ctx.model('acme/nothing'), prompt: 'hi', maxRetries: 0 }),
    );
    expect(error.statusCode).toBe(404);
    expect(error.message).toContain('No endpoints found for acme/nothing.');
    expect(error.message).toContain('Check the model id');
    expect(error.message).not.toContain('/api/v1');
  });

  it('a generation id that was not found: check the id, not the model', async () => {
    ctx.emulator.enqueue({ type: 'error', status: 404, message: 'Generation not found' });
    const error = await apiErrorOf(ctx.openrouter.generation('gen-missing'));
    expect(error.message).toContain('No generation has this id');
    expect(error.message).not.toContain('model id');
  });

  it.each([
    ['the origin alone', ''],
    ['/api without /v1', '/api'],
    ['/v1 without /api', '/v1'],
  ])('a base URL of %s: check that baseURL ends with /api/v1', async (_name, path) => {
    const origin = new URL(ctx.emulator.baseURL).origin;
    const openrouter = createOpenRouter({ apiKey: TEST_API_KEY, baseURL: `${origin}${path}` });
    const chat = await apiErrorOf(
      generateText({ model: openrouter('openai/gpt-4o'), prompt: 'hi', maxRetries: 0 }),
    );
    expect(chat.statusCode).toBe(404);
    expect(chat.message).toContain(`Nothing answers at ${origin}${path}/chat/completions`);
    expect(chat.message).toContain('check that baseURL ends with /api/v1');
    expect(chat.message).not.toContain('model id');

    const embedding = await apiErrorOf(
      embed({
        model: openrouter.embeddingModel('openai/text-embedding-3-small'),
        value: 'x',
        maxRetries: 0,
      }),
    );
    expect(embedding.message).toContain('check that baseURL ends with /api/v1');
    const key = await apiErrorOf(openrouter.key());
    expect(key.message).toContain('check that baseURL ends with /api/v1');
  });
});
