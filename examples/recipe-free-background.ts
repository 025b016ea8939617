/**
 * Recipe: a `:free` model for background jobs. Free variants cost nothing and have low rate
 * limits (20 requests a minute; a 429 when they are exceeded, often with `Retry-After`), which
 * suits work nobody waits for: run the jobs one after another, let `ai` retry a 429 after the
 * delay OpenRouter asks for (`maxRetries`), and name a paid fallback in `models` for when the
 * free variant is unavailable for longer.
 *
 *   BACKGROUND_MODEL=openrouter/meta-llama/llama-3.3-70b-instruct:free npx tsx examples/recipe-free-background.ts
 *
 * With OPENROUTER_API_KEY it talks to the real OpenRouter API; without it, it starts the
 * package's OpenRouter emulator on loopback, whose free model is rate limited once.
 */
import { generateText } from 'ai';
import { createOpenRouter } from '../src/index';
import { scriptedChat, startOpenRouterEmulator } from '../src/testing/index';

const apiKey = process.env.OPENROUTER_API_KEY;
const emulator = apiKey ? undefined : await startOpenRouterEmulator();
if (emulator) {
  // The first request is rate limited, as a free variant's often is; the rest are answered.
  emulator.enqueue({
    type: 'error',
    status: 429,
    message: 'Rate limit exceeded: free-models-per-min.',
    headers: { 'retry-after': '0' },
  });
  emulator.setHandler(
    scriptedChat((request) => ({
      text: `Summary of: ${request.json<{ messages: Array<{ content: string }> }>().messages.at(-1)?.content.slice(0, 40)}`,
      usage: { cost: 0 },
    })),
  );
  console.log(
    `No OPENROUTER_API_KEY set: using the local OpenRouter emulator at ${emulator.baseURL}`,
  );
}
const openrouter = createOpenRouter({
  apiKey: apiKey ?? 'sk-or-emulator-demo',
  baseURL: emulator?.baseURL,
});

const background = openrouter(
  process.env.BACKGROUND_MODEL ?? 'openrouter/meta-llama/llama-3.3-70b-instruct:free',
  {
    // Tried in order when the free variant fails (rate limited upstream, or gone).
    models: ['meta-llama/llama-3.3-70b-instruct'],
    maxTokens: 200,
  },
);

const jobs = [
  'The quarterly report shows revenue up 12% and costs flat.',
  'The support queue doubled after the release; most tickets are about login.',
  'The migration to the new database finished without downtime.',
];

try {
  for (const document of jobs) {
    const { text, providerMetadata, response } = await generateText({
      model: background,
      prompt: `Summarize in one line: ${document}`,
      maxRetries: 5, // a 429 is retried after its Retry-After delay
    });
    const cost = (providerMetadata?.openrouter?.usage as { cost?: number } | undefined)?.cost;
    console.log(`${response.modelId} (cost ${cost}): ${text}`);
  }
  if (emulator) {
    const requests = emulator.requests.length;
    console.log(`${jobs.length} jobs, ${requests} requests (one was rate limited and retried)`);
    const { model, models, max_tokens } = emulator.requests.at(-1)?.json() ?? {};
    console.log(`sent: ${JSON.stringify({ model, models, max_tokens })}`);
  }
} finally {
  await emulator?.close();
}
