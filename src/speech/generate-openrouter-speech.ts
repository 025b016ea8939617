import type { SpeechModelV4CallOptions, SpeechModelV4Result } from '@ai-sdk/provider';
import type { OpenRouterModelConfig } from '../shared/openrouter-config';
import { openRouterBinaryResponseHandler } from '../shared/openrouter-response-handlers';
import { buildOpenRouterResponseMetadata } from '../shared/openrouter-response-metadata';
import { callOpenRouterJson } from '../shared/post-openrouter-json';
import { buildOpenRouterSpeechRequest } from './build-openrouter-speech-request';
import type { OpenRouterSpeechSettings } from './openrouter-speech-options';

/**
 * One `generateSpeech` call: the request built from the call options, `POST /audio/speech`, and
 * the result. The answer is the audio itself, mp3 or raw pcm, read with each byte copied at most
 * once; its `Content-Type` (`audio/mpeg`, `audio/pcm`) reaches the AI SDK with the response
 * headers, which is where `generateSpeech` takes the media type from when the bytes do not show
 * it. The generation id comes in the `X-Generation-Id` header; the response carries no usage
 * (the cost is available afterwards from `openrouter.generation(id)`).
 */
export async function generateOpenRouterSpeech(call: {
  modelId: string;
  settings: OpenRouterSpeechSettings;
  config: OpenRouterModelConfig;
  options: SpeechModelV4CallOptions;
}): Promise<SpeechModelV4Result> {
  const timestamp = new Date();
  const {
    value: audio,
    responseHeaders,
    body,
    warnings,
  } = await callOpenRouterJson({
    ...call,
    path: '/audio/speech',
    build: buildOpenRouterSpeechRequest,
    successfulResponseHandler: openRouterBinaryResponseHandler,
  });
  return {
    audio,
    warnings,
    request: { body },
    response: { timestamp, modelId: call.modelId, headers: responseHeaders },
    providerMetadata: { openrouter: buildOpenRouterResponseMetadata({ responseHeaders }) },
  };
}
