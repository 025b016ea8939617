import { describe, expect, it } from 'vitest';
import {
  Base64VectorError,
  decodeBase64Float32,
} from '../../../src/embedding/decode-base64-float32';

/** Little-endian float32 bytes of `values`, base64, built by hand (no shared code with the decoder). */
function encode(values: number[]): string {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  values.forEach((value, i) => {
    view.setFloat32(i * 4, value, true);
  });
  let binary = '';
  for (const byte of new Uint8Array(view.buffer)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

describe('decodeBase64Float32', () => {
  it('decodes little-endian float32 values (a known byte pattern)', () => {
    // 1.0 = 00 00 80 3f, -2.5 = 00 00 20 c0 (little-endian).
    const base64 = btoa(String.fromCharCode(0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x20, 0xc0));
    expect(decodeBase64Float32(base64)).toEqual([1, -2.5]);
  });

  it('returns exactly the float32 values that were encoded, as a plain array', () => {
    const values = [0.0023064255, -0.009327292, 0.015797347, 0, -0, 3.4e38, 1e-45];
    const decoded = decodeBase64Float32(encode(values));
    expect(Array.isArray(decoded)).toBe(true);
    expect(decoded).toEqual(values.map(Math.fround));
  });

  it('handles every padding length (1, 2 and 3 values)', () => {
    for (const values of [[0.5], [0.5, 0.25], [0.5, 0.25, -1]]) {
      expect(decodeBase64Float32(encode(values))).toEqual(values);
    }
  });

  it('accepts the URL-safe alphabet and missing padding', () => {
    const values = [-1.2345678e-7, 65504.5, -0.000123];
    const standard = encode(values);
    expect(standard).toMatch(/[+/]/);
    const urlSafe = standard.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(decodeBase64Float32(urlSafe)).toEqual(values.map(Math.fround));
  });

  it('decodes an empty vector', () => {
    expect(decodeBase64Float32('')).toEqual([]);
  });

  it('rejects bytes that are not a whole number of float32 values', () => {
    expect(() => decodeBase64Float32(btoa('abcde'))).toThrow(Base64VectorError);
    expect(() => decodeBase64Float32(btoa('abcde'))).toThrow(/5 bytes/);
  });

  it('rejects text that is not base64', () => {
    expect(() => decodeBase64Float32('not base64!')).toThrow(Base64VectorError);
  });
});
