/**
 * `npm run example -- reasoning`: a reasoning model thinks before it answers (`reasoning: 'high'`),
 * streamed; the second turn sends the first turn's reasoning details back, as Anthropic, Gemini
 * and OpenAI require. OPENROUTER_MODEL picks the model (one that reasons).
 */
import { type ModelMessage, streamText } from 'ai';
import { openrouterMetadata } from '../src/index';
import { setupExample } from './support/setup';

const { openrouter, close } = await setupExample();
const model = openrouter(process.env.OPENROUTER_MODEL ?? 'anthropic/claude-sonnet-4.5');

try {
  const messages: ModelMessage[] = [
    { role: 'user', content: 'Is 1,001 a prime number? Answer in one sentence.' },
  ];
  for (const turn of [1, 2]) {
    const result = streamText({ model, messages, reasoning: 'high' });
    for await (const part of result.stream) {
      if (part.type === 'reasoning-start') process.stdout.write('thinking: ');
      if (part.type === 'reasoning-delta') process.stdout.write(part.text);
      if (part.type === 'reasoning-end') {
        const details = openrouterMetadata(part)?.reasoning_details ?? [];
        process.stdout.write(`\n  [${details.length} reasoning details kept for the next turn]\n`);
      }
      if (part.type === 'text-start') process.stdout.write('answer: ');
      if (part.type === 'text-delta') process.stdout.write(part.text);
    }
    const usage = await result.usage;
    console.log(
      `\n  [turn ${turn}: ${usage.outputTokenDetails.reasoningTokens ?? 0} reasoning tokens]`,
    );
    messages.push(...(await result.responseMessages));
    messages.push({ role: 'user', content: 'And 1,003?' });
  }
} finally {
  await close();
}
