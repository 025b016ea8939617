import type { SharedV4Warning } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import {
  buildOpenRouterVideoRequest,
  type OpenRouterVideoCallOptions,
} from '../../../src/video/build-openrouter-video-request';
import type { OpenRouterVideoSettings } from '../../../src/video/openrouter-video-options';

const BASE: OpenRouterVideoCallOptions = {
  prompt: 'A fox',
  n: 1,
  aspectRatio: undefined,
  resolution: undefined,
  duration: undefined,
  fps: undefined,
  seed: undefined,
  image: undefined,
  frameImages: undefined,
  inputReferences: undefined,
  generateAudio: undefined,
  providerOptions: {},
};

function build(
  call: Partial<OpenRouterVideoCallOptions> = {},
  settings: OpenRouterVideoSettings = {},
  providerExtraBody?: Record<string, unknown>,
) {
  const warnings: SharedV4Warning[] = [];
  const result = buildOpenRouterVideoRequest({
    modelId: 'google/veo-3.1',
    call: { ...BASE, ...call },
    settings,
    providerExtraBody,
    warnings,
  });
  return { ...result, warnings };
}

describe('buildOpenRouterVideoRequest', () => {
  it('sends only the model and prompt when nothing else is given', () => {
    expect(build().body).toEqual({ model: 'google/veo-3.1', prompt: 'A fox' });
    expect(build({ prompt: undefined }).body).toEqual({ model: 'google/veo-3.1' });
  });

  it('maps the call options to their wire fields (resolution WxH to size)', () => {
    const { body, warnings } = build({
      aspectRatio: '9:16',
      resolution: '720x1280',
      duration: 6,
      seed: 3,
      generateAudio: false,
      webhookUrl: 'https://hooks.example.com/a',
    });
    expect(body).toEqual({
      model: 'google/veo-3.1',
      prompt: 'A fox',
      aspect_ratio: '9:16',
      size: '720x1280',
      duration: 6,
      seed: 3,
      generate_audio: false,
      callback_url: 'https://hooks.example.com/a',
    });
    expect(warnings).toEqual([]);
  });

  it('lets call options beat settings and providerOptions beat both; extraBody sits in between', () => {
    const { body } = build(
      { duration: 8, providerOptions: { openrouter: { seed: 9 } }, seed: 1 },
      { duration: 4, generateAudio: true, extraBody: { seed: 5, watermark: true } },
      { watermark: false, seed: 2 },
    );
    expect(body).toMatchObject({ duration: 8, generate_audio: true, watermark: true, seed: 9 });
  });

  it('does not let an absent call option erase a settings default', () => {
    expect(build({}, { aspectRatio: '1:1' }).body.aspect_ratio).toBe('1:1');
  });

  it('uses the image as the first frame unless a first_frame is among the frame images', () => {
    const image = { type: 'url' as const, url: 'https://i/a.png' };
    const last = { type: 'url' as const, url: 'https://i/z.png' };
    expect(
      build({ image, frameImages: [{ image: last, frameType: 'last_frame' }] }).body.frame_images,
    ).toEqual([
      { type: 'image_url', image_url: { url: 'https://i/a.png' }, frame_type: 'first_frame' },
      { type: 'image_url', image_url: { url: 'https://i/z.png' }, frame_type: 'last_frame' },
    ]);
    expect(
      build({ image, frameImages: [{ image, frameType: 'first_frame' }] }).body.frame_images,
    ).toHaveLength(1);
  });

  it('turns file data (bytes or base64) into data URLs', () => {
    const bytes = {
      type: 'file' as const,
      mediaType: 'image/png',
      data: new Uint8Array([1, 2, 3]),
    };
    const base64 = { type: 'file' as const, mediaType: 'image/jpeg', data: 'AAEC' };
    const { body } = build({ inputReferences: [bytes, base64] });
    expect(body.input_references).toEqual([
      { type: 'image_url', image_url: { url: 'data:image/png;base64,AQID' } },
      { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,AAEC' } },
    ]);
  });

  it('skips a reference that is neither image, video nor audio, with a warning', () => {
    const { body, warnings } = build({
      inputReferences: [{ type: 'url', url: 'https://d/x.pdf', mediaType: 'application/pdf' }],
    });
    expect(body).not.toHaveProperty('input_references');
    expect(warnings).toEqual([expect.objectContaining({ type: 'unsupported' })]);
  });

  it('warns about fps and about n > 1', () => {
    const { body, warnings } = build({ fps: 24, n: 2 });
    expect(body).not.toHaveProperty('fps');
    expect(warnings.map((w) => (w.type === 'unsupported' ? w.feature : w.type))).toEqual([
      'n',
      'fps',
    ]);
  });

  it('keeps provider.options slugs and parameters exactly as written', () => {
    const options = { 'google-vertex': { negativePrompt: 'x', person_generation: 'allow_adult' } };
    const { body, warnings } = build({
      providerOptions: { openrouter: { provider: { options } } },
    });
    expect(body.provider).toEqual({ options });
    expect(warnings).toEqual([]);
  });

  it('reads the timeout behaviour from settings and providerOptions, the call winning', () => {
    expect(build({}, { timeout: 1000 }).behaviour).toEqual({ timeout: 1000 });
    expect(
      build({ providerOptions: { openrouter: { timeout: { firstByteMs: 5 } } } }, { timeout: 1000 })
        .behaviour,
    ).toEqual({ timeout: { firstByteMs: 5 } });
  });
});
