import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stableStringify } from '../../../src/shared/stable-stringify';

describe('stableStringify', () => {
  it('sorts object keys', () => {
    expect(stableStringify({ b: 1, a: 2, c: 3 })).toBe('{"a":2,"b":1,"c":3}');
  });

  it('sorts nested object keys, also inside arrays', () => {
    expect(stableStringify({ z: { y: 1, x: [{ b: 1, a: 2 }] }, a: null })).toBe(
      '{"a":null,"z":{"x":[{"a":2,"b":1}],"y":1}}',
    );
  });

  it('keeps array order', () => {
    expect(stableStringify([3, 1, 2])).toBe('[3,1,2]');
  });

  it('is independent of key insertion order', () => {
    expect(stableStringify({ a: 1, b: { c: 2, d: 3 } })).toBe(
      stableStringify({ b: { d: 3, c: 2 }, a: 1 }),
    );
  });

  it('sorts numeric-looking keys as strings, not in engine enumeration order', () => {
    expect(stableStringify({ b: 1, 10: 2, 2: 3 })).toBe('{"10":2,"2":3,"b":1}');
  });

  it('serialises primitives like JSON.stringify', () => {
    expect(stableStringify('a"b\n\u2028')).toBe(JSON.stringify('a"b\n\u2028'));
    expect(stableStringify(1.5)).toBe('1.5');
    expect(stableStringify(true)).toBe('true');
    expect(stableStringify(null)).toBe('null');
    expect(stableStringify(Number.NaN)).toBe('null');
    expect(stableStringify(Number.POSITIVE_INFINITY)).toBe('null');
    expect(stableStringify(-0)).toBe('0');
  });

  it('drops undefined, functions and symbols from objects', () => {
    expect(stableStringify({ a: undefined, b: () => 1, c: Symbol('s'), d: 1 })).toBe('{"d":1}');
  });

  it('turns undefined, functions and symbols in arrays into null', () => {
    expect(stableStringify([undefined, () => 1, Symbol('s'), 1])).toBe('[null,null,null,1]');
  });

  it('returns "null" where JSON.stringify returns undefined', () => {
    expect(stableStringify(undefined)).toBe('null');
    expect(stableStringify(() => 1)).toBe('null');
  });

  it('honours toJSON (Date) and passes the key', () => {
    const date = new Date('2024-01-02T03:04:05.000Z');
    expect(stableStringify({ when: date })).toBe('{"when":"2024-01-02T03:04:05.000Z"}');
    const keyed = { toJSON: (key: string) => ({ seenKey: key, z: 1, a: 2 }) };
    expect(stableStringify({ k: keyed })).toBe('{"k":{"a":2,"seenKey":"k","z":1}}');
  });

  it('unwraps boxed primitives', () => {
    expect(stableStringify([new Number(1), new String('s'), new Boolean(false)])).toBe(
      '[1,"s",false]',
    );
  });

  it('serialises an empty object and array', () => {
    expect(stableStringify({})).toBe('{}');
    expect(stableStringify([])).toBe('[]');
  });

  it('throws a TypeError on cycles', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => stableStringify(cyclic)).toThrow(TypeError);
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { b: 1, a: 2 };
    expect(stableStringify({ x: shared, y: [shared] })).toBe(
      '{"x":{"a":2,"b":1},"y":[{"a":2,"b":1}]}',
    );
  });

  it('throws a TypeError on BigInt, like JSON.stringify', () => {
    expect(() => stableStringify({ n: 1n })).toThrow(TypeError);
  });

  it('round-trips to the same value as JSON.stringify (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(stableStringify(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('gives equal output for objects that differ only in key order (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        expect(stableStringify(reversed)).toBe(stableStringify(object));
      }),
    );
  });
});
