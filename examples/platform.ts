/**
 * `npm run example -- platform`: the platform API on the provider: the model catalog with
 * filters, one model and its endpoints, the key's limits, and the cost of a generation looked up
 * after the call.
 */
import { APICallError, generateText } from 'ai';
import { setupExample } from './support/setup';

const { openrouter, close } = await setupExample();

try {
  const models = await openrouter.models.list({ supportedParameters: ['tools'], sort: 'newest' });
  console.log(`${models.length} models support tools; the first three:`);
  for (const model of models.slice(0, 3)) {
    console.log(
      `  ${model.id} (context ${model.context_length}, prompt $${model.pricing?.prompt}/token)`,
    );
  }
  const { endpoints } = await openrouter.models.endpoints('openai/gpt-4o-mini');
  console.log(
    `openai/gpt-4o-mini is served by: ${endpoints.map((e) => e.provider_name).join(', ')}`,
  );

  const key = await openrouter.key();
  console.log(`key: usage ${key.usage}, limit ${key.limit ?? 'none'}`);

  const result = await generateText({ model: openrouter('openai/gpt-4o-mini'), prompt: 'Hi!' });
  // OpenRouter records a generation's stats shortly after it ends: until then the lookup is a 404.
  let generation: Awaited<ReturnType<typeof openrouter.generation>> | undefined;
  for (let attempt = 1; !generation; attempt++) {
    try {
      generation = await openrouter.generation(result.finalStep.response.id);
    } catch (error) {
      if (!APICallError.isInstance(error) || error.statusCode !== 404 || attempt === 10)
        throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  console.log(
    `generation ${generation.id}: cost ${generation.total_cost}, provider ${generation.provider_name}`,
  );
} finally {
  await close();
}
