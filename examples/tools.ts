/**
 * `npm run example -- tools`: an agent with two tools (`generateText`, `isStepCount`): each step's
 * tool calls and results, and the cost summed over the steps. OPENROUTER_MODEL picks the model
 * (one that supports tool calling).
 */
import { generateText, isStepCount, tool } from 'ai';
import { z } from 'zod';
import { openrouterMetadata } from '../src/index';
import { setupExample } from './support/setup';

const { openrouter, close } = await setupExample();

const tools = {
  getWeather: tool({
    description: 'Current weather for a city, in degrees Celsius.',
    inputSchema: z.object({ city: z.string().describe('City name, e.g. Paris') }),
    execute: async ({ city }) => ({ city, temperatureCelsius: 21, conditions: 'sunny' }),
  }),
  convertTemperature: tool({
    description: 'Converts a temperature from Celsius to Fahrenheit.',
    inputSchema: z.object({ celsius: z.number() }),
    execute: async ({ celsius }) => ({ fahrenheit: Math.round((celsius * 9) / 5 + 32) }),
  }),
};

try {
  const result = await generateText({
    model: openrouter(process.env.OPENROUTER_MODEL ?? 'openai/gpt-4o-mini'),
    tools,
    stopWhen: isStepCount(5),
    prompt: 'What is the weather in Paris? Give the temperature in Fahrenheit too.',
  });
  for (const step of result.steps) {
    console.log(`step ${step.stepNumber + 1} (${step.finishReason}):`);
    for (const call of step.toolCalls) {
      console.log(`  call ${call.toolName}(${JSON.stringify(call.input)})`);
    }
    for (const toolResult of step.toolResults) {
      console.log(`  result ${toolResult.toolName}: ${JSON.stringify(toolResult.output)}`);
    }
  }
  const cost = result.steps.reduce(
    (sum, step) => sum + (openrouterMetadata(step)?.usage?.cost ?? 0),
    0,
  );
  console.log(`answer: ${result.text}`);
  console.log(
    `${result.steps.length} steps, ${result.usage.totalTokens} tokens, cost ${cost.toFixed(6)}`,
  );
} finally {
  await close();
}
