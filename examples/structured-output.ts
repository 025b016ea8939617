/**
 * `npm run example -- structured-output`: an object of a zod schema with `Output.object`, sent as
 * a strict JSON schema (`response_format`), then the same as a stream of partial objects.
 * OPENROUTER_MODEL picks the model (one that supports structured outputs).
 */
import { generateText, Output, streamText } from 'ai';
import { z } from 'zod';
import { setupExample } from './support/setup';

const { openrouter, close } = await setupExample();
const model = openrouter(process.env.OPENROUTER_MODEL ?? 'openai/gpt-4o-mini');

const recipe = z.object({
  name: z.string(),
  servings: z.number().int(),
  ingredients: z.array(z.object({ item: z.string(), amount: z.string() })),
  vegetarian: z.boolean(),
});

try {
  const { output } = await generateText({
    model,
    output: Output.object({ schema: recipe }),
    prompt: 'A simple recipe for pancakes.',
  });
  console.log(
    `recipe: ${output.name}, ${output.servings} servings, vegetarian: ${output.vegetarian}`,
  );
  for (const { item, amount } of output.ingredients) console.log(`  - ${amount} ${item}`);

  const stream = streamText({
    model,
    output: Output.object({ schema: recipe }),
    prompt: 'A simple recipe for waffles.',
  });
  let partials = 0;
  for await (const _partial of stream.partialOutputStream) partials++;
  const waffles = await stream.output;
  console.log(`streamed: ${waffles.name} after ${partials} partial objects`);
} finally {
  await close();
}
