import { InvalidArgumentError, type SharedV4Warning } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import {
  canCarryCacheControl,
  getCacheControl,
  limitCacheBreakpoints,
  MAX_CACHE_BREAKPOINTS,
  setLastBlockCacheControl,
  setPartCacheControl,
} from '../../../../src/chat/prompt/openrouter-cache-control';
import type {
  OpenRouterChatMessage,
  OpenRouterUserContentPart,
} from '../../../../src/chat/prompt/openrouter-chat-prompt';

describe('getCacheControl', () => {
  it('is undefined without provider options or without a cache key', () => {
    expect(getCacheControl(undefined, 'p')).toBeUndefined();
    expect(getCacheControl({}, 'p')).toBeUndefined();
    expect(getCacheControl({ openrouter: { imageDetail: 'low' } }, 'p')).toBeUndefined();
    expect(getCacheControl({ openai: { cacheControl: { type: 'ephemeral' } } }, 'p')).toBe(
      undefined,
    );
  });

  it('follows openrouter.cacheControl > openrouter.cache_control > anthropic.cacheControl > anthropic.cache_control', () => {
    const all = {
      openrouter: { cacheControl: { type: 'ephemeral', ttl: '1h' } },
      anthropic: { cacheControl: { type: 'ephemeral' } },
    };
    expect(getCacheControl(all, 'p')).toEqual({ type: 'ephemeral', ttl: '1h' });
    expect(
      getCacheControl(
        {
          anthropic: {
            cache_control: { type: 'ephemeral', ttl: '1h' },
            cacheControl: { type: 'ephemeral', ttl: '5m' },
          },
        },
        'p',
      ),
    ).toEqual({ type: 'ephemeral', ttl: '5m' });
  });

  it('does not validate a lower-precedence key that is not used', () => {
    expect(
      getCacheControl(
        {
          openrouter: { cacheControl: { type: 'ephemeral' } },
          anthropic: { cacheControl: { type: 'persistent' } },
        },
        'p',
      ),
    ).toEqual({ type: 'ephemeral' });
  });

  it('returns a fresh object: the wire value does not alias the options', () => {
    const options = { type: 'ephemeral', ttl: '5m' };
    const result = getCacheControl({ openrouter: { cacheControl: options } }, 'p');
    expect(result).toEqual(options);
    expect(result).not.toBe(options);
  });

  it('throws InvalidArgumentError with the full option path as argument', () => {
    let error: unknown;
    try {
      getCacheControl({ anthropic: { cache_control: { type: 'persistent' } } }, 'prompt[4]');
    } catch (caught) {
      error = caught;
    }
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      argument: 'prompt[4].providerOptions.anthropic.cache_control',
      message: expect.stringContaining(`{"type":"persistent"}`),
    });
  });
});

describe('block placement helpers', () => {
  const CC = { type: 'ephemeral' } as const;

  it('only empty text blocks cannot carry a breakpoint', () => {
    expect(canCarryCacheControl({ type: 'text', text: '' })).toBe(false);
    expect(canCarryCacheControl({ type: 'text', text: ' ' })).toBe(true);
    expect(
      canCarryCacheControl({ type: 'image_url', image_url: { url: 'https://x.test/a' } }),
    ).toBe(true);
  });

  it('setPartCacheControl warns for an empty text block instead of setting it', () => {
    const warnings: SharedV4Warning[] = [];
    const empty: OpenRouterUserContentPart = { type: 'text', text: '' };
    setPartCacheControl(empty, CC, 'prompt[0].content[2]', warnings);
    expect(empty).toEqual({ type: 'text', text: '' });
    expect(warnings).toEqual([
      { type: 'other', message: expect.stringContaining('prompt[0].content[2]') },
    ]);
  });

  it('setLastBlockCacheControl skips empty text, keeps an existing breakpoint, reports failure', () => {
    const blocks: OpenRouterUserContentPart[] = [
      { type: 'text', text: 'a' },
      { type: 'text', text: 'b', cache_control: { type: 'ephemeral', ttl: '1h' } },
      { type: 'text', text: '' },
    ];
    expect(setLastBlockCacheControl(blocks, CC)).toBe(true);
    expect(blocks).toEqual([
      { type: 'text', text: 'a' },
      { type: 'text', text: 'b', cache_control: { type: 'ephemeral', ttl: '1h' } },
      { type: 'text', text: '' },
    ]);
    expect(setLastBlockCacheControl([], CC)).toBe(false);
    expect(setLastBlockCacheControl([{ type: 'text', text: '' }], CC)).toBe(false);
    expect(setLastBlockCacheControl([], undefined)).toBe(true);
  });
});

describe('limitCacheBreakpoints', () => {
  const CC = { type: 'ephemeral' } as const;
  const user = (...texts: string[]): OpenRouterChatMessage => ({
    role: 'user',
    content: texts.map((text) => ({ type: 'text', text, cache_control: CC })),
  });

  it("is Anthropic's limit of four", () => {
    expect(MAX_CACHE_BREAKPOINTS).toBe(4);
  });

  it('removes the earliest breakpoints in request order, blocks before a message root', () => {
    const messages: OpenRouterChatMessage[] = [
      user('a', 'b'),
      { role: 'assistant', content: null, cache_control: CC },
      user('c'),
    ];
    const warnings: SharedV4Warning[] = [];
    limitCacheBreakpoints(messages, warnings, 2);
    expect(messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'a' },
          { type: 'text', text: 'b' },
        ],
      },
      { role: 'assistant', content: null, cache_control: CC },
      user('c'),
    ]);
    expect(warnings).toEqual([
      {
        type: 'other',
        message:
          'The prompt sets 4 cache breakpoints (cache_control), but Anthropic allows at most 2 per request. Removed the first 2 and kept the last 2, which cache the longest prompt prefixes.',
      },
    ]);
  });

  it('ignores string content and messages without breakpoints', () => {
    const messages: OpenRouterChatMessage[] = [
      { role: 'user', content: 'plain' },
      { role: 'assistant', content: 'plain' },
      user('1', '2', '3', '4'),
    ];
    const warnings: SharedV4Warning[] = [];
    limitCacheBreakpoints(messages, warnings);
    expect(messages[2]).toEqual(user('1', '2', '3', '4'));
    expect(warnings).toEqual([]);
  });
});
