import { describe, expect, it } from 'vitest';
import {
  toolCallArgumentsText,
  toolCallInput,
  unexpectedArgumentsWarning,
} from '../../../src/chat/tool-call-arguments';

describe('toolCallArgumentsText', () => {
  it('keeps a string as sent', () => {
    expect(toolCallArgumentsText('{"city":"Paris"}')).toEqual({ text: '{"city":"Paris"}' });
    expect(toolCallArgumentsText('')).toEqual({ text: '' });
  });

  it('serialises an object, keeping its key order', () => {
    expect(toolCallArgumentsText({ b: 1, a: { c: [true] } })).toEqual({
      text: '{"b":1,"a":{"c":[true]}}',
    });
  });

  it('treats absent and null arguments as none', () => {
    expect(toolCallArgumentsText(undefined)).toEqual({ text: undefined });
    expect(toolCallArgumentsText(null)).toEqual({ text: undefined });
  });

  it('serialises anything else and names what it was', () => {
    expect(toolCallArgumentsText(42)).toEqual({ text: '42', unexpected: 'a number' });
    expect(toolCallArgumentsText(false)).toEqual({ text: 'false', unexpected: 'a boolean' });
    expect(toolCallArgumentsText([1])).toEqual({ text: '[1]', unexpected: 'an array' });
  });
});

describe('toolCallInput', () => {
  it('gives {} for no or blank argument text, the text otherwise', () => {
    expect(toolCallInput(undefined)).toBe('{}');
    expect(toolCallInput('  ')).toBe('{}');
    expect(toolCallInput('{"a":1}')).toBe('{"a":1}');
  });
});

describe('unexpectedArgumentsWarning', () => {
  it('names the tool when it is known', () => {
    expect(unexpectedArgumentsWarning('lookup', 'a number').message).toMatch(
      /tool call to "lookup" as a number/,
    );
    expect(unexpectedArgumentsWarning(undefined, 'an array').message).toMatch(
      /a tool call as an array/,
    );
  });
});
