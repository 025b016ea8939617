import {
  InvalidArgumentError,
  type LanguageModelV4FilePart,
  type LanguageModelV4Prompt,
  type SharedV4ProviderOptions,
  type SharedV4Warning,
} from '@ai-sdk/provider';
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
import {
  AUDIO_BASE64,
  captureError,
  convert,
  convertAssistant,
  data,
  file,
  PDF_BASE64,
  PNG_BASE64,
  PNG_BYTES,
  toolResult,
  url,
} from '../../../helpers/prompt';

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

  it('counts tool definitions first: their breakpoints go before any message one', () => {
    const tools = [
      { type: 'function', function: { name: 'a' }, cache_control: CC },
      { type: 'function', function: { name: 'b' } },
      { type: 'openrouter:web_search' },
    ];
    const messages: OpenRouterChatMessage[] = [user('x', 'y', 'z', 'w')];
    const warnings: SharedV4Warning[] = [];
    limitCacheBreakpoints(messages, warnings, undefined, tools);
    expect(tools[0]).toEqual({ type: 'function', function: { name: 'a' } });
    expect(messages).toEqual([user('x', 'y', 'z', 'w')]);
    expect(warnings).toHaveLength(1);

    const fewer = [{ type: 'function', function: { name: 'a' }, cache_control: CC }];
    const moreWarnings: SharedV4Warning[] = [];
    limitCacheBreakpoints([user('x', 'y', 'z')], moreWarnings, undefined, fewer);
    expect(fewer[0]?.cache_control).toEqual(CC);
    expect(moreWarnings).toEqual([]);
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

describe('prompt caching: placement', () => {
  const CC = { type: 'ephemeral' } as const;
  const CC_1H = { type: 'ephemeral', ttl: '1h' } as const;
  const CC_5M = { type: 'ephemeral', ttl: '5m' } as const;
  /** `providerOptions` setting cache control under `openrouter.cacheControl`. */
  const cached = (value: unknown): SharedV4ProviderOptions => ({
    openrouter: { cacheControl: value as SharedV4ProviderOptions[string][string] },
  });

  it('system: on its text part, TTL kept', () => {
    const { messages, warnings } = convert([
      { role: 'system', content: 'Be brief.', providerOptions: cached(CC_1H) },
    ]);
    expect(messages).toEqual([
      {
        role: 'system',
        content: [
          { type: 'text', text: 'Be brief.', cache_control: { type: 'ephemeral', ttl: '1h' } },
        ],
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('user, single text part, message-level: a one-part array carries it', () => {
    const { messages } = convert([
      { role: 'user', content: [{ type: 'text', text: 'Hi' }], providerOptions: cached(CC) },
    ]);
    expect(messages).toEqual([
      {
        role: 'user',
        content: [{ type: 'text', text: 'Hi', cache_control: { type: 'ephemeral' } }],
      },
    ]);
  });

  it('user, single text part, part-level: a one-part array carries it', () => {
    const { messages } = convert([
      {
        role: 'user',
        content: [{ type: 'text', text: 'Hi', providerOptions: cached(CC_5M) }],
      },
    ]);
    expect(messages).toEqual([
      {
        role: 'user',
        content: [{ type: 'text', text: 'Hi', cache_control: { type: 'ephemeral', ttl: '5m' } }],
      },
    ]);
  });

  it('user, message-level: only on the last content block, also when it is not text', () => {
    const { messages } = convert([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'a' },
          { type: 'text', text: 'b' },
          file(url('https://x.test/cat.png'), 'image/png'),
        ],
        providerOptions: cached(CC),
      },
    ]);
    expect(messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'a' },
          { type: 'text', text: 'b' },
          {
            type: 'image_url',
            image_url: { url: 'https://x.test/cat.png' },
            cache_control: { type: 'ephemeral' },
          },
        ],
      },
    ]);
  });

  it('user: part-level wins over message-level on the last block; others stay separate', () => {
    const { messages } = convert([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'a', providerOptions: cached(CC_5M) },
          { type: 'text', text: 'b' },
          { type: 'text', text: 'c', providerOptions: cached(CC_1H) },
        ],
        providerOptions: cached(CC),
      },
    ]);
    expect(messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'a', cache_control: { type: 'ephemeral', ttl: '5m' } },
          { type: 'text', text: 'b' },
          { type: 'text', text: 'c', cache_control: { type: 'ephemeral', ttl: '1h' } },
        ],
      },
    ]);
  });

  it.each<[string, LanguageModelV4FilePart, OpenRouterUserContentPart]>([
    [
      'image data',
      file(data(PNG_BYTES), 'image/png'),
      { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
    ],
    [
      'image URL',
      file(url('https://x.test/cat.png'), 'image/png'),
      { type: 'image_url', image_url: { url: 'https://x.test/cat.png' } },
    ],
    [
      'PDF URL (URL files used to lose their cache_control)',
      file(url('https://x.test/doc.pdf'), 'application/pdf'),
      { type: 'file', file: { file_data: 'https://x.test/doc.pdf' } },
    ],
    [
      'PDF data',
      file(data(PDF_BASE64), 'application/pdf', { filename: 'a.pdf' }),
      {
        type: 'file',
        file: { filename: 'a.pdf', file_data: `data:application/pdf;base64,${PDF_BASE64}` },
      },
    ],
    [
      'audio data',
      file(data(AUDIO_BASE64), 'audio/wav'),
      { type: 'input_audio', input_audio: { data: AUDIO_BASE64, format: 'wav' } },
    ],
    [
      'video URL',
      file(url('https://x.test/v.mp4'), 'video/mp4'),
      { type: 'video_url', video_url: { url: 'https://x.test/v.mp4' } },
    ],
    [
      'file reference',
      file({ type: 'reference', reference: { openrouter: 'file-1' } }, 'application/pdf'),
      { type: 'file', file: { file_id: 'file-1' } },
    ],
    [
      'inline text document',
      file({ type: 'text', text: 'notes' }, 'text/plain'),
      { type: 'text', text: 'notes' },
    ],
  ])('user, part-level on a file (%s): on its own block', (_, part, expected) => {
    const { messages, warnings } = convert([
      {
        role: 'user',
        content: [
          { ...part, providerOptions: cached(CC_1H) },
          { type: 'text', text: 'after' },
        ],
      },
    ]);
    expect(messages).toEqual([
      {
        role: 'user',
        content: [
          { ...expected, cache_control: { type: 'ephemeral', ttl: '1h' } },
          { type: 'text', text: 'after' },
        ],
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('keeps the other part options of a cached file (detail, filename)', () => {
    const { messages } = convert([
      {
        role: 'user',
        content: [
          file(url('https://x.test/cat.png'), 'image/png', {
            providerOptions: { openrouter: { imageDetail: 'low', cacheControl: CC } },
          }),
          file(url('https://x.test/doc.pdf'), 'application/pdf', {
            providerOptions: { openrouter: { filename: 'doc.pdf', cache_control: CC } },
          }),
        ],
      },
    ]);
    expect(messages[0]?.content).toEqual([
      {
        type: 'image_url',
        image_url: { url: 'https://x.test/cat.png', detail: 'low' },
        cache_control: { type: 'ephemeral' },
      },
      {
        type: 'file',
        file: { filename: 'doc.pdf', file_data: 'https://x.test/doc.pdf' },
        cache_control: { type: 'ephemeral' },
      },
    ]);
  });

  it('never puts a breakpoint on an empty text block (Anthropic rejects it)', () => {
    const { messages, warnings } = convert([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'question' },
          { type: 'text', text: '', providerOptions: cached(CC_1H) },
        ],
        providerOptions: cached(CC),
      },
      { role: 'user', content: [{ type: 'text', text: '' }], providerOptions: cached(CC) },
    ]);
    expect(messages).toEqual([
      {
        role: 'user',
        content: [
          // Message-level moves to the last block that can carry it.
          { type: 'text', text: 'question', cache_control: { type: 'ephemeral' } },
          { type: 'text', text: '' },
        ],
      },
      { role: 'user', content: '' },
    ]);
    expect(warnings).toEqual([
      { type: 'other', message: expect.stringContaining('prompt[0].content[1]') },
      { type: 'other', message: expect.stringContaining('prompt[1]:') },
    ]);
  });

  it('assistant, message-level: text sent as one text block carrying it', () => {
    const { message, warnings } = convertAssistant(
      [
        { type: 'text', text: 'Hello ' },
        { type: 'text', text: 'there' },
      ],
      cached(CC_1H),
    );
    expect(message).toEqual({
      role: 'assistant',
      content: [
        { type: 'text', text: 'Hello there', cache_control: { type: 'ephemeral', ttl: '1h' } },
      ],
    });
    expect(warnings).toEqual([]);
  });

  it('assistant, part-level: its block ends at that part; message-level on the last block', () => {
    const { message } = convertAssistant(
      [
        { type: 'text', text: 'a' },
        { type: 'text', text: 'b', providerOptions: cached(CC_5M) },
        { type: 'tool-call', toolCallId: 'c1', toolName: 't', input: {} },
        { type: 'text', text: 'c' },
        { type: 'text', text: 'd' },
      ],
      cached(CC_1H),
    );
    expect(message).toEqual({
      role: 'assistant',
      content: [
        { type: 'text', text: 'ab', cache_control: { type: 'ephemeral', ttl: '5m' } },
        { type: 'text', text: 'cd', cache_control: { type: 'ephemeral', ttl: '1h' } },
      ],
      tool_calls: [{ id: 'c1', type: 'function', function: { name: 't', arguments: '{}' } }],
    });
  });

  it('assistant: a part-level breakpoint on the last text part wins over message-level', () => {
    const { message } = convertAssistant(
      [{ type: 'text', text: 'a', providerOptions: cached(CC_5M) }],
      cached(CC_1H),
    );
    expect(message.content).toEqual([
      { type: 'text', text: 'a', cache_control: { type: 'ephemeral', ttl: '5m' } },
    ]);
  });

  it('assistant with text and a tool call: on the text block, tool calls unchanged', () => {
    const { message } = convertAssistant(
      [
        { type: 'text', text: 'Checking.' },
        { type: 'tool-call', toolCallId: 'c1', toolName: 'weather', input: { city: 'Oslo' } },
      ],
      cached(CC),
    );
    expect(message).toEqual({
      role: 'assistant',
      content: [{ type: 'text', text: 'Checking.', cache_control: { type: 'ephemeral' } }],
      tool_calls: [
        { id: 'c1', type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } },
      ],
    });
  });

  it('assistant without text: on the message root, content stays null', () => {
    const { message, warnings } = convertAssistant(
      [{ type: 'tool-call', toolCallId: 'c1', toolName: 't', input: { a: 1 } }],
      cached(CC_1H),
    );
    expect(message).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'c1', type: 'function', function: { name: 't', arguments: '{"a":1}' } }],
      cache_control: { type: 'ephemeral', ttl: '1h' },
    });
    expect(warnings).toEqual([]);
  });

  it('assistant: ignores part-level cache control on a tool call, with a warning', () => {
    const { message, warnings } = convertAssistant([
      { type: 'text', text: 'x' },
      {
        type: 'tool-call',
        toolCallId: 'c1',
        toolName: 't',
        input: {},
        providerOptions: cached(CC),
      },
    ]);
    expect(message).toEqual({
      role: 'assistant',
      content: 'x',
      tool_calls: [{ id: 'c1', type: 'function', function: { name: 't', arguments: '{}' } }],
    });
    expect(warnings).toEqual([
      { type: 'other', message: expect.stringContaining('prompt[0].content[1]') },
    ]);
  });

  it('tool, part-level: string content becomes one text block carrying it', () => {
    const { messages } = convert([
      {
        role: 'tool',
        content: [toolResult({ type: 'json', value: { b: 2, a: 1 } }, cached(CC))],
      },
    ]);
    expect(messages).toEqual([
      {
        role: 'tool',
        tool_call_id: 'c1',
        content: [{ type: 'text', text: '{"b":2,"a":1}', cache_control: { type: 'ephemeral' } }],
      },
    ]);
  });

  it('tool: output-level options win over the tool-result part', () => {
    const { messages } = convert([
      {
        role: 'tool',
        content: [
          toolResult(
            { type: 'text', value: 'sunny', providerOptions: cached(CC_1H) },
            cached(CC_5M),
          ),
        ],
      },
    ]);
    expect(messages[0]?.content).toEqual([
      { type: 'text', text: 'sunny', cache_control: { type: 'ephemeral', ttl: '1h' } },
    ]);
  });

  it('tool, message-level: on the last tool message only, unless its result has its own', () => {
    const results = (last?: SharedV4ProviderOptions) =>
      convert([
        {
          role: 'tool',
          content: [
            toolResult({ type: 'text', value: '1' }),
            {
              type: 'tool-result',
              toolCallId: 'c2',
              toolName: 't',
              output: { type: 'text', value: '2' },
              ...(last ? { providerOptions: last } : {}),
            },
          ],
          providerOptions: cached(CC),
        },
      ]).messages;
    expect(results()).toEqual([
      { role: 'tool', tool_call_id: 'c1', content: '1' },
      {
        role: 'tool',
        tool_call_id: 'c2',
        content: [{ type: 'text', text: '2', cache_control: { type: 'ephemeral' } }],
      },
    ]);
    expect(results(cached(CC_1H))[1]?.content).toEqual([
      { type: 'text', text: '2', cache_control: { type: 'ephemeral', ttl: '1h' } },
    ]);
  });

  it('tool, content output: item-level on the item, result-level on the last block', () => {
    const { messages, warnings } = convert([
      {
        role: 'tool',
        content: [
          toolResult(
            {
              type: 'content',
              value: [
                {
                  type: 'file',
                  data: url('https://x.test/chart.png'),
                  mediaType: 'image/png',
                  providerOptions: cached(CC_1H),
                },
                { type: 'text', text: 'caption' },
              ],
            },
            cached(CC),
          ),
        ],
      },
    ]);
    expect(messages).toEqual([
      {
        role: 'tool',
        tool_call_id: 'c1',
        content: [
          {
            type: 'image_url',
            image_url: { url: 'https://x.test/chart.png' },
            cache_control: { type: 'ephemeral', ttl: '1h' },
          },
          { type: 'text', text: 'caption', cache_control: { type: 'ephemeral' } },
        ],
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('tool: warns instead of caching an empty result or a message without results', () => {
    const { messages, warnings } = convert([
      {
        role: 'tool',
        content: [toolResult({ type: 'text', value: '' }, cached(CC))],
      },
      {
        role: 'tool',
        content: [{ type: 'tool-approval-response', approvalId: 'a1', approved: true }],
        providerOptions: cached(CC),
      },
    ]);
    expect(messages).toEqual([{ role: 'tool', tool_call_id: 'c1', content: '' }]);
    expect(warnings).toEqual([
      { type: 'other', message: expect.stringContaining('prompt[0].content[0]') },
      {
        type: 'other',
        message: expect.stringContaining('prompt[1]: the message sends no tool result'),
      },
    ]);
  });

  it('sends no cache_control anywhere when none is set', () => {
    const { messages } = convert([
      { role: 'system', content: 's' },
      { role: 'user', content: [{ type: 'text', text: 'u' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'a' }] },
    ]);
    expect(JSON.stringify(messages)).not.toContain('cache_control');
    expect(messages[2]).toEqual({ role: 'assistant', content: 'a' });
  });
});

describe('prompt caching: keys, precedence and validation', () => {
  const userWith = (providerOptions: SharedV4ProviderOptions) =>
    convert([{ role: 'user', content: [{ type: 'text', text: 'x' }], providerOptions }]).messages[0]
      ?.content;

  it.each([
    ['openrouter', 'cacheControl'],
    ['openrouter', 'cache_control'],
    ['anthropic', 'cacheControl'],
    ['anthropic', 'cache_control'],
  ])('reads %s.%s', (provider, key) => {
    expect(userWith({ [provider]: { [key]: { type: 'ephemeral', ttl: '1h' } } })).toEqual([
      { type: 'text', text: 'x', cache_control: { type: 'ephemeral', ttl: '1h' } },
    ]);
  });

  it('openrouter wins over anthropic; cacheControl over cache_control; null counts as absent', () => {
    expect(
      userWith({
        anthropic: { cacheControl: { type: 'ephemeral', ttl: '5m' } },
        openrouter: { cache_control: { type: 'ephemeral', ttl: '1h' } },
      }),
    ).toEqual([{ type: 'text', text: 'x', cache_control: { type: 'ephemeral', ttl: '1h' } }]);
    expect(
      userWith({
        openrouter: {
          cache_control: { type: 'ephemeral', ttl: '5m' },
          cacheControl: { type: 'ephemeral' },
        },
      }),
    ).toEqual([{ type: 'text', text: 'x', cache_control: { type: 'ephemeral' } }]);
    expect(
      userWith({
        openrouter: { cacheControl: null },
        anthropic: { cache_control: { type: 'ephemeral', ttl: '5m' } },
      }),
    ).toEqual([{ type: 'text', text: 'x', cache_control: { type: 'ephemeral', ttl: '5m' } }]);
  });

  it('sends only type and ttl', () => {
    expect(userWith({ openrouter: { cacheControl: { type: 'ephemeral', extra: 1 } } })).toEqual([
      { type: 'text', text: 'x', cache_control: { type: 'ephemeral' } },
    ]);
  });

  it.each([
    [{ type: 'persistent' }],
    [{ type: 'ephemeral', ttl: '10m' }],
    [{ ttl: '1h' }],
    ['ephemeral'],
    [true],
    [[{ type: 'ephemeral' }]],
  ])('throws InvalidArgumentError naming where an invalid value %j was', (value) => {
    const error = captureError(() =>
      convert([
        { role: 'system', content: 's' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'a' },
            { type: 'text', text: 'b', providerOptions: { anthropic: { cacheControl: value } } },
          ],
        },
      ]),
    );
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe(
      'prompt[1].content[1].providerOptions.anthropic.cacheControl',
    );
    expect((error as Error).message).toContain(JSON.stringify(value));
  });

  it('names message-level and tool-result output locations', () => {
    const bad = { openrouter: { cache_control: { type: 'persistent' } } };
    const argumentOf = (prompt: LanguageModelV4Prompt) =>
      (captureError(() => convert(prompt)) as InvalidArgumentError).argument;
    expect(argumentOf([{ role: 'system', content: 's', providerOptions: bad }])).toBe(
      'prompt[0].providerOptions.openrouter.cache_control',
    );
    expect(
      argumentOf([
        {
          role: 'tool',
          content: [toolResult({ type: 'text', value: 'v', providerOptions: bad })],
        },
      ]),
    ).toBe('prompt[0].content[0].output.providerOptions.openrouter.cache_control');
    expect(
      argumentOf([
        {
          role: 'tool',
          content: [
            toolResult({
              type: 'content',
              value: [{ type: 'text', text: 'v', providerOptions: bad }],
            }),
          ],
        },
      ]),
    ).toBe('prompt[0].content[0].output.value[0].providerOptions.openrouter.cache_control');
  });
});

describe('prompt caching: the four-breakpoint limit', () => {
  const CC = { type: 'ephemeral' } as const;
  const cachedUser = (text: string): LanguageModelV4Prompt[number] => ({
    role: 'user',
    content: [{ type: 'text', text }],
    providerOptions: { openrouter: { cacheControl: CC } },
  });

  it('keeps the last four of six breakpoints and warns once with the number dropped', () => {
    const { messages, warnings } = convert([
      { role: 'system', content: 's', providerOptions: { anthropic: { cacheControl: CC } } },
      cachedUser('u1'),
      {
        role: 'assistant',
        content: [{ type: 'tool-call', toolCallId: 'c1', toolName: 't', input: {} }],
        providerOptions: { openrouter: { cacheControl: CC } },
      },
      {
        role: 'tool',
        content: [toolResult({ type: 'text', value: 'r' }, { openrouter: { cacheControl: CC } })],
      },
      cachedUser('u2'),
      {
        role: 'user',
        content: [
          { type: 'text', text: 'u3a' },
          { type: 'text', text: 'u3b', providerOptions: { openrouter: { cacheControl: CC } } },
        ],
      },
    ]);
    expect(messages).toEqual([
      { role: 'system', content: [{ type: 'text', text: 's' }] },
      { role: 'user', content: [{ type: 'text', text: 'u1' }] },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'c1', type: 'function', function: { name: 't', arguments: '{}' } }],
        cache_control: { type: 'ephemeral' },
      },
      {
        role: 'tool',
        tool_call_id: 'c1',
        content: [{ type: 'text', text: 'r', cache_control: { type: 'ephemeral' } }],
      },
      {
        role: 'user',
        content: [{ type: 'text', text: 'u2', cache_control: { type: 'ephemeral' } }],
      },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'u3a' },
          { type: 'text', text: 'u3b', cache_control: { type: 'ephemeral' } },
        ],
      },
    ]);
    expect(warnings).toEqual([
      {
        type: 'other',
        message:
          'The prompt sets 6 cache breakpoints (cache_control), but Anthropic allows at most 4 per request. Removed the first 2 and kept the last 4, which cache the longest prompt prefixes.',
      },
    ]);
  });

  it('removes a message-root breakpoint like any other', () => {
    const { messages, warnings } = convert([
      {
        role: 'assistant',
        content: [{ type: 'tool-call', toolCallId: 'c1', toolName: 't', input: {} }],
        providerOptions: { openrouter: { cacheControl: CC } },
      },
      cachedUser('1'),
      cachedUser('2'),
      cachedUser('3'),
      cachedUser('4'),
    ]);
    expect(messages[0]).not.toHaveProperty('cache_control');
    expect(JSON.stringify(messages).match(/cache_control/g)).toHaveLength(4);
    expect(warnings).toHaveLength(1);
  });

  it('leaves exactly four breakpoints alone, without a warning', () => {
    const { messages, warnings } = convert([
      cachedUser('1'),
      cachedUser('2'),
      cachedUser('3'),
      cachedUser('4'),
    ]);
    expect(JSON.stringify(messages).match(/cache_control/g)).toHaveLength(4);
    expect(warnings).toEqual([]);
  });
});
