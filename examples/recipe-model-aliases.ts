/**
 * Recipe: model aliases with the AI SDK's `customProvider`, the way an LLM proxy rewrites names:
 * the app asks for `gpt-4o-mini` (or `fast`, `smart`), OpenRouter gets `openai/gpt-4o-mini`. Every
 * `gpt-*` name becomes `openrouter:openai/gpt-*`, the aliases carry settings in their reference
 * (`?temperature=0`), and any other id reaches OpenRouter as written.
 *
 *   npx tsx examples/recipe-model-aliases.ts
 *
 * With OPENROUTER_API_KEY it talks to the real OpenRouter API; without it, it starts the
 * package's OpenRouter emulator on loopback.
 */
import type { LanguageModelV4, ProviderV4 } from '@ai-sdk/provider';
import { createProviderRegistry, customProvider, generateText } from 'ai';
import { createOpenRouter } from '../src/index';
import { scriptedChat, startOpenRouterEmulator } from '../src/testing/index';

const apiKey = process.env.OPENROUTER_API_KEY;
const emulator = apiKey
  ? undefined
  : await startOpenRouterEmulator({ handler: scriptedChat({ text: 'Hello!' }) });
const openrouter = createOpenRouter({
  apiKey: apiKey ?? 'sk-or-emulator-demo',
  baseURL: emulator?.baseURL,
});
if (emulator) {
  console.log(
    `No OPENROUTER_API_KEY set: using the local OpenRouter emulator at ${emulator.baseURL}`,
  );
}

/** The proxy's rewrite: `gpt-*` is OpenAI's model on OpenRouter; anything else as written. */
function rewrite(modelId: string): string {
  return modelId.startsWith('gpt-') ? `openrouter:openai/${modelId}` : modelId;
}

/** OpenRouter behind the rewrite, as the fallback for every name without an alias. */
const rewritten: ProviderV4 = {
  specificationVersion: 'v4',
  languageModel: (modelId) => openrouter.languageModel(rewrite(modelId)),
  embeddingModel: (modelId) => openrouter.embeddingModel(rewrite(modelId)),
  imageModel: (modelId) => openrouter.imageModel(rewrite(modelId)),
};

const models = customProvider({
  languageModels: {
    fast: openrouter('openrouter:openai/gpt-4o-mini?temperature=0'),
    smart: openrouter('openrouter/anthropic/claude-sonnet-4.5?reasoning=high'),
  },
  fallbackProvider: rewritten,
});
// A registry makes the aliases strings the app can keep in its configuration.
const registry = createProviderRegistry({ app: models });

/** What the emulator received, in short: the model and the settings the reference carried. */
function sent(body: { model?: string; temperature?: number; reasoning?: unknown } | undefined) {
  const { model, temperature, reasoning } = body ?? {};
  return JSON.stringify({ model, temperature, reasoning });
}

try {
  for (const name of ['app:fast', 'app:smart', 'app:gpt-4o-mini', 'app:gpt-5', 'app:x-ai/grok-4']) {
    const model: LanguageModelV4 = registry.languageModel(name as `app:${string}`);
    const { text, response } = await generateText({ model, prompt: 'Say hello.' });
    console.log(`${name} -> ${model.modelId} (served by ${response.modelId}): ${text}`);
    if (emulator) console.log(`  sent: ${sent(emulator.requests.at(-1)?.json())}`);
  }
} finally {
  await emulator?.close();
}
