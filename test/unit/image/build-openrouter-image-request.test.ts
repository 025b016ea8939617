/** Image call options + settings + providerOptions -> the `POST /images` body and headers. */
import type { ImageModelV4CallOptions, SharedV4Warning } from '@ai-sdk/provider';
import { InvalidArgumentError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import {
  buildOpenRouterImageRequest,
  toInputReference,
} from '../../../src/image/build-openrouter-image-request';
import type { OpenRouterImageSettings } from '../../../src/image/openrouter-image-options';
import { withSessionHeader } from '../../../src/shared/post-openrouter-json';

const call = (overrides: Partial<ImageModelV4CallOptions> = {}): ImageModelV4CallOptions => ({
  prompt: 'a cat',
  n: 1,
  size: undefined,
  aspectRatio: undefined,
  seed: undefined,
  files: undefined,
  mask: undefined,
  providerOptions: {},
  ...overrides,
});

function build(
  options: Partial<ImageModelV4CallOptions> = {},
  settings: OpenRouterImageSettings = {},
  providerExtraBody?: Record<string, unknown>,
) {
  const warnings: SharedV4Warning[] = [];
  const result = buildOpenRouterImageRequest({
    modelId: 'm/x',
    call: call(options),
    settings,
    providerExtraBody,
    warnings,
  });
  return { ...result, warnings };
}

describe('buildOpenRouterImageRequest', () => {
  it('maps the call options and omits absent ones', () => {
    expect(build({ n: 3, size: '512x512', seed: 0 }).body).toEqual({
      model: 'm/x',
      prompt: 'a cat',
      n: 3,
      size: '512x512',
      seed: 0,
    });
    expect(build({ aspectRatio: '4:3' }).body).toEqual({
      model: 'm/x',
      prompt: 'a cat',
      n: 1,
      aspect_ratio: '4:3',
    });
  });

  it('drops the aspect ratio beside an explicit size, with a warning', () => {
    const { body, warnings } = build({ size: '1024x1024', aspectRatio: '1:1' });
    expect(body).not.toHaveProperty('aspect_ratio');
    expect(warnings).toEqual([
      expect.objectContaining({ type: 'unsupported', feature: 'aspectRatio' }),
    ]);
  });

  it('layers settings, provider extraBody, model extraBody and call options, in that order', () => {
    const { body } = build(
      { providerOptions: { openrouter: { quality: 'high', c: 'call' } } },
      { quality: 'low', background: 'opaque', extraBody: { b: 'model', c: 'model' } },
      { a: 'provider', b: 'provider', quality: 'medium' },
    );
    expect(body).toMatchObject({
      quality: 'high',
      background: 'opaque',
      a: 'provider',
      b: 'model',
      c: 'call',
    });
    expect(body).not.toHaveProperty('extra_body');
    expect(body).not.toHaveProperty('max_images_per_call');
  });

  it('never sends maxImagesPerCall, which is a setting of the model, not a body field', () => {
    const { body, warnings } = build({}, { maxImagesPerCall: 4 });
    expect(body).toEqual({ model: 'm/x', prompt: 'a cat', n: 1 });
    expect(warnings).toEqual([]);
  });

  it('puts the session in the x-session-id header, call over settings, with the call headers', () => {
    const { body, behaviour } = build(
      {
        headers: { 'x-call': '1' },
        providerOptions: { openrouter: { sessionId: 'call' } },
      },
      { session_id: 'settings' },
    );
    expect(behaviour.sessionId).toBe('call');
    // The request sends the call's headers with the session (see postOpenRouterJson).
    expect(withSessionHeader({ 'x-call': '1' }, behaviour.sessionId)).toEqual({
      'x-call': '1',
      'x-session-id': 'call',
    });
    expect(body).not.toHaveProperty('session_id');
    expect(build({ headers: { a: 'b' } }).behaviour.sessionId).toBeUndefined();
    expect(withSessionHeader({ a: 'b' }, undefined)).toEqual({ a: 'b' });
  });

  it('returns the timeout as behaviour, not in the body', () => {
    const { body, behaviour } = build({ providerOptions: { openrouter: { timeout: 5000 } } });
    expect(behaviour.timeout).toBe(5000);
    expect(body).not.toHaveProperty('timeout');
  });

  it.each([undefined, ''])('throws InvalidArgumentError for the prompt %j', (prompt) => {
    expect(() => build({ prompt })).toThrow(InvalidArgumentError);
  });

  it('warns about a mask and does not send it', () => {
    const { body, warnings } = build({
      files: [{ type: 'url', url: 'https://example.com/a.png' }],
      mask: { type: 'url', url: 'https://example.com/mask.png' },
    });
    expect(JSON.stringify(body)).not.toContain('mask.png');
    expect(warnings).toEqual([expect.objectContaining({ type: 'unsupported', feature: 'mask' })]);
  });

  it('sends no input_references for an empty file list', () => {
    expect(build({ files: [] }).body).not.toHaveProperty('input_references');
  });
});

describe('toInputReference', () => {
  it('keeps URLs as given', () => {
    expect(toInputReference({ type: 'url', url: 'https://example.com/a.jpg?x=1' })).toEqual({
      type: 'image_url',
      image_url: { url: 'https://example.com/a.jpg?x=1' },
    });
  });

  it('turns bytes and base64 into data URLs with the media type', () => {
    expect(
      toInputReference({ type: 'file', mediaType: 'image/jpeg', data: new Uint8Array([1, 2, 3]) }),
    ).toEqual({ type: 'image_url', image_url: { url: 'data:image/jpeg;base64,AQID' } });
    expect(toInputReference({ type: 'file', mediaType: 'image/webp', data: 'AQID' })).toEqual({
      type: 'image_url',
      image_url: { url: 'data:image/webp;base64,AQID' },
    });
  });

  it('defaults an empty media type to image/png', () => {
    expect(toInputReference({ type: 'file', mediaType: '', data: 'AQID' }).image_url.url).toBe(
      'data:image/png;base64,AQID',
    );
  });
});
