import { createOpenRouter } from 'ai-sdk-openrouter';

const apiKey = process.env.OPENROUTER_API_KEY;

/**
 * Where the server talks to: `OPENROUTER_BASE_URL` if set; else OpenRouter when a key is set;
 * else the emulator (`npm run emulator`, or `npx ai-sdk-openrouter-emulator`) on port 4010.
 */
export const upstreamBaseURL =
  process.env.OPENROUTER_BASE_URL ?? (apiKey ? undefined : 'http://127.0.0.1:4010/api/v1');

/** The server's key; the emulator accepts any key but, like OpenRouter, requires one. */
export const serverKey = apiKey ?? 'sk-or-emulator';

export const openrouter = createOpenRouter({
  apiKey: serverKey,
  baseURL: upstreamBaseURL,
  appName: 'ai-sdk-openrouter next-chat example',
});
