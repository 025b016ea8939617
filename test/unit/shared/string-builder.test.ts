import { describe, expect, it } from 'vitest';
import { StringBuilder } from '../../../src/shared/string-builder';

describe('StringBuilder', () => {
  it('keeps every piece in order across compactions', () => {
    const builder = new StringBuilder('start:');
    const pieces = Array.from({ length: 200 }, (_, index) => `${index},`);
    for (const piece of pieces) builder.append(piece);
    expect(builder.toString()).toBe(`start:${pieces.join('')}`);
    expect(builder.length).toBe(`start:${pieces.join('')}`.length);
    builder.append('end');
    expect(builder.toString().endsWith('199,end')).toBe(true);
  });
});
