import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRANSCRIPT_MID_STREAM_ERROR, TRANSCRIPT_REASONING_TOOL_CALL } from '../src/testing/index';
import { chunk, joinDeltas, runStream, sse } from './helpers/run-stream';

/** A generated OpenRouter stream: reasoning, text and tool-call fragments, then finish + usage. */
const fragment = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 });

const generatedStream = fc
  .record({
    reasoning: fc.array(fragment, { maxLength: 4 }),
    text: fc.array(fragment, { maxLength: 6 }),
    toolCalls: fc.array(
      fc.record({
        name: fc.constantFrom('getWeather', 'search', 'convert'),
        argumentFragments: fc.array(fragment, { maxLength: 4 }),
      }),
      { maxLength: 3 },
    ),
    usageOnFinish: fc.boolean(),
    crlf: fc.boolean(),
    comments: fc.nat({ max: 3 }),
  })
  .map((script) => {
    const chunks: unknown[] = [];
    for (const piece of script.reasoning) {
      chunks.push(
        chunk({
          reasoning: piece,
          reasoning_details: [{ type: 'reasoning.text', text: piece, format: 'unknown', index: 0 }],
        }),
      );
    }
    for (const piece of script.text) chunks.push(chunk({ content: piece }));
    script.toolCalls.forEach((call, index) => {
      chunks.push(
        chunk({
          tool_calls: [
            {
              index,
              id: `call_${index}`,
              type: 'function',
              function: { name: call.name, arguments: '' },
            },
          ],
        }),
      );
      for (const piece of call.argumentFragments) {
        chunks.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
      }
    });
    const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15, cost: 0.0001 };
    const finishReason = script.toolCalls.length > 0 ? 'tool_calls' : 'stop';
    chunks.push(
      chunk({ content: '' }, script.usageOnFinish ? { usage } : {}, {
        finish_reason: finishReason,
      }),
    );
    if (!script.usageOnFinish) chunks.push(chunk(undefined, { usage }));
    const body = ': OPENROUTER PROCESSING\n\n'.repeat(script.comments) + sse(chunks);
    return script.crlf ? body.replace(/\n/g, '\r\n') : body;
  });

const splits = fc.array(fc.nat({ max: 20_000 }), { maxLength: 40 });

describe('chunking invariance (property)', () => {
  // The deltas of one block that arrive in one read are joined into one part, so a split changes
  // how many deltas there are: the parts are compared with consecutive deltas joined
  // (`joinDeltas`), i.e. the same parts with the same content per block.
  it('any split of the byte stream yields the parts of the unsplit stream (deltas joined)', async () => {
    await fc.assert(
      fc.asyncProperty(generatedStream, splits, async (transcript, offsets) => {
        const whole = await runStream(transcript);
        const split = await runStream(transcript, { splitAt: offsets });
        expect(joinDeltas(split)).toEqual(whole);
        expect(whole.at(-1)?.type).toBe('finish');
        expect(whole.some((part) => part.type === 'error')).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('documented transcripts survive every single split point', async () => {
    for (const transcript of [TRANSCRIPT_REASONING_TOOL_CALL, TRANSCRIPT_MID_STREAM_ERROR]) {
      const whole = await runStream(transcript);
      const length = new TextEncoder().encode(transcript).length;
      for (let offset = 1; offset < length; offset += 7) {
        expect(joinDeltas(await runStream(transcript, { splitAt: [offset] }))).toEqual(whole);
      }
    }
  });

  it('text and arguments reassemble to what was sent, across multi-byte characters', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fragment, { minLength: 1, maxLength: 8 }),
        splits,
        async (pieces, offsets) => {
          const args = JSON.stringify({ q: pieces.join('') });
          const transcript = sse([
            ...pieces.map((piece) => chunk({ content: piece })),
            chunk({
              tool_calls: [
                {
                  index: 0,
                  id: 'c',
                  type: 'function',
                  function: { name: 'f', arguments: args.slice(0, 3) },
                },
              ],
            }),
            chunk({ tool_calls: [{ index: 0, function: { arguments: args.slice(3) } }] }),
            chunk({}, {}, { finish_reason: 'tool_calls' }),
          ]);
          const parts = await runStream(transcript, { splitAt: offsets });
          const text = parts.map((part) => (part.type === 'text-delta' ? part.delta : '')).join('');
          expect(text).toBe(pieces.join(''));
          const call = parts.find((part) => part.type === 'tool-call');
          expect(call && call.type === 'tool-call' ? call.input : undefined).toBe(args);
        },
      ),
      { numRuns: 150 },
    );
  });
});
