import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type ChatScript,
  chatCompletionJson,
  chatCompletionStream,
  demoAgentHandler,
  type OpenRouterEmulator,
  RESPONSE_PARASAIL_TOOL_CALL,
  replayTranscript,
  type SseEvent,
  scriptedChat,
  serializeSse,
  startOpenRouterEmulator,
  TRANSCRIPT_DEEPSEEK_LENGTH,
  TRANSCRIPT_REASONING_TOOL_CALL,
} from '../src/testing/index.js';

let emulator: OpenRouterEmulator;
beforeAll(async () => {
  emulator = await startOpenRouterEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const AUTH = { Authorization: 'Bearer sk-or-test' };

const post = (body: unknown, init: RequestInit = {}) =>
  fetch(`${emulator.baseURL}/chat/completions`, {
    method: 'POST',
    body: JSON.stringify(body),
    ...init,
    headers: { 'Content-Type': 'application/json', ...AUTH, ...init.headers },
  });

/** Every read of the body, as raw bytes. */
async function reads(response: Response): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out;
    out.push(value);
  }
}

const dataChunks = (text: string) =>
  text
    .split('\n\n')
    .filter((e) => e.startsWith('data: {'))
    .map((e) => JSON.parse(e.slice(6)) as Record<string, unknown>);

const streamedText = (chunks: Array<Record<string, unknown>>) =>
  chunks
    .map((c) => (c.choices as Array<{ delta: { content?: string | null } }>)[0]?.delta.content)
    .join('');

// The script that rebuilds TRANSCRIPT_REASONING_TOOL_CALL (Anthropic reasoning closed by a
// signature-only delta, text, a tool call, a `choices: []` usage chunk) from its parts.
const REASONING_TOOL_CALL_SCRIPT: ChatScript = {
  id: 'gen-1791500000-Ab3dEfGh1jKlMnOpQrSt',
  provider: 'Anthropic',
  model: 'anthropic/claude-sonnet-4.5',
  created: 1791500000,
  reasoning: ['The user wants the weather', ' in Paris. I should call get_weather.'],
  reasoningFormat: 'anthropic-claude-v1',
  reasoningSignature: 'EqQBCkgIChABGAIqQGs1c2lnbmF0dXJlLWV4YW1wbGU=',
  text: ['Let me check the current', ' weather in Paris.'],
  toolCalls: [
    {
      id: 'toolu_01A09q90qw90lq917835lq9',
      name: 'get_weather',
      arguments: ['{"city"', ':"Paris"}'],
    },
  ],
  nativeFinishReason: 'tool_use',
  usage: {
    prompt_tokens: 412,
    completion_tokens: 96,
    cost: 0.002676,
    cost_details: {
      upstream_inference_cost: 0.002676,
      upstream_inference_prompt_cost: 0.001236,
      upstream_inference_completions_cost: 0.00144,
    },
    completion_tokens_details: { reasoning_tokens: 58 },
  },
};

