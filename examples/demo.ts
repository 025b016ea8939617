/**
 * `npm run demo`: a streaming, tool-using agent. With OPENROUTER_API_KEY it talks to the real
 * OpenRouter API; without it, it starts the package's OpenRouter emulator on loopback.
 */
import { isStepCount, streamText, tool } from 'ai';
import { z } from 'zod';
import { createOpenRouter, openrouterMetadata } from '../src/index';
import { demoAgentHandler, startOpenRouterEmulator } from '../src/testing/index';

const dim = (text: string) => `\x1b[2m${text}\x1b[0m`;
const bold = (text: string) => `\x1b[1m${text}\x1b[0m`;

const apiKey = process.env.OPENROUTER_API_KEY;
const emulator = apiKey
  ? undefined
  : await startOpenRouterEmulator({ handler: demoAgentHandler() });
const openrouter = createOpenRouter({
  apiKey: apiKey ?? 'sk-or-emulator-demo',
  baseURL: emulator?.baseURL,
  appName: 'ai-sdk-openrouter demo',
  appUrl: 'https://github.com/ai-sdk-openrouter/ai-sdk-openrouter',
});
const modelId = process.env.OPENROUTER_MODEL ?? 'openai/gpt-4o-mini';

console.log(
  emulator
    ? dim(`No OPENROUTER_API_KEY set: using the local OpenRouter emulator at ${emulator.baseURL}`)
    : dim(`Using ${process.env.OPENROUTER_BASE_URL ?? 'the OpenRouter API'} with ${modelId}`),
);

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

const prompt = 'What is the weather in Paris right now? Give me the temperature in Fahrenheit too.';
console.log(`${bold('user:')} ${prompt}\n`);

const result = streamText({
  model: openrouter(modelId),
  tools,
  stopWhen: isStepCount(5),
  prompt,
});

let cost = 0;
for await (const part of result.stream) {
  switch (part.type) {
    case 'reasoning-delta':
      process.stdout.write(dim(part.text));
      break;
    case 'reasoning-end':
      process.stdout.write('\n');
      break;
    case 'text-delta':
      process.stdout.write(part.text);
      break;
    case 'tool-call':
      console.log(`${bold('→ tool call')} ${part.toolName}(${JSON.stringify(part.input)})`);
      break;
    case 'tool-result':
      console.log(`${bold('← result')} ${JSON.stringify(part.output)}`);
      break;
    case 'finish-step':
      cost += openrouterMetadata(part)?.usage?.cost ?? 0;
      console.log(dim(`[step finished: ${part.finishReason}]`));
      break;
    case 'error':
      console.error('error:', part.error);
      break;
  }
}

const usage = await result.usage;
console.log(
  `\n${bold('usage:')} ${usage.inputTokens} input + ${usage.outputTokens} output = ${usage.totalTokens} tokens, cost $${cost.toFixed(6)}`,
);
await emulator?.close();
