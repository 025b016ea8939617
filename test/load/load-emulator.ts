/**
 * The load test's OpenRouter emulator, in its own process (so it gets its own core, and the load
 * test's heap figures measure the client side only). Started by `load.ts`; prints
 * `READY <baseURL>` once listening, and exits when its stdin closes.
 *
 * Every chat request carries a marker (`marker-...`) in its prompt; the answer echoes it as
 * `Echo <marker> ok`, in fragments, sometimes with reasoning, with usage in either placement, and
 * written in pieces of a size derived from the marker, so a mixed-up stream is detected.
 * `GET /load-stats` returns the number of chat requests served and of connections the client
 * closed before the response ended.
 */
import {
  type EmulatorHandler,
  type RecordedRequest,
  scriptedChat,
  startOpenRouterEmulator,
} from '../../src/testing/index';

const MARKER = /marker-[a-z0-9-]+/;

function markerOf(request: RecordedRequest): string {
  const match = MARKER.exec(request.rawBody);
  if (!match) throw new Error('request without a marker');
  return match[0];
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const scripted = scriptedChat((request) => {
  const marker = markerOf(request);
  const quarter = Math.ceil(marker.length / 4);
  const pieces = [0, 1, 2, 3].map((i) => marker.slice(i * quarter, (i + 1) * quarter));
  const h = hash(marker);
  return {
    text: ['Echo ', ...pieces.filter((piece) => piece !== ''), ' ok'],
    ...(h % 3 === 0 ? { reasoning: [`Thinking about ${marker}`, '.'] } : {}),
    usagePlacement: h % 2 === 0 ? 'separate' : 'on-finish',
  };
});

const stats = { chat: 0, closedEarly: 0 };

const handler: EmulatorHandler = async (request) => {
  if (request.method === 'GET' && request.path === '/load-stats') {
    return { type: 'json', body: stats };
  }
  stats.chat++;
  void request.closed.then(({ closedEarly }) => {
    if (closedEarly) stats.closedEarly++;
  });
  const response = await scripted(request);
  if (response.type !== 'sse') return response;
  // Different read boundaries per request: whole, or pieces of 16..143 bytes.
  const h = hash(markerOf(request));
  return h % 4 === 0 ? response : { ...response, splitEvery: 16 + (h % 128) };
};

const emulator = await startOpenRouterEmulator({ handler });
// The emulator records every request; this process serves thousands, so forget them.
const forget = setInterval(() => {
  emulator.requests.length = 0;
}, 200);
process.stdin.on('end', () => {
  clearInterval(forget);
  void emulator.close().then(() => process.exit(0));
});
process.stdin.resume();
process.stdout.write(`READY ${emulator.baseURL}\n`);
