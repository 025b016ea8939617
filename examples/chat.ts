/**
 * `npm run example -- chat`: one question with `generateText`, then a follow-up in the same
 * conversation, with the tokens and the cost of each call. OPENROUTER_MODEL picks the model.
 */
import { generateText, type ModelMessage } from 'ai';
import { openrouterMetadata } from '../src/index';
import { setupExample } from './support/setup';

const { openrouter, close } = await setupExample();
const model = openrouter(process.env.OPENROUTER_MODEL ?? 'openai/gpt-4o-mini');

try {
  const messages: ModelMessage[] = [
    { role: 'user', content: 'In one sentence: what is OpenRouter?' },
  ];
  for (const followUp of ['And why would a developer use it?', undefined]) {
    const result = await generateText({ model, messages, maxOutputTokens: 200 });
    const metadata = openrouterMetadata(result.finalStep);
    console.log(`assistant: ${result.text}`);
    console.log(
      `  [${result.usage.inputTokens} in + ${result.usage.outputTokens} out tokens, cost ${metadata?.usage?.cost ?? 'not reported'}, served by ${metadata?.provider || 'unknown'}]`,
    );
    messages.push(...result.responseMessages);
    if (followUp) {
      console.log(`user: ${followUp}`);
      messages.push({ role: 'user', content: followUp });
    }
  }
} finally {
  await close();
}
