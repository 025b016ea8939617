import { InvalidArgumentError } from '@ai-sdk/provider';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildOpenRouterUrl,
  decisionsBaseURLOf,
  normalizeOpenRouterBaseURL,
} from '../../../src/shared/openrouter-url';

describe('normalizeOpenRouterBaseURL', () => {
  it('trims, drops trailing slashes and keeps the query', () => {
    expect(normalizeOpenRouterBaseURL(' https://openrouter.ai/api/v1/ ', 'baseURL')).toBe(
      'https://openrouter.ai/api/v1',
    );
    expect(normalizeOpenRouterBaseURL('http://127.0.0.1:8080/v1?team=a', 'baseURL')).toBe(
      'http://127.0.0.1:8080/v1?team=a',
    );
    expect(normalizeOpenRouterBaseURL('https://gw.example', 'baseURL')).toBe('https://gw.example');
  });

  it.each([
    [undefined, /got undefined/],
    [42, /got the number 42/],
    ['', /got ""/],
    ['api/v1', /not an absolute URL/],
    ['/api/openrouter', /a path works only in a browser page/],
    ['//openrouter.ai/api/v1', /not an absolute URL/],
    ['file:///etc/passwd', /scheme "file:"/],
    ['https://gw.example/v1#x', /fragment/],
    ['https://gw.example/v1#', /fragment/],
    ['https://key@gw.example/v1', /credentials/],
  ])('rejects %j, naming the source', (value, message) => {
    let error: unknown;
    try {
      normalizeOpenRouterBaseURL(value, 'OPENROUTER_BASE_URL');
    } catch (caught) {
      error = caught;
    }
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe('OPENROUTER_BASE_URL');
    expect((error as Error).message).toMatch(message);
  });
});

describe('normalizeOpenRouterBaseURL in a browser page', () => {
  const global = globalThis as { location?: unknown };
  beforeEach(() => {
    global.location = { href: 'https://app.example/chat/42?x=1' };
  });
  afterEach(() => {
    delete global.location;
  });

  it('resolves a path from the root against the page (the browser-safe proxy route)', () => {
    expect(normalizeOpenRouterBaseURL('/api/openrouter/', 'baseURL')).toBe(
      'https://app.example/api/openrouter',
    );
  });

  it('still rejects a host without a scheme and a protocol-relative URL', () => {
    expect(() => normalizeOpenRouterBaseURL('openrouter.ai/api/v1', 'baseURL')).toThrow(
      /not an absolute URL/,
    );
    expect(() => normalizeOpenRouterBaseURL('//openrouter.ai/api/v1', 'baseURL')).toThrow(
      /not an absolute URL/,
    );
  });
});

describe('buildOpenRouterUrl', () => {
  it('appends the path, then the request query', () => {
    expect(buildOpenRouterUrl('https://openrouter.ai/api/v1', '/chat/completions')).toBe(
      'https://openrouter.ai/api/v1/chat/completions',
    );
    expect(
      buildOpenRouterUrl('https://openrouter.ai/api/v1', '/models', new URLSearchParams('q=a b')),
    ).toBe('https://openrouter.ai/api/v1/models?q=a+b');
  });

  it("keeps the base URL's query after the path, as written, before the request query", () => {
    expect(buildOpenRouterUrl('https://gw.example/v1?team=a', '/chat/completions')).toBe(
      'https://gw.example/v1/chat/completions?team=a',
    );
    expect(
      buildOpenRouterUrl(
        'https://gw.example/v1/?tag=x%20y',
        '/generation',
        new URLSearchParams({ id: 'gen-1' }),
      ),
    ).toBe('https://gw.example/v1/generation?tag=x%20y&id=gen-1');
    expect(buildOpenRouterUrl('https://gw.example/v1?', '/models', new URLSearchParams())).toBe(
      'https://gw.example/v1/models',
    );
  });
});

describe('decisionsBaseURLOf', () => {
  it.each([
    ['https://openrouter.ai/api/v1', 'https://openrouter.ai/api/alpha'],
    ['http://127.0.0.1:4010/api/v1', 'http://127.0.0.1:4010/api/alpha'],
    // The origin, whatever the path: OpenRouter serves the Decisions API at /api/alpha.
    ['https://gateway.example/prefix/api/v1', 'https://gateway.example/api/alpha'],
    ['https://gw.example/v1?team=a', 'https://gw.example/api/alpha?team=a'],
  ])('%s -> %s', (baseURL, expected) => {
    expect(decisionsBaseURLOf(baseURL)).toBe(expected);
  });
});
