/**
 * `npx tsx examples/reranking.ts`: reranks search candidates, first plain text, then objects
 * (emails), with `rerank` from `ai`. With OPENROUTER_API_KEY it talks to the real OpenRouter API
 * (OPENROUTER_RERANK_MODEL, default cohere/rerank-v3.5); without it, it starts the package's
 * emulator, which scores documents by the share of the query's words they contain.
 */
import { rerank } from 'ai';
import { createOpenRouter } from '../src/index';
import { scriptedRerank, startOpenRouterEmulator } from '../src/testing/index';

const apiKey = process.env.OPENROUTER_API_KEY || undefined;
const emulator = apiKey ? undefined : await startOpenRouterEmulator({ handler: scriptedRerank() });
const openrouter = createOpenRouter({
  apiKey: apiKey ?? 'sk-or-emulator-demo',
  baseURL: emulator?.baseURL,
});
const model = openrouter.rerankingModel(
  process.env.OPENROUTER_RERANK_MODEL ?? 'cohere/rerank-v3.5',
);
console.log(
  emulator
    ? `No OPENROUTER_API_KEY set: using the local OpenRouter emulator at ${emulator.baseURL}`
    : `Using the OpenRouter API with ${model.modelId}`,
);

try {
  const { ranking, providerMetadata } = await rerank({
    model,
    query: 'Which city is the capital of France?',
    documents: [
      'Berlin is the capital of Germany.',
      'Paris is the capital and largest city of France.',
      'The Seine flows through Paris.',
    ],
    topN: 2,
  });
  for (const { originalIndex, score, document } of ranking) {
    console.log(`#${originalIndex}  ${score.toFixed(3)}  ${document}`);
  }
  console.log(
    `providerMetadata.openrouter.usage: ${JSON.stringify(providerMetadata?.openrouter?.usage)}`,
  );

  // Objects other than { text, image } are sent as their JSON text (with a compatibility warning).
  const emails = [
    { from: 'Paul Doe', subject: 'Follow-up', text: 'We are happy to give you a discount of 20%.' },
    { from: 'John McGill', subject: 'Missing Info', text: 'We did not receive your invoice.' },
  ];
  const { rerankedDocuments } = await rerank({
    model,
    query: 'Which email offers a discount?',
    documents: emails,
    topN: 1,
  });
  console.log(`top email: ${rerankedDocuments[0]?.subject} (from ${rerankedDocuments[0]?.from})`);
} finally {
  await emulator?.close();
}
