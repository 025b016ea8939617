import { describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import {
  dataEnvelope,
  lenient,
  lenientList,
  openRouterReasoningDetailSchema,
  responseIdentityFields,
  toOpenRouterCacheControl,
} from '../../../src/shared/openrouter-api';

describe('lenient', () => {
  it('drops an invalid value instead of failing the object around it', () => {
    const schema = z.object({ a: lenient(z.number()), b: z.string() });
    expect(schema.parse({ a: 'x', b: 'kept' })).toEqual({ a: undefined, b: 'kept' });
    expect(schema.parse({ a: null, b: 'kept' })).toEqual({ a: null, b: 'kept' });
  });
});

describe('lenientList', () => {
  it('drops invalid elements and keeps the valid ones in order', () => {
    expect(lenientList(z.number()).parse([1, 'two', 3, null])).toEqual([1, 3]);
  });

  it('drops an invalid list unless it is required', () => {
    expect(lenientList(z.number()).parse('nope')).toBeUndefined();
    expect(lenientList(z.number()).parse(undefined)).toBeUndefined();
    expect(lenientList(z.number(), { required: true }).safeParse(undefined).success).toBe(false);
  });
});

describe('dataEnvelope', () => {
  it('requires data and passes other keys through', () => {
    const schema = dataEnvelope(z.object({ id: z.string() }));
    expect(schema.parse({ data: { id: 'x' }, extra: 1 })).toEqual({ data: { id: 'x' }, extra: 1 });
    expect(schema.safeParse({ error: {} }).success).toBe(false);
  });
});

describe('openRouterReasoningDetailSchema', () => {
  it('accepts any object with a string type, unchanged (same object, same key order)', () => {
    const detail = { signature: 's', type: 'reasoning.future', text: 't' };
    const parsed = openRouterReasoningDetailSchema.parse(detail);
    expect(parsed).toBe(detail);
    expect(Object.keys(parsed)).toEqual(['signature', 'type', 'text']);
  });

  it.each([[null], [[]], [{ text: 'no type' }], [{ type: 3 }]])('rejects %j', (value) => {
    expect(openRouterReasoningDetailSchema.safeParse(value).success).toBe(false);
  });
});

describe('toOpenRouterCacheControl', () => {
  it('keeps the TTL as given and drops unknown keys', () => {
    expect(toOpenRouterCacheControl({ type: 'ephemeral' })).toEqual({ type: 'ephemeral' });
    expect(toOpenRouterCacheControl({ type: 'ephemeral', ttl: '1h', extra: true })).toEqual({
      type: 'ephemeral',
      ttl: '1h',
    });
  });

  it.each([
    [{ type: 'persistent' }],
    [{ type: 'ephemeral', ttl: '2h' }],
    ['ephemeral'],
    [null],
    [[{ type: 'ephemeral' }]],
  ])('is undefined for %j', (value) => {
    expect(toOpenRouterCacheControl(value)).toBeUndefined();
  });
});

describe('responseIdentityFields', () => {
  const schema = z.object({ ...responseIdentityFields(), data: z.array(z.number()) }).passthrough();

  it('reads id, model and provider', () => {
    expect(
      schema.parse({ id: 'gen-1', model: 'm/x', provider: 'OpenAI', data: [1], other: true }),
    ).toEqual({ id: 'gen-1', model: 'm/x', provider: 'OpenAI', data: [1], other: true });
  });

  it('keeps the response when they are missing, null or invalid', () => {
    expect(schema.parse({ data: [1] })).toEqual({ data: [1] });
    expect(schema.parse({ id: null, model: 3, provider: {}, data: [1] })).toEqual({
      id: null,
      model: undefined,
      provider: undefined,
      data: [1],
    });
  });
});
