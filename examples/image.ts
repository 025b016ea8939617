/**
 * `npx tsx examples/image.ts`: generates an image with `generateImage`, then edits it (the first
 * image goes back as an input image), and prints what came back: media type, size, cost and
 * generation id. With OPENROUTER_API_KEY it calls the real OpenRouter API
 * (OPENROUTER_IMAGE_MODEL, default google/gemini-2.5-flash-image); without it, it starts the
 * package's OpenRouter emulator on loopback. Set IMAGE_OUT=<dir> to save the images.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type GeneratedFile, type GenerateImageResult, generateImage } from 'ai';
import { createOpenRouter } from '../src/index';
import { scriptedImages, startOpenRouterEmulator } from '../src/testing/index';

const apiKey = process.env.OPENROUTER_API_KEY;
const emulator = apiKey ? undefined : await startOpenRouterEmulator({ handler: scriptedImages() });
const openrouter = createOpenRouter({
  apiKey: apiKey ?? 'sk-or-emulator-demo',
  baseURL: emulator?.baseURL,
  appName: 'ai-sdk-openrouter image example',
});
const modelId = process.env.OPENROUTER_IMAGE_MODEL ?? 'google/gemini-2.5-flash-image';
console.log(
  emulator
    ? `No OPENROUTER_API_KEY set: using the local OpenRouter emulator at ${emulator.baseURL}`
    : `Using the OpenRouter API with ${modelId}`,
);

try {
  const model = openrouter.imageModel(modelId);

  const generated = await generateImage({
    model,
    prompt: 'A red panda astronaut floating in space, studio lighting',
    aspectRatio: '1:1',
    providerOptions: { openrouter: { resolution: '1K' } },
  });
  await report('generated', generated);

  const edited = await generateImage({
    model,
    prompt: {
      text: 'The same scene as a watercolor painting',
      images: [generated.image.uint8Array],
    },
  });
  await report('edited', edited);
} finally {
  await emulator?.close();
}

async function report(label: string, result: GenerateImageResult): Promise<void> {
  const call = result.calls[0]?.providerMetadata?.openrouter as
    | { generationId?: string; usage?: { cost?: number } }
    | undefined;
  for (const [index, image] of result.images.entries()) {
    console.log(
      `${label}: ${mediaTypeOf(image)}, ${image.uint8Array.length} bytes` +
        ` (generation ${call?.generationId ?? 'unknown'}, cost ${call?.usage?.cost ?? 'unknown'})`,
    );
    const dir = process.env.IMAGE_OUT;
    if (dir) await writeFile(join(dir, `${label}-${index}.${extension(image)}`), image.uint8Array);
  }
  for (const warning of result.warnings) console.log(`warning: ${JSON.stringify(warning)}`);
}

/** OpenRouter's media type (also for SVG, which the AI SDK cannot sniff), else the AI SDK's. */
function mediaTypeOf(image: GeneratedFile): string {
  const reported = image.providerMetadata?.openrouter?.mediaType;
  return typeof reported === 'string' ? reported : image.mediaType;
}

function extension(image: GeneratedFile): string {
  const subtype = mediaTypeOf(image).split('/')[1] ?? 'bin';
  return subtype === 'svg+xml' ? 'svg' : subtype === 'jpeg' ? 'jpg' : subtype;
}