describe('SSE framing', () => {
  it('rebuilds the reasoning + tool call transcript byte for byte, with headers', async () => {
    emulator.enqueue({ type: 'sse', events: chatCompletionStream(REASONING_TOOL_CALL_SCRIPT) });
    const response = await post({ stream: true });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('x-generation-id')).toBe(REASONING_TOOL_CALL_SCRIPT.id);
    expect(await response.text()).toBe(TRANSCRIPT_REASONING_TOOL_CALL);
  });

  it('replays captured transcripts verbatim, with their generation id', async () => {
    emulator.enqueue(
      replayTranscript(TRANSCRIPT_DEEPSEEK_LENGTH, { lineEnding: '\r\n' }),
      replayTranscript(RESPONSE_PARASAIL_TOOL_CALL),
    );
    const stream = await post({});
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    expect(await stream.text()).toBe(TRANSCRIPT_DEEPSEEK_LENGTH.replaceAll('\n', '\r\n'));
    const json = await post({});
    expect(json.headers.get('x-generation-id')).toBe('gen-1779334358-5uErgorPN1rJbPw8AVrM');
    expect(await json.json()).toMatchObject({ provider: 'Parasail', object: 'chat.completion' });
  });

  const small: SseEvent[] = [
    { comment: 'OPENROUTER PROCESSING' },
    { data: { a: 1 } },
    { done: true },
  ];
  const expected = ': OPENROUTER PROCESSING\n\ndata: {"a":1}\n\ndata: [DONE]\n\n';

  it('ends every event with a blank line', async () => {
    emulator.enqueue({ type: 'sse', events: small });
    expect(await (await post({})).text()).toBe(expected);
    expect(serializeSse(small)).toBe(expected);
  });

  it('uses CRLF line endings when asked', async () => {
    emulator.enqueue({ type: 'sse', events: small, lineEnding: '\r\n' });
    expect(await (await post({})).text()).toBe(expected.replaceAll('\n', '\r\n'));
  });

  it('sends string data verbatim (malformed JSON) and raw events untouched', async () => {
    emulator.enqueue({ type: 'sse', events: [{ data: '{"broken' }, { raw: 'data:x\n' }] });
    expect(await (await post({})).text()).toBe('data: {"broken\n\ndata:x\n');
  });

  it('splitEvery delivers the identical bytes in several reads, splitting UTF-8', async () => {
    const events = chatCompletionStream({ text: ['héllo ', '👋 wörld'], usage: null });
    emulator.enqueue({ type: 'sse', events, splitEvery: 7, pieceDelayMs: 1 });
    const chunks = await reads(await post({}));
    expect(Buffer.concat(chunks)).toEqual(Buffer.from(serializeSse(events)));
    expect(chunks.length).toBeGreaterThan(1);
  });

  it('splitAt cuts at the given byte offsets', async () => {
    const body = 'data: {"a":"é"}\n\n';
    emulator.enqueue({
      type: 'sse',
      events: [{ data: { a: 'é' } }],
      splitAt: [13],
      pieceDelayMs: 30,
    });
    const chunks = await reads(await post({}));
    expect(Buffer.concat(chunks).toString()).toBe(body);
    expect(Buffer.from(chunks[0]!)).toEqual(Buffer.from(body).subarray(0, 13)); // ends inside 'é'
  });

  it('pauses for delay events', async () => {
    emulator.enqueue({ type: 'sse', events: [{ data: {} }, { delayMs: 80 }, { done: true }] });
    const started = Date.now();
    await (await post({})).text();
    expect(Date.now() - started).toBeGreaterThanOrEqual(70);
  });
});

