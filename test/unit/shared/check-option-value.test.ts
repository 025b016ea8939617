import { InvalidArgumentError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import {
  checkOptionValue,
  describeValue,
  isPlainObject,
} from '../../../src/shared/check-option-value';

function errorOf(value: unknown): InvalidArgumentError {
  try {
    checkOptionValue(value, 'opts');
  } catch (error) {
    if (InvalidArgumentError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an InvalidArgumentError');
}

describe('checkOptionValue', () => {
  it('returns an equal copy of plain JSON values', () => {
    const value = { a: [1, 'b', null, { c: true }], d: { e: 1.5 } };
    const copy = checkOptionValue(value, 'opts');
    expect(copy).toEqual(value);
    expect(copy).not.toBe(value);
  });

  it('names the path of a BigInt, a circular reference and an over-deep value', () => {
    expect(errorOf({ a: [{ b: 1n }] }).argument).toBe('opts.a[0].b');
    const circular: Record<string, unknown> = { x: {} };
    (circular.x as Record<string, unknown>).back = circular;
    const error = errorOf(circular);
    expect(error.argument).toBe('opts.x.back');
    expect(error.message).toMatch(/circular/);
    let deep: unknown = 1;
    for (let i = 0; i < 150; i++) deep = { d: deep };
    expect(errorOf(deep).message).toMatch(/more than 100 levels deep/);
  });

  it('accepts the same object twice when it is not its own ancestor', () => {
    const shared = { k: 1 };
    expect(checkOptionValue({ a: shared, b: [shared, shared] }, 'opts')).toEqual({
      a: { k: 1 },
      b: [{ k: 1 }, { k: 1 }],
    });
  });

  it('leaves out __proto__ keys at any depth and reports their paths', () => {
    const value = JSON.parse('{"__proto__":{"a":1},"b":{"__proto__":{"c":2},"d":3}}');
    const ignored: string[] = [];
    const copy = checkOptionValue(value, 'opts', (path) => ignored.push(path)) as Record<
      string,
      unknown
    >;
    expect(ignored).toEqual(['opts.__proto__', 'opts.b.__proto__']);
    expect(Object.keys(copy)).toEqual(['b']);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy).toEqual({ b: { d: 3 } });
  });

  it('passes values with their own JSON form, and class instances, on as they are', () => {
    const date = new Date(0);
    class Point {
      x = 1;
    }
    const point = new Point();
    const copy = checkOptionValue({ date, point }, 'opts') as Record<string, unknown>;
    expect(copy.date).toBe(date);
    expect(copy.point).toBe(point);
    const bad = Object.assign(new Point(), { n: 2n });
    expect(errorOf({ bad }).argument).toBe('opts.bad.n');
  });
});

describe('isPlainObject and describeValue', () => {
  it('tells plain objects from the rest', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    for (const value of [null, [], 'a', 1, new Date(), new (class {})()]) {
      expect(isPlainObject(value)).toBe(false);
    }
  });

  it('describes a value briefly', () => {
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue([1])).toBe('an array');
    expect(describeValue('x'.repeat(50))).toBe(`"${'x'.repeat(40)}…"`);
    expect(describeValue(3)).toBe('the number 3');
  });
});
