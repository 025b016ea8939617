import { describe, expect, it } from 'vitest';
import {
  boundJsonDepth,
  MAX_JSON_DEPTH,
  mayNestDeeperThan,
  OMITTED_DEPTH,
} from '../../../src/shared/bound-json-depth';

/** `depth` nested arrays around `leaf`. */
function nested(depth: number, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

function depthOf(value: unknown): number {
  let depth = 0;
  while (Array.isArray(value)) {
    depth++;
    value = value[0];
  }
  return depth;
}

describe('boundJsonDepth', () => {
  it('returns the same object when nothing is too deep', () => {
    const value = { a: [{ b: 'c' }], d: nested(MAX_JSON_DEPTH - 1) };
    const result = boundJsonDepth(value);
    expect(result.truncated).toBe(false);
    expect(result.value).toBe(value);
  });

  it('replaces the levels beyond the limit, copying only the path to them', () => {
    const sibling = { kept: true };
    const value = { sibling, deep: nested(MAX_JSON_DEPTH + 5) };
    const result = boundJsonDepth(value);
    expect(result.truncated).toBe(true);
    expect(result.value).not.toBe(value);
    expect(result.value.sibling).toBe(sibling);
    // The root object is level 1: `deep` keeps MAX - 1 array levels, then the summary.
    expect(depthOf(result.value.deep)).toBe(MAX_JSON_DEPTH - 1);
    expect(JSON.stringify(result.value)).toContain(OMITTED_DEPTH);
    // The original is untouched.
    expect(depthOf(value.deep)).toBe(MAX_JSON_DEPTH + 5);
  });

  it('handles a value far deeper than JSON.stringify can', () => {
    const DEPTH = 100_000;
    const value = JSON.parse(`{"a":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`);
    expect(() => JSON.stringify(value)).toThrow(RangeError);
    const result = boundJsonDepth(value);
    expect(result.truncated).toBe(true);
    expect(() => JSON.stringify(result.value)).not.toThrow();
  });

  it('keeps an own "__proto__" key as data, without touching the prototype', () => {
    const value = JSON.parse(`{"__proto__":{"x":${JSON.stringify(nested(MAX_JSON_DEPTH))}}}`);
    const result = boundJsonDepth(value);
    expect(result.truncated).toBe(true);
    expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
    expect(Object.keys(result.value)).toEqual(['__proto__']);
    expect(({} as { x?: unknown }).x).toBeUndefined();
  });
});

describe('mayNestDeeperThan (the cheap check that lets most events skip the depth walk)', () => {
  it('is false when the text has at most `limit` opening brackets', () => {
    expect(mayNestDeeperThan('{"a":[1,{"b":2}]}', 3)).toBe(false);
    expect(mayNestDeeperThan(`${'['.repeat(64)}${']'.repeat(64)}`, 64)).toBe(false);
  });

  it('is true beyond `limit`, counting braces and brackets together', () => {
    expect(mayNestDeeperThan('{"a":[1,{"b":2}]}', 2)).toBe(true);
    expect(mayNestDeeperThan(`${'{"a":'.repeat(33)}${'['.repeat(32)}1`, 64)).toBe(true);
  });

  it('counts brackets inside strings too (only ever more, never fewer)', () => {
    expect(mayNestDeeperThan(JSON.stringify({ content: '{'.repeat(70) }), 64)).toBe(true);
  });
});