describe('chat fixtures', () => {
  it('puts usage in a separate choices:[] chunk by default, in the real key order', () => {
    const chunks = dataChunks(serializeSse(chatCompletionStream({ text: 'Hello there, world!' })));
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(Object.keys(last.usage as object).join()).toBe(
      'prompt_tokens,completion_tokens,total_tokens,cost,is_byok,prompt_tokens_details,cost_details,completion_tokens_details',
    );
    expect(chunks.at(-2)!.choices).toMatchObject([{ finish_reason: 'stop' }]);
    expect(streamedText(chunks)).toBe('Hello there, world!');
    // A string text is streamed in several fragments, as real upstreams do.
    expect(chunks.filter((c) => JSON.stringify(c).includes('"content":"Hello')).length).toBe(1);
    expect(chunks.filter((c) => JSON.stringify(c).includes('"content":" ')).length).toBeGreaterThan(
      0,
    );
  });

  it('can put usage on the finish chunk, and omit it entirely', () => {
    const onFinish = dataChunks(
      serializeSse(
        chatCompletionStream({ text: 'Hi', usagePlacement: 'on-finish', finishReason: 'length' }),
      ),
    );
    const last = onFinish.at(-1)!;
    expect(JSON.stringify(last.choices)).toBe(
      '[{"index":0,"delta":{"content":"","role":"assistant"},"finish_reason":"length","native_finish_reason":"length","logprobs":null}]',
    );
    expect(last.usage).toMatchObject({ prompt_tokens: 120, total_tokens: 121 });
    expect(onFinish.filter((c) => 'usage' in c)).toHaveLength(1);

    const none = dataChunks(serializeSse(chatCompletionStream({ text: 'Hi', usage: null })));
    expect(none.some((c) => 'usage' in c)).toBe(false);
  });

  it('emits the mid-stream error chunk (top-level error, finish_reason "error")', () => {
    const events = chatCompletionStream({
      id: 'gen-1',
      created: 1,
      text: ['Once upon a'],
      midStreamError: { code: 502, message: 'Provider disconnected unexpectedly' },
      processingComments: 0,
      done: false,
    });
    expect(serializeSse(events).split('\n\n').at(-2)).toBe(
      'data: {"id":"gen-1","object":"chat.completion.chunk","created":1,"model":"openai/gpt-4o","provider":"OpenAI","error":{"code":502,"message":"Provider disconnected unexpectedly"},"choices":[{"index":0,"delta":{"content":""},"finish_reason":"error"}]}',
    );
    expect(events.at(-1)).not.toEqual({ done: true });
  });

  it('builds the non-stream body in real key order, with a realistic generation id', () => {
    const { id, ...rest } = REASONING_TOOL_CALL_SCRIPT;
    const body = chatCompletionJson({ ...rest, text: 'Let me check.' });
    expect(Object.keys(body).join()).toBe('id,provider,model,object,created,choices,usage');
    expect(body.id).toMatch(/^gen-1791500000-[A-Za-z0-9]{20}$/);
    const reasoning = 'The user wants the weather in Paris. I should call get_weather.';
    expect(JSON.stringify(body.choices)).toBe(
      `[{"logprobs":null,"finish_reason":"tool_calls","native_finish_reason":"tool_use","index":0,"message":{"role":"assistant","content":"Let me check.","refusal":null,"reasoning":"${reasoning}","reasoning_details":[{"type":"reasoning.text","text":"${reasoning}","signature":"${REASONING_TOOL_CALL_SCRIPT.reasoningSignature}","format":"anthropic-claude-v1","index":0}],"tool_calls":[{"index":0,"id":"toolu_01A09q90qw90lq917835lq9","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]}}]`,
    );
    expect(body.usage).toMatchObject({ prompt_tokens: 412, total_tokens: 508 });
  });

  it('scriptedChat follows the request stream flag and echoes the model', async () => {
    emulator.setHandler(scriptedChat({ text: 'ok' }));
    const json = (await (await post({ model: 'x/y', stream: false })).json()) as Record<
      string,
      unknown
    >;
    expect(json).toMatchObject({ object: 'chat.completion', model: 'x/y', provider: 'X' });
    const streamed = await (await post({ model: 'x/y', stream: true })).text();
    expect(dataChunks(streamed)[0]).toMatchObject({
      object: 'chat.completion.chunk',
      model: 'x/y',
    });
    expect(streamed.endsWith('data: [DONE]\n\n')).toBe(true);
  });
});

