/**
 * `npx tsx examples/video.ts`: generate a short video with `experimental_generateVideo`. With
 * OPENROUTER_API_KEY it submits a real (billed) job to OpenRouter and polls it every 10 s; without
 * it, it starts the package's OpenRouter emulator on loopback, whose job is pending for two status
 * checks and then completes. Set VIDEO_OUTPUT=clip.mp4 to save the video.
 */
import { writeFile } from 'node:fs/promises';
import { experimental_generateVideo as generateVideo } from 'ai';
import { createOpenRouter } from '../src/index';
import { scriptedVideo, startOpenRouterEmulator } from '../src/testing/index';

const apiKey = process.env.OPENROUTER_API_KEY || undefined;
const emulator = apiKey
  ? undefined
  : await startOpenRouterEmulator({ handler: scriptedVideo({ pendingPolls: 2 }) });
const openrouter = createOpenRouter({
  apiKey: apiKey ?? 'sk-or-emulator-demo',
  baseURL: emulator?.baseURL,
});
const modelId = process.env.OPENROUTER_VIDEO_MODEL ?? 'google/veo-3.1';

console.log(
  emulator
    ? `No OPENROUTER_API_KEY set: using the local OpenRouter emulator at ${emulator.baseURL}`
    : `Using the OpenRouter API with ${modelId} (a billed job)`,
);

const result = await generateVideo({
  model: openrouter.videoModel(modelId),
  prompt: 'A paper boat drifting down a rain-soaked street, close-up, soft morning light',
  aspectRatio: '16:9',
  duration: 4,
  generateAudio: false,
  // Each status check is one request; OpenRouter suggests checking every 10 to 30 seconds.
  poll: { intervalMs: emulator ? 50 : 10_000, timeoutMs: 15 * 60_000 },
});

const metadata = result.providerMetadata.openrouter ?? {};
const usage = (metadata.usage ?? {}) as { cost?: number };
console.log(`job: ${String(metadata.jobId)}, generation: ${String(metadata.generationId)}`);
console.log(`video: ${result.video.mediaType}, ${result.video.uint8Array.length} bytes`);
console.log(`cost: ${usage.cost ?? 'not reported'}`);
if (process.env.VIDEO_OUTPUT) {
  await writeFile(process.env.VIDEO_OUTPUT, result.video.uint8Array);
  console.log(`saved to ${process.env.VIDEO_OUTPUT}`);
}
await emulator?.close();
