/**
 * `npm run example -- web-search`: OpenRouter's web search server tool
 * (`openrouter.tools.webSearch`): the answer with its `source` parts (citations) and the searches
 * billed. On the emulator, a recorded-shape web-search answer plays the part of the model.
 */
import { generateText } from 'ai';
import { openrouterMetadata } from '../src/index';
import { reasoningScenarioHandler, webSearchScenario } from '../src/testing/index';
import { setupExample } from './support/setup';

const { openrouter, close } = await setupExample({
  handler: reasoningScenarioHandler(webSearchScenario({ serverToolCall: true })),
});

try {
  const result = await generateText({
    model: openrouter(process.env.OPENROUTER_MODEL ?? 'openai/gpt-4o'),
    prompt: 'What is the weather in Paris today, and what is expected this week?',
    tools: { search: openrouter.tools.webSearch({ maxResults: 3 }) },
  });
  console.log(`answer: ${result.text}`);
  for (const source of result.sources) {
    if (source.sourceType !== 'url') continue;
    const citation = openrouterMetadata(source);
    console.log(`source: ${source.title ?? ''} <${source.url}> "${citation?.content ?? ''}"`);
  }
  for (const call of result.toolCalls) {
    console.log(`server tool: ${call.toolName}(${JSON.stringify(call.input)})`);
  }
  const usage = openrouterMetadata(result.finalStep)?.usage;
  console.log(`searches: ${JSON.stringify(usage?.serverToolUse ?? {})}, cost ${usage?.cost}`);
} finally {
  await close();
}
