/**
 * `npm run example -- proxy`: browser-safe mode. A server route made with
 * `ai-sdk-openrouter/proxy` holds the key and forwards only allowed models; the client provider
 * points its `baseURL` at the route and has no key at all. Here the route is served by
 * `node:http` on loopback (in Next.js it is `export const { GET, POST } = createOpenRouterProxy(...)`).
 * With OPENROUTER_API_KEY the proxy forwards to OpenRouter; without it, to the local emulator.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { APICallError, generateText, streamText } from 'ai';
import { createOpenRouter } from '../src/index';
import { createOpenRouterProxy } from '../src/proxy/index';
import { startOpenRouterEmulator } from '../src/testing/index';

const apiKey = process.env.OPENROUTER_API_KEY || undefined;
const emulator = apiKey ? undefined : await startOpenRouterEmulator();
console.log(
  emulator
    ? `No OPENROUTER_API_KEY set: using the local OpenRouter emulator at ${emulator.baseURL}`
    : 'Using the OpenRouter API behind the proxy',
);

// The server side: the key lives here, and only these models may be used.
const proxy = createOpenRouterProxy({
  basePath: '/api/openrouter',
  apiKey: apiKey ?? 'sk-or-emulator-demo',
  baseURL: emulator?.baseURL,
  allowedModels: ['openai/gpt-4o-mini'],
  maxBodyBytes: 100_000,
});

// A minimal adapter from node:http to the fetch-style handler (Next.js, Deno, Bun and Workers
// call it with a Request themselves).
const server = createServer(async (req, res) => {
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const request = new Request(`http://${req.headers.host}${req.url}`, {
    method: req.method,
    headers: Object.entries(req.headers).flatMap(([name, value]) =>
      value === undefined ? [] : [[name, String(value)] as [string, string]],
    ),
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    // @ts-expect-error Node's fetch needs `duplex` for a streamed request body.
    duplex: 'half',
  });
  const response = await proxy(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (response.body) Readable.fromWeb(response.body as never).pipe(res);
  else res.end();
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

try {
  // The client side (a browser page would use baseURL: '/api/openrouter'): no key anywhere.
  const openrouter = createOpenRouter({ baseURL: `${origin}/api/openrouter` });

  const result = streamText({ model: openrouter('openai/gpt-4o-mini'), prompt: 'Say hello.' });
  let text = '';
  for await (const delta of result.textStream) text += delta;
  console.log(`allowed model, streamed through the proxy: ${text}`);

  const models = await openrouter.models.list();
  console.log(`the catalog through the proxy: ${models.length} models`);

  try {
    await generateText({ model: openrouter('openai/gpt-4o'), prompt: 'Hi', maxRetries: 0 });
  } catch (error) {
    if (!APICallError.isInstance(error)) throw error;
    console.log(`another model is refused: ${error.statusCode} ${error.message}`);
  }
} finally {
  server.close();
  server.closeAllConnections();
  await emulator?.close();
}
