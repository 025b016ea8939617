/**
 * `npx tsx examples/speech.ts`: text to speech with `generateSpeech`, saved as an mp3 file.
 * With OPENROUTER_API_KEY it calls the real OpenRouter API; without it, the package's OpenRouter
 * emulator on loopback (which answers with real, silent mp3 frames).
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSpeech } from 'ai';
import { createOpenRouter } from '../src/index';
import { scriptedSpeech, startOpenRouterEmulator } from '../src/testing/index';

const apiKey = process.env.OPENROUTER_API_KEY || undefined;
const emulator = apiKey ? undefined : await startOpenRouterEmulator({ handler: scriptedSpeech() });
const openrouter = createOpenRouter({
  apiKey: apiKey ?? 'sk-or-emulator-demo',
  baseURL: emulator?.baseURL,
  appName: 'ai-sdk-openrouter speech example',
});
const modelId = process.env.OPENROUTER_SPEECH_MODEL ?? 'openai/gpt-4o-mini-tts-2025-12-15';
console.log(
  emulator
    ? `No OPENROUTER_API_KEY set: using the local OpenRouter emulator at ${emulator.baseURL}`
    : `Using the OpenRouter API with ${modelId}`,
);

try {
  const { audio, warnings, providerMetadata } = await generateSpeech({
    model: openrouter.speechModel(modelId),
    text: 'Hello! This is OpenRouter speaking through the AI SDK.',
    voice: 'alloy',
    outputFormat: 'mp3',
    instructions: 'Warm and friendly.',
  });
  const file = join(tmpdir(), `ai-sdk-openrouter-speech.${audio.format}`);
  await writeFile(file, audio.uint8Array);
  console.log(`audio: ${audio.mediaType}, ${audio.uint8Array.byteLength} bytes, saved to ${file}`);
  console.log(`generation id: ${String(providerMetadata.openrouter?.generationId)}`);
  for (const warning of warnings) console.log('warning:', JSON.stringify(warning));
} finally {
  await emulator?.close();
}
