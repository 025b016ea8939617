/**
 * `npm run example -- streaming`: `streamText` part by part: the keep-alive pings, reasoning and
 * text as they arrive, and the finish with usage and cost. OPENROUTER_MODEL picks the model.
 */
import { streamText } from 'ai';
import { openrouterMetadata } from '../src/index';
import { setupExample } from './support/setup';

const { openrouter, close } = await setupExample();

try {
  const result = streamText({
    model: openrouter(process.env.OPENROUTER_MODEL ?? 'openai/gpt-4o-mini'),
    prompt: 'Write a four-line poem about packets finding their way.',
  });
  let deltas = 0;
  for await (const part of result.stream) {
    switch (part.type) {
      case 'reasoning-delta':
        process.stdout.write(`\x1b[2m${part.text}\x1b[0m`);
        break;
      case 'reasoning-end':
        process.stdout.write('\n');
        break;
      case 'text-delta':
        deltas++;
        process.stdout.write(part.text);
        break;
      case 'finish-step': {
        const metadata = openrouterMetadata(part);
        console.log(`\n[finish: ${part.finishReason}, generation ${metadata?.generationId}]`);
        break;
      }
      case 'error':
        console.error('stream error:', part.error);
        break;
    }
  }
  const usage = await result.usage;
  const cost = openrouterMetadata(await result.finalStep)?.usage?.cost;
  console.log(`${deltas} text deltas, ${usage.totalTokens} tokens, cost ${cost ?? 'not reported'}`);
} finally {
  await close();
}
