import { InvalidArgumentError, type SharedV4Warning } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import {
  buildOpenRouterEmbeddingRequest,
  DEFAULT_ENCODING_FORMAT,
} from '../../../src/embedding/build-openrouter-embedding-request';
import type { OpenRouterEmbeddingSettings } from '../../../src/embedding/openrouter-embedding-options';

function build(
  call: { dimensions?: number; openrouter?: Record<string, unknown> } = {},
  settings: OpenRouterEmbeddingSettings = {},
  providerExtraBody?: Record<string, unknown>,
) {
  const warnings: SharedV4Warning[] = [];
  const result = buildOpenRouterEmbeddingRequest({
    modelId: 'openai/text-embedding-3-small',
    call: {
      values: ['a', 'b'],
      dimensions: call.dimensions,
      providerOptions: call.openrouter ? { openrouter: call.openrouter as never } : undefined,
    },
    settings,
    providerExtraBody,
    warnings,
  });
  return { ...result, warnings };
}

describe('buildOpenRouterEmbeddingRequest', () => {
  it('sends the model, the inputs and the default encoding, nothing undefined', () => {
    expect(DEFAULT_ENCODING_FORMAT).toBe('base64');
    expect(build()).toEqual({
      body: {
        model: 'openai/text-embedding-3-small',
        input: ['a', 'b'],
        encoding_format: 'base64',
      },
      behaviour: {},
      warnings: [],
    });
  });

  it('maps every documented field from either spelling to the wire', () => {
    const wire = {
      dimensions: 256,
      encoding_format: 'float',
      input_type: 'search_document',
      provider: { order: ['openai'], allow_fallbacks: false },
      user: 'user-1',
      session_id: 'session-1',
      trace: { trace_id: 't-1', customKey: 'kept as written' },
    };
    const camel = {
      dimensions: 256,
      encodingFormat: 'float',
      inputType: 'search_document',
      provider: { order: ['openai'], allowFallbacks: false },
      user: 'user-1',
      sessionId: 'session-1',
      trace: { trace_id: 't-1', customKey: 'kept as written' },
    };
    for (const options of [wire, camel]) {
      const { body, warnings } = build({ openrouter: options });
      expect(body).toEqual({ model: 'openai/text-embedding-3-small', input: ['a', 'b'], ...wire });
      expect(warnings).toEqual([]);
    }
  });

  it('orders sources: settings < call dimensions < extraBody < providerOptions', () => {
    expect(build({}, { dimensions: 64, inputType: 'search_query' }).body).toMatchObject({
      dimensions: 64,
      input_type: 'search_query',
    });
    expect(build({ dimensions: 128 }, { dimensions: 64 }).body.dimensions).toBe(128);
    expect(
      build({ dimensions: 128 }, { extraBody: { dimensions: 32, custom: 1 } }, { custom: 0 }).body,
    ).toMatchObject({ dimensions: 32, custom: 1 });
    expect(
      build({ dimensions: 128, openrouter: { dimensions: 16 } }, { extraBody: { dimensions: 32 } })
        .body.dimensions,
    ).toBe(16);
  });

  it('lets call options win over settings for behaviour (timeout)', () => {
    expect(build({ openrouter: { timeout: 900 } }, { timeout: 100 }).behaviour).toEqual({
      timeout: 900,
    });
  });

  it('warns about unknown keys and sends them; warns about reserved keys and does not', () => {
    const { body, warnings } = build({
      openrouter: { inputs: ['typo'], input: ['override'], model: 'other' },
    });
    expect(body).toMatchObject({ input: ['a', 'b'], model: 'openai/text-embedding-3-small' });
    expect(body.inputs).toEqual(['typo']);
    expect(warnings.map((warning) => (warning as { message: string }).message)).toEqual([
      expect.stringMatching(/inputs is not a known OpenRouter option; it was sent/),
      expect.stringMatching(/input was ignored: the provider sets "input" itself/),
      expect.stringMatching(/model was ignored: the provider sets "model" itself/),
    ]);
  });

  it('warns about unknown provider routing keys', () => {
    const { warnings } = build({ openrouter: { provider: { ordr: ['openai'] } } });
    expect(warnings).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/provider\.ordr is not a known/) }),
    ]);
  });

  it('rejects an invalid value before sending anything', () => {
    expect(() => build({ openrouter: { encodingFormat: 'binary' } })).toThrow(InvalidArgumentError);
    expect(() => build({}, { dimensions: 0 })).toThrow(/settings\.dimensions/);
  });

  it('reports maxEmbeddingsPerCall in call options as unsupported and does not send it', () => {
    const { body, warnings } = build({ openrouter: { maxEmbeddingsPerCall: 10 } });
    expect(body).not.toHaveProperty('maxEmbeddingsPerCall');
    expect(warnings).toEqual([
      expect.objectContaining({
        type: 'unsupported',
        feature: 'providerOptions.openrouter.maxEmbeddingsPerCall',
      }),
    ]);
    // As a model setting it shapes the calls and is not sent either.
    expect(build({}, { maxEmbeddingsPerCall: 10 }).body).not.toHaveProperty('maxEmbeddingsPerCall');
  });
});
