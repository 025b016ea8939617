/**
 * The binary response handler on its own, with responses built in memory: which bytes it
 * returns, that it copies them at most once, and what it throws for error bodies and broken
 * bodies. (Its behaviour over real HTTP is in openrouter-request.test.ts.)
 */
import { APICallError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { openRouterBinaryResponseHandler } from '../../../src/shared/openrouter-response-handlers';

const context = { url: 'http://127.0.0.1/api/v1/audio/speech', requestBodyValues: { model: 'm' } };

/** A response whose body delivers exactly these chunks, then ends (or errors with `failWith`). */
function responseOf(
  chunks: Uint8Array[],
  headers: Record<string, string> = { 'content-type': 'audio/mpeg' },
  failWith?: Error,
): Response {
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk) controller.enqueue(chunk);
      else if (failWith) controller.error(failWith);
      else controller.close();
    },
  });
  return new Response(body, { status: 200, headers });
}

/** What the handler rejects with for `response`. */
async function failureOf(response: Response): Promise<unknown> {
  try {
    await openRouterBinaryResponseHandler({ response, ...context });
  } catch (error) {
    return error;
  }
  throw new Error('Expected the handler to reject.');
}

describe('openRouterBinaryResponseHandler', () => {
  it('returns a body that arrives in one chunk as that very chunk (no copy)', async () => {
    const chunk = new Uint8Array([0xff, 0xfb, 0x90, 0x64, 1, 2, 3]);
    const { value, responseHeaders } = await openRouterBinaryResponseHandler({
      response: responseOf([chunk], { 'content-type': 'audio/mpeg', 'x-generation-id': 'gen-1' }),
      ...context,
    });
    expect(value).toBe(chunk);
    expect(responseHeaders).toMatchObject({
      'content-type': 'audio/mpeg',
      'x-generation-id': 'gen-1',
    });
  });

  it('joins several chunks into one buffer of exactly their bytes, in order', async () => {
    const chunks = [new Uint8Array([1, 2, 3]), new Uint8Array([4]), new Uint8Array([5, 6])];
    const { value } = await openRouterBinaryResponseHandler({
      response: responseOf(chunks),
      ...context,
    });
    expect([...value]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(value.byteLength).toBe(6);
    // One buffer of its own: none of the chunks is reused as the result.
    for (const chunk of chunks) expect(value.buffer).not.toBe(chunk.buffer);
  });

  it('throws the typed error of a JSON {error} body sent with status 200', async () => {
    const text = JSON.stringify({ error: { code: 503, message: 'No TTS provider available' } });
    const bytes = new TextEncoder().encode(text);
    const error = await failureOf(
      responseOf([bytes.subarray(0, 10), bytes.subarray(10)], {
        'content-type': 'application/json',
      }),
    );
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      statusCode: 503,
      isRetryable: true,
      message: expect.stringContaining('No TTS provider available'),
      requestBodyValues: { model: 'm' },
    });
  });

  it('returns a JSON body without an error as bytes', async () => {
    const bytes = new TextEncoder().encode('{"ok":true}');
    const { value } = await openRouterBinaryResponseHandler({
      response: responseOf([bytes], { 'content-type': 'application/json' }),
      ...context,
    });
    expect(new TextDecoder().decode(value)).toBe('{"ok":true}');
  });

  it('reports a body that breaks off as a retryable APICallError', async () => {
    const error = await failureOf(
      responseOf([new Uint8Array([1, 2])], undefined, new TypeError('terminated')),
    );
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: true, statusCode: 200 });
    expect((error as APICallError).cause).toMatchObject({ message: 'terminated' });
  });

  it('lets an abort during the read through as the abort', async () => {
    const abort = new DOMException('This operation was aborted', 'AbortError');
    const error = await failureOf(responseOf([new Uint8Array([1])], undefined, abort));
    expect(error).toBe(abort);
  });

  it('reports a missing body as an APICallError', async () => {
    const error = await failureOf(new Response(null, { status: 200 }));
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ message: 'Response body is empty' });
  });
});
