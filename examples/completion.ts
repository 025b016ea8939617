/**
 * The legacy completion model: `openrouter.completion(modelId)` over OpenRouter's
 * `POST /completions`, with `generateText` (a plain prompt the model continues) and `streamText`
 * (a short conversation, sent as a `user:` / `assistant:` transcript).
 *
 *   npx tsx examples/completion.ts
 *
 * With OPENROUTER_API_KEY it talks to the real OpenRouter API; without it, it starts the
 * package's OpenRouter emulator on loopback.
 */
import { generateText, streamText } from 'ai';
import { createOpenRouter } from '../src/index';
import { scriptedCompletion, startOpenRouterEmulator } from '../src/testing/index';

const apiKey = process.env.OPENROUTER_API_KEY;
const emulator = apiKey
  ? undefined
  : await startOpenRouterEmulator({
      handler: scriptedCompletion((request) => {
        const { prompt } = request.json<{ prompt: string }>();
        return prompt.endsWith('assistant:\n')
          ? { text: 'Paris is the capital of France.' }
          : { text: ' there was a fox who read every book in the library.' };
      }),
    });
const openrouter = createOpenRouter({
  apiKey: apiKey ?? 'sk-or-emulator-demo',
  baseURL: emulator?.baseURL,
});
const modelId = process.env.OPENROUTER_MODEL ?? 'openai/gpt-3.5-turbo-instruct';
console.log(
  emulator
    ? `No OPENROUTER_API_KEY set: using the local OpenRouter emulator at ${emulator.baseURL}`
    : `Using the OpenRouter API with ${modelId}`,
);

try {
  // A lone prompt is sent as written: the model continues it.
  const story = await generateText({
    model: openrouter.completion(modelId, { user: 'example-user' }),
    prompt: 'Once upon a time',
    maxOutputTokens: 40,
  });
  console.log(`generateText: Once upon a time${story.text}`);
  console.log(`  finish: ${story.finishReason}, tokens: ${story.usage.totalTokens}`);
  console.log(`  cost: ${JSON.stringify(story.providerMetadata?.openrouter?.usage)}`);

  // A conversation becomes a transcript ending in `assistant:`; the answer streams.
  const answer = streamText({
    model: openrouter.completion(modelId),
    system: 'You answer in one short sentence.',
    prompt: 'What is the capital of France?',
    maxOutputTokens: 30,
  });
  process.stdout.write('streamText: ');
  for await (const delta of answer.textStream) process.stdout.write(delta);
  process.stdout.write('\n');
  console.log(`  finish: ${await answer.finishReason}`);
} finally {
  await emulator?.close();
}
