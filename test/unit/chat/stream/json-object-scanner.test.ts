import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isJsonWhitespace,
  JsonObjectScanner,
} from '../../../../src/chat/stream/json-object-scanner';

/** Feeds `pieces` in order; the offset in the joined text where the object completed, or -1. */
function completionOffset(pieces: string[]): number {
  const scanner = new JsonObjectScanner();
  let offset = 0;
  for (const piece of pieces) {
    const end = scanner.push(piece);
    if (end >= 0) return offset + end;
    offset += piece.length;
  }
  return -1;
}

/** `text` cut at the given offsets. */
function cut(text: string, offsets: number[]): string[] {
  const cuts = [...new Set(offsets.filter((o) => o > 0 && o < text.length))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let start = 0;
  for (const at of cuts) {
    pieces.push(text.slice(start, at));
    start = at;
  }
  pieces.push(text.slice(start));
  return pieces;
}

describe('JsonObjectScanner', () => {
  it('completes at the closing brace of the top-level object, not at a nested one', () => {
    const nested = '{"a":{"b":[1,{"c":2}]}}';
    expect(completionOffset([nested])).toBe(nested.length);
    expect(completionOffset([`${nested} `])).toBe(nested.length);
    expect(completionOffset(['  \n{', '"a":1', '}', '  '])).toBe('  \n{"a":1}'.length);
    expect(completionOffset(['{}'])).toBe(2);
  });

  it('ignores braces, brackets and escaped quotes inside strings', () => {
    const text = '{"s":"}]\\"{[\\\\","t":"\\u007d"}';
    expect(JSON.parse(text)).toEqual({ s: '}]"{[\\', t: '}' });
    expect(completionOffset([text])).toBe(text.length);
    // Every single cut, including between a backslash and what it escapes.
    for (let at = 1; at < text.length; at++) {
      expect(completionOffset([text.slice(0, at), text.slice(at)]), `cut at ${at}`).toBe(
        text.length,
      );
    }
  });

  it('never completes on a prefix that merely parses, or on an object cut short', () => {
    expect(completionOffset(['12'])).toBe(-1);
    expect(completionOffset(['"a"'])).toBe(-1);
    expect(completionOffset(['[1,2]'])).toBe(-1);
    expect(completionOffset(['{"a":1'])).toBe(-1);
    expect(completionOffset(['{"a":"}'])).toBe(-1);
    expect(completionOffset(['{"a":[{}]'])).toBe(-1);
    // Not an object from the start: nothing later makes it one.
    expect(completionOffset(['x', '{}'])).toBe(-1);
  });

  it('reports the prefix of a fragment that completes it, and nothing after that', () => {
    const scanner = new JsonObjectScanner();
    expect(scanner.push('{"a":')).toBe(-1);
    expect(scanner.complete).toBe(false);
    expect(scanner.push('1} \n{"b":2}')).toBe(2);
    expect(scanner.complete).toBe(true);
    expect(scanner.push('}')).toBe(-1);
  });

  it('completes exactly at the end of any JSON object, however it is cut (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.array(fc.nat(), { maxLength: 20 }),
        (object, offsets) => {
          const text = JSON.stringify(object);
          expect(completionOffset(cut(text, offsets))).toBe(text.length);
          // No proper prefix completes.
          expect(completionOffset([text.slice(0, -1)])).toBe(-1);
        },
      ),
    );
  });

  it('never completes on a JSON value that is not an object (property)', () => {
    fc.assert(
      fc.property(
        fc
          .jsonValue()
          .filter((value) => value === null || typeof value !== 'object' || Array.isArray(value)),
        (value) => {
          expect(completionOffset([JSON.stringify(value)])).toBe(-1);
        },
      ),
    );
  });
});

describe('isJsonWhitespace', () => {
  it('accepts the four JSON whitespace characters only', () => {
    expect(isJsonWhitespace(' \t\r\n')).toBe(true);
    expect(isJsonWhitespace('')).toBe(true);
    expect(isJsonWhitespace('\u00a0')).toBe(false);
    expect(isJsonWhitespace(' }')).toBe(false);
  });
});
