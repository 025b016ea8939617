/**
 * `npx tsx examples/transcription.ts [audio file]`: speech to text with `transcribe`, with
 * segment timestamps. With OPENROUTER_API_KEY it calls the real OpenRouter API (pass a recording;
 * without one it sends a short tone, which a real model transcribes as silence); without the key,
 * the package's OpenRouter emulator on loopback.
 */
import { readFile } from 'node:fs/promises';
import { transcribe } from 'ai';
import { createOpenRouter } from '../src/index';
import {
  pcmTone,
  scriptedTranscription,
  startOpenRouterEmulator,
  wavFile,
} from '../src/testing/index';

const apiKey = process.env.OPENROUTER_API_KEY || undefined;
const emulator = apiKey
  ? undefined
  : await startOpenRouterEmulator({
      handler: scriptedTranscription({ text: 'Hello! This is OpenRouter transcribing audio.' }),
    });
const openrouter = createOpenRouter({
  apiKey: apiKey ?? 'sk-or-emulator-demo',
  baseURL: emulator?.baseURL,
  appName: 'ai-sdk-openrouter transcription example',
});
const modelId = process.env.OPENROUTER_TRANSCRIPTION_MODEL ?? 'openai/whisper-1';
console.log(
  emulator
    ? `No OPENROUTER_API_KEY set: using the local OpenRouter emulator at ${emulator.baseURL}`
    : `Using the OpenRouter API with ${modelId}`,
);

const file = process.argv[2];
const audio = file ? await readFile(file) : wavFile(pcmTone({ durationMs: 2000 }));

try {
  const result = await transcribe({
    model: openrouter.transcriptionModel(modelId),
    audio,
    timestampGranularities: ['segment'],
    providerOptions: { openrouter: { temperature: 0 } },
  });
  console.log(`text: ${result.text}`);
  console.log(`language: ${result.language}, duration: ${result.durationInSeconds} s`);
  for (const segment of result.segments) {
    console.log(`  [${segment.startSecond}s - ${segment.endSecond}s] ${segment.text.trim()}`);
  }
  const usage = result.providerMetadata.openrouter?.usage as { cost?: number } | undefined;
  console.log(`cost: ${usage?.cost ?? 'not reported'}`);
  for (const warning of result.warnings) console.log('warning:', JSON.stringify(warning));
} finally {
  await emulator?.close();
}
