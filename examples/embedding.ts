/**
 * `npx tsx examples/embedding.ts`: embeds three documents with `embedMany` and a question with
 * `embed`, then picks the document closest to the question. With OPENROUTER_API_KEY it talks to
 * the real OpenRouter API (OPENROUTER_EMBEDDING_MODEL, default openai/text-embedding-3-small);
 * without it, it starts the package's emulator with a toy embedding (words counted over a small
 * vocabulary), so the answer makes sense offline too.
 */
import { cosineSimilarity, embed, embedMany } from 'ai';
import { createOpenRouter } from '../src/index';
import { scriptedEmbedding, startOpenRouterEmulator } from '../src/testing/index';

const VOCABULARY = ['paris', 'berlin', 'capital', 'france', 'germany', 'city', 'rain', 'sunny'];
/** A toy embedding for the emulator: how often each vocabulary word occurs in the text. */
const countWords = (text: string) => {
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  return VOCABULARY.map((word) => words.filter((w) => w === word).length);
};

const apiKey = process.env.OPENROUTER_API_KEY || undefined;
const emulator = apiKey
  ? undefined
  : await startOpenRouterEmulator({
      handler: scriptedEmbedding((request) => ({
        vectors: (request.json<{ input: string[] }>().input ?? []).map(countWords),
      })),
    });
const openrouter = createOpenRouter({
  apiKey: apiKey ?? 'sk-or-emulator-demo',
  baseURL: emulator?.baseURL,
});
const model = openrouter.embeddingModel(
  process.env.OPENROUTER_EMBEDDING_MODEL ?? 'openai/text-embedding-3-small',
);
console.log(
  emulator
    ? `No OPENROUTER_API_KEY set: using the local OpenRouter emulator at ${emulator.baseURL}`
    : `Using the OpenRouter API with ${model.modelId}`,
);

try {
  const documents = [
    'Paris is the capital of France.',
    'Berlin is the capital of Germany.',
    'It will rain in the city tomorrow.',
  ];
  const { embeddings, usage, providerMetadata } = await embedMany({ model, values: documents });
  console.log(
    `${embeddings.length} vectors of ${embeddings[0]?.length} dimensions, ${usage.tokens} tokens; providerMetadata.openrouter.usage: ${JSON.stringify(providerMetadata?.openrouter?.usage)}`,
  );

  const question = 'Which city is the capital of France?';
  const { embedding } = await embed({
    model,
    value: question,
    // Models that embed queries and documents differently read this; others ignore it.
    providerOptions: { openrouter: { inputType: 'search_query' } },
  });
  const scored = documents
    .map((document, i) => ({ document, similarity: cosineSimilarity(embedding, embeddings[i]!) }))
    .sort((a, b) => b.similarity - a.similarity);
  for (const { document, similarity } of scored)
    console.log(`${similarity.toFixed(3)}  ${document}`);
  console.log(`closest to "${question}": "${scored[0]?.document}"`);
} finally {
  await emulator?.close();
}
