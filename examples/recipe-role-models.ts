/**
 * Recipe: one model per role, from environment variables with fallbacks, the way the elizaOS
 * OpenRouter plugin reads them: `OPENROUTER_SMALL_MODEL`, else `SMALL_MODEL`, else a default; the
 * same for `LARGE`, `EMBEDDING`, `IMAGE` (describing images) and `IMAGE_GENERATION`, and
 * `OPENROUTER_EMBEDDING_DIMENSIONS`. A value may be any model reference:
 * `SMALL_MODEL=openrouter/meta-llama/llama-3.3-70b-instruct:free?temperature=0.2`.
 *
 *   SMALL_MODEL=openai/gpt-4o-mini npx tsx examples/recipe-role-models.ts
 *
 * With OPENROUTER_API_KEY it talks to the real OpenRouter API; without it, it starts the
 * package's OpenRouter emulator on loopback.
 */
import { embed, generateImage, generateText } from 'ai';
import { createOpenRouter } from '../src/index';
import { defaultHandler, startOpenRouterEmulator } from '../src/testing/index';

/** The first of the variables that is set (and not blank), else the default. */
function setting(names: string[], fallback: string): string {
  for (const name of names) {
    const value = process.env[name]?.trim();
    if (value) return value;
  }
  return fallback;
}

const apiKey = process.env.OPENROUTER_API_KEY;
const emulator = apiKey ? undefined : await startOpenRouterEmulator({ handler: defaultHandler() });
const openrouter = createOpenRouter({
  apiKey: apiKey ?? 'sk-or-emulator-demo',
  baseURL: emulator?.baseURL,
});
if (emulator) {
  console.log(
    `No OPENROUTER_API_KEY set: using the local OpenRouter emulator at ${emulator.baseURL}`,
  );
}

const dimensions = Number(
  setting(['OPENROUTER_EMBEDDING_DIMENSIONS', 'EMBEDDING_DIMENSIONS'], '0'),
);
const roles = {
  small: openrouter(setting(['OPENROUTER_SMALL_MODEL', 'SMALL_MODEL'], 'openai/gpt-4o-mini')),
  large: openrouter(
    setting(['OPENROUTER_LARGE_MODEL', 'LARGE_MODEL'], 'anthropic/claude-sonnet-4.5'),
  ),
  vision: openrouter(setting(['OPENROUTER_IMAGE_MODEL', 'IMAGE_MODEL'], 'openai/gpt-4o-mini')),
  embedding: openrouter.embeddingModel(
    setting(['OPENROUTER_EMBEDDING_MODEL', 'EMBEDDING_MODEL'], 'openai/text-embedding-3-small'),
    dimensions > 0 ? { dimensions } : {},
  ),
  image: openrouter.imageModel(
    setting(
      ['OPENROUTER_IMAGE_GENERATION_MODEL', 'IMAGE_GENERATION_MODEL'],
      'google/gemini-2.5-flash-image',
    ),
  ),
};

/** The model the emulator received last, to show what each role sent. */
const sent = () => {
  const body = emulator?.requests.at(-1)?.json<{ model?: string; temperature?: number }>();
  return body
    ? `  (sent ${JSON.stringify({ model: body.model, temperature: body.temperature })})`
    : '';
};

try {
  const small = await generateText({ model: roles.small, prompt: 'One word for hello.' });
  console.log(`small: ${roles.small.modelId} -> ${small.text.slice(0, 30)}${sent()}`);
  const large = await generateText({ model: roles.large, prompt: 'Plan a three-step task.' });
  console.log(`large: ${roles.large.modelId} -> ${large.text.slice(0, 30)}${sent()}`);
  const vision = await generateText({ model: roles.vision, prompt: 'Describe a sunset.' });
  console.log(`vision: ${roles.vision.modelId} -> ${vision.text.slice(0, 30)}${sent()}`);
  const { embedding } = await embed({ model: roles.embedding, value: 'hello' });
  console.log(`embedding: ${roles.embedding.modelId} -> ${embedding.length} dimensions${sent()}`);
  const { image } = await generateImage({ model: roles.image, prompt: 'a red fox' });
  console.log(
    `image: ${roles.image.modelId} -> ${image.mediaType}, ${image.uint8Array.length} bytes${sent()}`,
  );
} finally {
  await emulator?.close();
}