describe('responses', () => {
  it('sends the error envelope with Retry-After and rate-limit headers', async () => {
    emulator.enqueue({
      type: 'error',
      status: 429,
      message: 'Rate limit exceeded',
      metadata: { error_type: 'rate_limit_exceeded' },
      userId: 'user_1',
      retryAfter: 7,
      rateLimit: { limit: 20, remaining: 0, reset: 1791500060000 },
    });
    const response = await post({});
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(response.headers.get('x-generation-id')).toBeNull();
    expect(await response.text()).toBe(
      '{"error":{"message":"Rate limit exceeded","code":429,"metadata":{"error_type":"rate_limit_exceeded"}},"user_id":"user_1"}',
    );
  });

  it('omits absent error keys and honours bodyOverride', async () => {
    emulator.enqueue(
      { type: 'error', status: 401, message: 'No auth credentials found' },
      {
        type: 'error',
        status: 429,
        message: '',
        bodyOverride: { error: { message: 'x', http_status: 429 } },
      },
    );
    expect(await (await post({})).text()).toBe(
      '{"error":{"message":"No auth credentials found","code":401}}',
    );
    expect(await (await post({})).json()).toEqual({ error: { message: 'x', http_status: 429 } });
  });

  it('sends JSON with x-generation-id and optional leading whitespace', async () => {
    emulator.enqueue({
      type: 'json',
      body: { id: 'gen-9', choices: [] },
      leadingWhitespace: '\n  ',
    });
    const response = await post({});
    expect(response.headers.get('x-generation-id')).toBe('gen-9');
    expect(await response.text()).toBe('\n  {"id":"gen-9","choices":[]}');
  });

  it('consumes queued responses FIFO, before the handler', async () => {
    emulator.setHandler(() => ({ type: 'json', body: { n: 'handler' } }));
    emulator.enqueue({ type: 'json', body: { n: 1 } }, () => ({ type: 'json', body: { n: 2 } }));
    const seen = [];
    for (let i = 0; i < 3; i++) seen.push(((await (await post({})).json()) as { n: unknown }).n);
    expect(seen).toEqual([1, 2, 'handler']);
    expect(emulator.pending).toBe(0);
  });

  it('answers a non-retryable 404 when nothing is scripted, a 500 when a handler throws', async () => {
    const response = await post({});
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /no scripted response for POST \/chat\/completions: the queue is empty and no handler is set\. Enqueue a response/,
    );
    emulator.setHandler(() => {
      throw new Error('boom');
    });
    const thrown = await post({});
    expect(thrown.status).toBe(500);
    expect(await thrown.text()).toContain('boom');
  });

  it('answers 404 outside /api/v1 without consuming the queue', async () => {
    emulator.enqueue({ type: 'json', body: {} });
    const response = await fetch(emulator.baseURL.replace('/api/v1', '/v1/chat/completions'));
    expect(response.status).toBe(404);
    // Like openrouter.ai: its website's page, not the API's JSON envelope.
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(emulator.pending).toBe(1);
  });
});

describe('recorded requests and connection endings', () => {
  it('records method, path, query, lower-cased headers and the parsed body', async () => {
    emulator.enqueue({ type: 'json', body: {} }, { type: 'json', body: {} });
    await post(
      { model: 'm', stream: false },
      { headers: { 'X-Title': 'Demo', 'Content-Type': 'application/json' } },
    );
    await fetch(`${emulator.baseURL}/generation?id=gen-1`, { headers: AUTH });
    const [chat, generation] = emulator.requests;
    expect(chat).toMatchObject({
      method: 'POST',
      path: '/chat/completions',
      body: { model: 'm', stream: false },
    });
    expect(chat!.headers['x-title']).toBe('Demo');
    expect(chat!.rawBody).toBe('{"model":"m","stream":false}');
    expect(chat!.json<{ model: string }>().model).toBe('m');
    expect(generation).toMatchObject({
      method: 'GET',
      path: '/generation',
      query: { id: 'gen-1' },
      body: undefined,
    });
    expect(await chat!.closed).toEqual({ closedEarly: false });
  });

  it("reports closedEarly when the client aborts a 'hang' stream", async () => {
    emulator.enqueue({ type: 'sse', events: [{ data: { choices: [] } }], ending: 'hang' });
    const controller = new AbortController();
    const response = await post({}, { signal: controller.signal });
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: {"choices":[]}\n\n');
    controller.abort();
    await expect(reader.read()).rejects.toThrow();
    expect(await emulator.requests[0]!.closed).toEqual({ closedEarly: true });
  });

  it("makes the client's read fail on a 'reset' ending, after the written events", async () => {
    emulator.enqueue({ type: 'sse', events: [{ data: { choices: [] } }], ending: 'reset' });
    const response = await post({});
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('data: {"choices":[]}\n\n');
    await expect(reader.read()).rejects.toThrow();
  });

  it('close() ends hanging responses', async () => {
    const own = await startOpenRouterEmulator();
    own.enqueue({ type: 'raw', body: 'partial', ending: 'hang' });
    const response = await fetch(`${own.baseURL}/chat/completions`, { headers: AUTH });
    await own.close();
    await expect(response.text()).rejects.toThrow();
  });
});

