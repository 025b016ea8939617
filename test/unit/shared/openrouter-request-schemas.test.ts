import { describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import {
  providerPreferencesWithOptionsSchema,
  requestAttributionFields,
} from '../../../src/shared/openrouter-request-schemas';

describe('providerPreferencesWithOptionsSchema', () => {
  it('takes the routing preferences and provider-specific options keyed by provider slug', () => {
    const value = {
      order: ['azure'],
      allow_fallbacks: false,
      options: { azure: { style: 'cheerful' }, openai: { instructions: 'Speak slowly.' } },
    };
    expect(providerPreferencesWithOptionsSchema.parse(value)).toEqual(value);
  });

  it('checks the routing fields and the shape of options', () => {
    expect(providerPreferencesWithOptionsSchema.safeParse({ order: 'azure' }).success).toBe(false);
    expect(providerPreferencesWithOptionsSchema.safeParse({ options: { azure: 1 } }).success).toBe(
      false,
    );
  });
});

describe('requestAttributionFields', () => {
  const schema = z.object(requestAttributionFields).partial();

  it('are user, session_id and trace', () => {
    expect(Object.keys(requestAttributionFields)).toEqual(['user', 'session_id', 'trace']);
    const value = { user: 'u-1', session_id: 's-1', trace: { trace_id: 't', span_name: 'x' } };
    expect(schema.parse(value)).toEqual(value);
  });

  it('reject values of the wrong type', () => {
    expect(schema.safeParse({ user: 1 }).success).toBe(false);
    expect(schema.safeParse({ session_id: {} }).success).toBe(false);
    expect(schema.safeParse({ trace: 'id' }).success).toBe(false);
  });
});
