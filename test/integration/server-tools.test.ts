/**
 * OpenRouter server tools through `ai`: typed factories on the provider, the documented wire
 * shape, forcing one with toolChoice, and executed calls surfacing as provider-executed tool
 * parts with their web-search citations as sources.
 */
import { generateText, isStepCount, streamText, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scriptedChat } from '../../src/testing/index.js';
import { scriptedTurns, useEmulator } from './support.js';

const ctx = useEmulator();

const serverToolCall = {
  type: 'reasoning.server_tool_call',
  tool_name: 'web_search',
  tool_call_id: 'srvtool_1',
  arguments: '{"query":"weather in Paris"}',
  result: '{"results":[{"title":"Paris weather","url":"https://weather.example/paris"}]}',
  format: 'unknown',
  index: 0,
};

const citation = (url: string, title: string) => ({
  type: 'url_citation',
  url_citation: { url, title, content: 'It is sunny.', start_index: 0, end_index: 9 },
});

const searchAnswer = {
  reasoningDetails: [serverToolCall],
  text: 'It is sunny in Paris.',
  annotations: [
    citation('https://weather.example/paris', 'Paris weather'),
    citation('https://weather.example/paris', 'Paris weather'),
    citation('https://news.example/today', 'Today'),
  ],
  usage: { server_tool_use_details: { web_search_requests: 1 } },
};

describe('OpenRouter server tools', () => {
  it('sends the documented shape: `openrouter:<name>` with snake_case parameters', async () => {
    ctx.emulator.setHandler(scriptedChat({ text: 'ok' }));
    await generateText({
      model: ctx.model(),
      prompt: 'news?',
      tools: {
        search: ctx.openrouter.tools.webSearch({
          maxResults: 3,
          engine: 'exa',
          allowedDomains: ['a.example'],
        }),
        now: ctx.openrouter.tools.datetime({}),
      },
    });
    const body = ctx.chatBodies()[0] as unknown as { tools: unknown[]; tool_choice: unknown };
    expect(body.tools).toEqual([
      {
        type: 'openrouter:web_search',
        parameters: { max_results: 3, engine: 'exa', allowed_domains: ['a.example'] },
      },
      { type: 'openrouter:datetime' },
    ]);
    expect(body.tool_choice).toBe('auto');
  });

  it('forcing a server tool names it directly in tool_choice', async () => {
    ctx.emulator.setHandler(scriptedChat(searchAnswer));
    await generateText({
      model: ctx.model(),
      prompt: 'weather?',
      tools: { search: ctx.openrouter.tools.webSearch({}) },
      toolChoice: { type: 'tool', toolName: 'search' },
    });
    const body = ctx.chatBodies()[0] as unknown as { tool_choice: unknown };
    expect(body.tool_choice).toEqual({ type: 'openrouter:web_search' });
  });

  for (const mode of ['generateText', 'streamText'] as const) {
    it(`${mode}: an executed search is a provider-executed call with its result and sources`, async () => {
      ctx.emulator.setHandler(
        scriptedTurns([
          searchAnswer,
          { text: 'Glad to help.' }, // second user turn
        ]),
      );
      const options = {
        model: ctx.model(),
        prompt: 'What is the weather in Paris?',
        tools: {
          search: ctx.openrouter.tools.webSearch({ maxResults: 2 }),
          calculator: tool({
            inputSchema: z.object({ expression: z.string() }),
            execute: async () => 0,
          }),
        },
        stopWhen: isStepCount(3),
      };
      const result = mode === 'generateText' ? await generateText(options) : streamText(options);
      const [content, sources, finishReason, steps, usage] = await Promise.all([
        result.content,
        result.sources,
        result.finishReason,
        result.steps,
        result.usage,
      ]);

      // One step: a provider-executed call does not need the app to run anything.
      expect(steps).toHaveLength(1);
      expect(finishReason).toBe('stop');
      const toolCall = content.find((part) => part.type === 'tool-call');
      expect(toolCall).toMatchObject({
        toolCallId: 'srvtool_1',
        toolName: 'search',
        input: { query: 'weather in Paris' },
        providerExecuted: true,
      });
      const toolResult = content.find((part) => part.type === 'tool-result');
      expect(toolResult).toMatchObject({
        toolCallId: 'srvtool_1',
        toolName: 'search',
        output: { results: [{ title: 'Paris weather', url: 'https://weather.example/paris' }] },
      });
      expect(
        sources.map((source) => (source.sourceType === 'url' ? [source.url, source.title] : [])),
      ).toEqual([
        ['https://weather.example/paris', 'Paris weather'],
        ['https://news.example/today', 'Today'],
      ]);
      expect(new Set(sources.map((source) => source.id)).size).toBe(2);
      expect(usage.inputTokens).toBeGreaterThan(0);
      expect(steps[0]?.providerMetadata?.openrouter?.usage).toMatchObject({
        serverToolUse: { web_search_requests: 1 },
      });

      // The next turn sends the call back inside reasoning_details, not as a function call.
      const messages = (await result.response).messages;
      await generateText({
        model: ctx.model(),
        messages: [
          { role: 'user', content: 'What is the weather in Paris?' },
          ...messages,
          { role: 'user', content: 'Thanks!' },
        ],
        tools: options.tools,
      });
      const next = ctx.chatBodies()[1];
      const assistant = next?.messages.find((message) => message.role === 'assistant');
      expect(assistant).toEqual({
        role: 'assistant',
        content: 'It is sunny in Paris.',
        reasoning_details: [serverToolCall],
      });
    });
  }
});