describe('demoAgentHandler', () => {
  const tool = (name: string, properties: Record<string, unknown>) => ({
    type: 'function',
    function: { name, parameters: { type: 'object', properties } },
  });
  const tools = [
    tool('getWeather', { city: { type: 'string' } }),
    tool('convertTemperature', { celsius: { type: 'number' } }),
  ];
  const call = (id: string, name: string, args: string) => ({
    role: 'assistant',
    content: null,
    tool_calls: [{ id, type: 'function', function: { name, arguments: args } }],
  });
  type Completion = { choices: Array<{ message: Record<string, unknown>; finish_reason: string }> };
  const generate = async (body: unknown) =>
    ((await (await post(body)).json()) as Completion).choices[0]!;

  it('calls the tools in turn, then streams a text with their results', async () => {
    emulator.setHandler(demoAgentHandler());
    const messages: unknown[] = [{ role: 'user', content: "What's the weather in Paris?" }];
    const first = await generate({ model: 'm', messages, tools });
    expect(first.finish_reason).toBe('tool_calls');
    expect(first.message.reasoning).toMatch(/getWeather/);
    expect(first.message.tool_calls).toMatchObject([
      { function: { name: 'getWeather', arguments: '{"city":"Paris"}' } },
    ]);

    messages.push(call('c1', 'getWeather', '{"city":"Paris"}'));
    messages.push({ role: 'tool', tool_call_id: 'c1', content: '{"city":"Paris","temp":18}' });
    const second = await generate({ model: 'm', messages, tools });
    expect(second.message.reasoning).toBeNull();
    expect(second.message.tool_calls).toMatchObject([
      { function: { name: 'convertTemperature', arguments: '{"celsius":18}' } },
    ]);

    messages.push(call('c2', 'convertTemperature', '{"celsius":18}'));
    messages.push({ role: 'tool', tool_call_id: 'c2', content: '{"fahrenheit":64.4}' });
    const chunks = dataChunks(await (await post({ messages, tools, stream: true })).text());
    const text = streamedText(chunks);
    expect(text).toContain('getWeather returned {"city":"Paris","temp":18}');
    expect(text).toContain('convertTemperature returned {"fahrenheit":64.4}');
    expect(chunks.filter((c) => (c.choices as unknown[]).length > 0).length).toBeGreaterThan(4);
    expect(chunks.at(-2)!.choices).toMatchObject([{ finish_reason: 'stop' }]);
  });

  it('answers without tools, and fills a JSON-schema response_format', async () => {
    emulator.setHandler(demoAgentHandler());
    const user = (content: string) => [{ role: 'user', content }];
    expect((await generate({ messages: user('hello') })).message.content).toContain('"hello"');
    const schema = tool('', { city: { type: 'string' }, days: { type: 'integer' } }).function
      .parameters;
    const structured = await generate({
      messages: user('Forecast for Berlin, 3 days'),
      response_format: { type: 'json_schema', json_schema: { name: 'f', schema } },
    });
    expect(structured.message.content).toBe('{"city":"Berlin","days":3}');
  });
});

describe('authentication', () => {
  it('answers 401 like OpenRouter when no key is sent, unless told not to', async () => {
    emulator.setHandler(() => ({ type: 'json', body: {} }));
    const response = await fetch(`${emulator.baseURL}/chat/completions`, {
      method: 'POST',
      body: '{}',
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { message: 'No auth credentials found', code: 401 },
    });
    const open = await startOpenRouterEmulator({
      requireAuth: false,
      handler: () => ({ type: 'json', body: { ok: true } }),
    });
    const allowed = await fetch(`${open.baseURL}/chat/completions`, { method: 'POST', body: '{}' });
    expect(await allowed.json()).toEqual({ ok: true });
    await open.close();
  });
});
