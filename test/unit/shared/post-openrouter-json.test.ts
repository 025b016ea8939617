/** The one-POST exchange of the non-chat kinds, against the emulator on loopback. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import type { OpenRouterModelConfig } from '../../../src/shared/openrouter-config';
import type { OpenRouterRequestConfig } from '../../../src/shared/openrouter-request';
import { createOpenRouterJsonResponseHandler } from '../../../src/shared/openrouter-response-handlers';
import {
  callOpenRouterJson,
  type OpenRouterRequestInput,
  postOpenRouterJson,
  withSessionHeader,
} from '../../../src/shared/post-openrouter-json';
import { type OpenRouterEmulator, startOpenRouterEmulator } from '../../../src/testing/index.js';

let emulator: OpenRouterEmulator;
beforeAll(async () => {
  emulator = await startOpenRouterEmulator();
});
beforeEach(() => emulator.reset());
afterAll(() => emulator.close());

const config = {
  baseURL: () => emulator.baseURL,
  headers: () => ({ Authorization: 'Bearer k', 'x-session-id': 'provider-session' }),
} satisfies OpenRouterRequestConfig;
const json = createOpenRouterJsonResponseHandler(z.object({ ok: z.boolean() }));

describe('postOpenRouterJson', () => {
  it('POSTs the body as JSON with the call headers, and returns the parsed answer', async () => {
    emulator.enqueue({
      type: 'json',
      body: { ok: true, extra: 1 },
      headers: { 'x-generation-id': 'gen-1' },
    });
    const response = await postOpenRouterJson({
      config,
      path: '/things',
      body: { model: 'm', input: ['a'] },
      call: { headers: { 'x-call': 'yes' } },
      behaviour: {},
      successfulResponseHandler: json,
    });
    expect(response.value).toEqual({ ok: true });
    expect(response.rawValue).toEqual({ ok: true, extra: 1 });
    expect(response.responseHeaders['x-generation-id']).toBe('gen-1');
    const request = emulator.requests[0]!;
    expect(request).toMatchObject({
      method: 'POST',
      path: '/things',
      body: { model: 'm', input: ['a'] },
    });
    expect(request.headers).toMatchObject({
      authorization: 'Bearer k',
      'x-call': 'yes',
      'x-session-id': 'provider-session',
    });
  });

  it("sends the behaviour's session id as x-session-id, over the provider's", async () => {
    emulator.enqueue({ type: 'json', body: { ok: true } });
    await postOpenRouterJson({
      config,
      path: '/things',
      body: {},
      call: {},
      behaviour: { sessionId: 'call-session' },
      successfulResponseHandler: json,
    });
    expect(emulator.requests[0]!.headers['x-session-id']).toBe('call-session');
  });

  it("applies the behaviour's timeout", async () => {
    emulator.setHandler(
      () =>
        new Promise((resolve) =>
          setTimeout(() => resolve({ type: 'json', body: { ok: true } }), 1_000),
        ),
    );
    const error = await postOpenRouterJson({
      config,
      path: '/slow',
      body: {},
      call: {},
      behaviour: { timeout: { firstByteMs: 150 } },
      successfulResponseHandler: json,
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ isRetryable: true, message: expect.stringContaining('150 ms') });
  });

  it("ends with the call's abort signal", async () => {
    emulator.setHandler(() => ({ type: 'raw', body: '', ending: 'hang' }));
    const controller = new AbortController();
    controller.abort();
    await expect(
      postOpenRouterJson({
        config,
        path: '/slow',
        body: {},
        call: { abortSignal: controller.signal },
        behaviour: {},
        successfulResponseHandler: json,
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('callOpenRouterJson', () => {
  const modelConfig = (): OpenRouterModelConfig => ({
    ...config,
    provider: 'openrouter.test',
    setupWarnings: () => [{ type: 'other', message: 'set-up' }],
    generateId: () => 'id',
    extraBody: { from_provider: true },
  });

  it('builds the request from the call, the settings and the provider extraBody, then POSTs it', async () => {
    emulator.enqueue({ type: 'json', body: { ok: true } });
    const inputs: OpenRouterRequestInput<{ headers?: Record<string, string> }, { a: number }>[] =
      [];
    const result = await callOpenRouterJson({
      modelId: 'm/x',
      settings: { a: 1 },
      config: modelConfig(),
      options: { headers: { 'x-call': 'yes' } },
      path: '/things',
      build: (input) => {
        inputs.push(input);
        input.warnings.push({ type: 'other', message: 'from the build' });
        return {
          body: { model: input.modelId, ...input.providerExtraBody },
          behaviour: { sessionId: 's-1' },
        };
      },
      successfulResponseHandler: json,
    });
    expect(inputs).toEqual([
      {
        modelId: 'm/x',
        call: { headers: { 'x-call': 'yes' } },
        settings: { a: 1 },
        providerExtraBody: { from_provider: true },
        warnings: result.warnings,
      },
    ]);
    expect(result.warnings).toEqual([
      { type: 'other', message: 'set-up' },
      { type: 'other', message: 'from the build' },
    ]);
    expect(result.value).toEqual({ ok: true });
    expect(result.body).toEqual({ model: 'm/x', from_provider: true });
    expect(result.behaviour).toEqual({ sessionId: 's-1' });
    const request = emulator.requests[0]!;
    expect(request.body).toEqual({ model: 'm/x', from_provider: true });
    expect(request.headers).toMatchObject({ 'x-call': 'yes', 'x-session-id': 's-1' });
  });

  it('sends nothing when the build throws', async () => {
    const error = new Error('invalid option');
    await expect(
      callOpenRouterJson({
        modelId: 'm/x',
        settings: {},
        config: modelConfig(),
        options: {},
        path: '/things',
        build: () => {
          throw error;
        },
        successfulResponseHandler: json,
      }),
    ).rejects.toBe(error);
    expect(emulator.requests).toHaveLength(0);
  });
});

describe('withSessionHeader', () => {
  it('adds x-session-id to the call headers, or leaves them as they are without a session', () => {
    expect(withSessionHeader({ a: 'b' }, 's')).toEqual({ a: 'b', 'x-session-id': 's' });
    expect(withSessionHeader(undefined, 's')).toEqual({ 'x-session-id': 's' });
    const headers = { a: 'b' };
    expect(withSessionHeader(headers, undefined)).toBe(headers);
    expect(withSessionHeader(undefined, undefined)).toBeUndefined();
  });
});
