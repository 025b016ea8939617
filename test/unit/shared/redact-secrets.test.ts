/** The secret redaction applied to every error the request layer and the stream report. */
import { APICallError, InvalidResponseDataError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { createRedactor, secretsOfHeaders } from '../../../src/shared/redact-secrets';

const KEY = 'sk-or-v1-0123456789abcdef';
const BYOK = 'sk-ant-api03-secret"quoted';

describe('secretsOfHeaders', () => {
  it('takes the credential headers, the bearer token and each BYOK key (also JSON-escaped)', () => {
    const secrets = secretsOfHeaders({
      Authorization: `Bearer ${KEY}`,
      'X-Provider-API-Keys': JSON.stringify({ anthropic: BYOK }),
      'X-Title': 'my app',
      'x-api-key': 'proxy-key-42',
    });
    expect(secrets).toEqual(
      expect.arrayContaining([
        `Bearer ${KEY}`,
        KEY,
        BYOK,
        'sk-ant-api03-secret\\"quoted',
        'proxy-key-42',
      ]),
    );
    expect(secrets).not.toContain('my app');
    // Longest first: a key inside a longer secret is never half-replaced.
    expect(secrets.indexOf(`Bearer ${KEY}`)).toBeLessThan(secrets.indexOf(KEY));
  });

  it('ignores values too short to be keys', () => {
    expect(secretsOfHeaders({ authorization: 'Bearer abc' })).toEqual(['Bearer abc']);
    expect(secretsOfHeaders({ authorization: 'abc' })).toEqual([]);
  });
});

describe('createRedactor', () => {
  const redact = createRedactor(secretsOfHeaders({ authorization: `Bearer ${KEY}` }));

  it('replaces the secret in strings, and copies plain objects and arrays only where they change', () => {
    expect(redact(`key=${KEY}!`)).toBe('key=[REDACTED]!');
    const clean = { a: ['x'], b: { c: 1 } };
    expect(redact(clean)).toBe(clean);
    const dirty = { a: ['x', `${KEY}`], b: { c: KEY }, d: 1 };
    expect(redact(dirty)).toEqual({ a: ['x', '[REDACTED]'], b: { c: '[REDACTED]' }, d: 1 });
    expect(dirty.b.c).toBe(KEY); // the input is not modified
  });

  it('redacts an error in place, every own property and the cause chain, keeping its class', () => {
    const cause = new TypeError(`socket said ${KEY}`);
    const error = new APICallError({
      message: `Invalid key ${KEY}`,
      url: 'https://openrouter.ai/api/v1/chat/completions',
      requestBodyValues: { model: 'm' },
      statusCode: 401,
      responseHeaders: { 'x-echo': KEY },
      responseBody: JSON.stringify({ error: { message: KEY } }),
      data: { error: { message: `Bearer ${KEY}` } },
      cause,
    });
    const redacted = redact(error);
    expect(redacted).toBe(error);
    expect(APICallError.isInstance(redacted)).toBe(true);
    const everything = JSON.stringify({ ...error, message: error.message, stack: error.stack });
    expect(everything).not.toContain(KEY);
    expect(error.message).toBe('Invalid key [REDACTED]');
    expect(error.data).toEqual({ error: { message: '[REDACTED]' } });
    expect(cause.message).toBe('socket said [REDACTED]');
    expect(cause.stack).not.toContain(KEY);
  });

  it('survives cycles, and hostile depth neither hides a key nor overflows the stack', () => {
    const cyclic: Record<string, unknown> = { key: KEY };
    cyclic.self = cyclic;
    const error = new InvalidResponseDataError({ data: cyclic, message: 'x' });
    expect(JSON.stringify((redact(error) as InvalidResponseDataError).data, ['key'])).toBe(
      '{"key":"[REDACTED]"}',
    );
    const nest = (leaf: unknown) => {
      let deep = leaf;
      for (let i = 0; i < 10_000; i++) deep = { deep };
      return deep;
    };
    const deepSecret = nest(KEY);
    expect(JSON.stringify(redact({ data: deepSecret })).length).toBeLessThan(2_000);
    expect(JSON.stringify(redact({ data: deepSecret }))).toContain('[REDACTED: nested too deep]');
    const deepClean = nest('fine');
    expect(redact(deepClean)).toBe(deepClean);
  });

  it('without secrets it is the identity', () => {
    const value = { a: KEY };
    expect(createRedactor([])(value)).toBe(value);
  });
});
