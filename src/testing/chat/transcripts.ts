/**
 * Chat transcripts as wire text, for replaying byte for byte with {@link replayTranscript}: real
 * streams and responses captured from OpenRouter, and streams synthesised in the same
 * framing for cases no capture shows in one piece.
 */
import type { EmulatorResponse, SplitOptions } from '../server/responses.js';

/**
 * A stream synthesised in the framing of real captures: Anthropic reasoning closed by a
 * signature-only delta, text, a tool call, the finish chunk and a `choices: []` usage chunk.
 */
export const TRANSCRIPT_REASONING_TOOL_CALL = String.raw`: OPENROUTER PROCESSING

: OPENROUTER PROCESSING

data: {"id":"gen-1791500000-Ab3dEfGh1jKlMnOpQrSt","provider":"Anthropic","model":"anthropic/claude-sonnet-4.5","object":"chat.completion.chunk","created":1791500000,"choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null,"native_finish_reason":null,"logprobs":null}]}

data: {"id":"gen-1791500000-Ab3dEfGh1jKlMnOpQrSt","provider":"Anthropic","model":"anthropic/claude-sonnet-4.5","object":"chat.completion.chunk","created":1791500000,"choices":[{"index":0,"delta":{"role":"assistant","content":"","reasoning":"The user wants the weather","reasoning_details":[{"type":"reasoning.text","text":"The user wants the weather","format":"anthropic-claude-v1","index":0}]},"finish_reason":null,"native_finish_reason":null,"logprobs":null}]}

data: {"id":"gen-1791500000-Ab3dEfGh1jKlMnOpQrSt","provider":"Anthropic","model":"anthropic/claude-sonnet-4.5","object":"chat.completion.chunk","created":1791500000,"choices":[{"index":0,"delta":{"role":"assistant","content":"","reasoning":" in Paris. I should call get_weather.","reasoning_details":[{"type":"reasoning.text","text":" in Paris. I should call get_weather.","format":"anthropic-claude-v1","index":0}]},"finish_reason":null,"native_finish_reason":null,"logprobs":null}]}

data: {"id":"gen-1791500000-Ab3dEfGh1jKlMnOpQrSt","provider":"Anthropic","model":"anthropic/claude-sonnet-4.5","object":"chat.completion.chunk","created":1791500000,"choices":[{"index":0,"delta":{"role":"assistant","content":"","reasoning":"","reasoning_details":[{"type":"reasoning.text","signature":"EqQBCkgIChABGAIqQGs1c2lnbmF0dXJlLWV4YW1wbGU=","format":"anthropic-claude-v1","index":0}]},"finish_reason":null,"native_finish_reason":null,"logprobs":null}]}

data: {"id":"gen-1791500000-Ab3dEfGh1jKlMnOpQrSt","provider":"Anthropic","model":"anthropic/claude-sonnet-4.5","object":"chat.completion.chunk","created":1791500000,"choices":[{"index":0,"delta":{"role":"assistant","content":"Let me check the current"},"finish_reason":null,"native_finish_reason":null,"logprobs":null}]}

data: {"id":"gen-1791500000-Ab3dEfGh1jKlMnOpQrSt","provider":"Anthropic","model":"anthropic/claude-sonnet-4.5","object":"chat.completion.chunk","created":1791500000,"choices":[{"index":0,"delta":{"role":"assistant","content":" weather in Paris."},"finish_reason":null,"native_finish_reason":null,"logprobs":null}]}

data: {"id":"gen-1791500000-Ab3dEfGh1jKlMnOpQrSt","provider":"Anthropic","model":"anthropic/claude-sonnet-4.5","object":"chat.completion.chunk","created":1791500000,"choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"toolu_01A09q90qw90lq917835lq9","type":"function","function":{"name":"get_weather","arguments":""}}]},"finish_reason":null,"native_finish_reason":null,"logprobs":null}]}

data: {"id":"gen-1791500000-Ab3dEfGh1jKlMnOpQrSt","provider":"Anthropic","model":"anthropic/claude-sonnet-4.5","object":"chat.completion.chunk","created":1791500000,"choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"function":{"arguments":"{\"city\""}}]},"finish_reason":null,"native_finish_reason":null,"logprobs":null}]}

data: {"id":"gen-1791500000-Ab3dEfGh1jKlMnOpQrSt","provider":"Anthropic","model":"anthropic/claude-sonnet-4.5","object":"chat.completion.chunk","created":1791500000,"choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"function":{"arguments":":\"Paris\"}"}}]},"finish_reason":null,"native_finish_reason":null,"logprobs":null}]}

data: {"id":"gen-1791500000-Ab3dEfGh1jKlMnOpQrSt","provider":"Anthropic","model":"anthropic/claude-sonnet-4.5","object":"chat.completion.chunk","created":1791500000,"choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":"tool_calls","native_finish_reason":"tool_use","logprobs":null}]}

data: {"id":"gen-1791500000-Ab3dEfGh1jKlMnOpQrSt","provider":"Anthropic","model":"anthropic/claude-sonnet-4.5","object":"chat.completion.chunk","created":1791500000,"choices":[],"usage":{"prompt_tokens":412,"completion_tokens":96,"total_tokens":508,"cost":0.002676,"is_byok":false,"prompt_tokens_details":{"cached_tokens":0,"cache_write_tokens":0,"audio_tokens":0,"video_tokens":0},"cost_details":{"upstream_inference_cost":0.002676,"upstream_inference_prompt_cost":0.001236,"upstream_inference_completions_cost":0.00144},"completion_tokens_details":{"reasoning_tokens":58,"image_tokens":0,"audio_tokens":0}}}

data: [DONE]

`;

/**
 * A real stream captured from DeepSeek via InferenceNet (October 2026; its id was anonymised):
 * reasoning, a `length` stop, and usage on a chunk that repeats the finish choice.
 */
export const TRANSCRIPT_DEEPSEEK_LENGTH = `data: {"id":"gen-fixture-stream","object":"chat.completion.chunk","created":1791383960,"model":"deepseek/deepseek-v4.1-flash","provider":"InferenceNet","choices":[{"index":0,"delta":{"content":"","role":"assistant","reasoning":"The","reasoning_details":[{"type":"reasoning.text","text":"The","format":"unknown","index":0}]},"finish_reason":null,"native_finish_reason":null}]}

data: {"id":"gen-fixture-stream","object":"chat.completion.chunk","created":1791383960,"model":"deepseek/deepseek-v4.1-flash","provider":"InferenceNet","system_fingerprint":"inference.net","choices":[{"index":0,"delta":{"content":"","role":"assistant","reasoning":null},"finish_reason":"length","native_finish_reason":"length"}]}

data: {"id":"gen-fixture-stream","object":"chat.completion.chunk","created":1791383960,"model":"deepseek/deepseek-v4.1-flash","provider":"InferenceNet","system_fingerprint":"inference.net","service_tier":null,"choices":[{"index":0,"delta":{"content":"","role":"assistant"},"finish_reason":"length","native_finish_reason":"length"}],"usage":{"prompt_tokens":37,"completion_tokens":8,"total_tokens":45,"cost":0.000007765,"is_byok":false,"prompt_tokens_details":{"cached_tokens":0,"cache_write_tokens":0,"audio_tokens":0,"video_tokens":0},"cost_details":{"upstream_inference_cost":0.000007765,"upstream_inference_prompt_cost":0.000005365,"upstream_inference_completions_cost":0.0000024},"completion_tokens_details":{"reasoning_tokens":8,"image_tokens":0,"audio_tokens":0}}}

data: [DONE]

`;

/**
 * A real stream captured from Claude Haiku via Amazon Bedrock (March 2026): a tool call without
 * arguments, and a `choices: []` usage chunk without cost fields.
 */
export const TRANSCRIPT_BEDROCK_TOOL_CALL = `data: {"id":"gen-1772969079-EhEx5DeV7JqM43lpl47Y","object":"chat.completion.chunk","created":1772969079,"model":"anthropic/claude-4.5-haiku-20251001","provider":"Amazon Bedrock","choices":[{"index":0,"delta":{"content":null,"role":"assistant","tool_calls":[{"index":0,"id":"toolu_bdrk_01AMXFNuQYF6fxS1hryPtu9K","type":"function","function":{"name":"get_all_tabs","arguments":""}}]},"finish_reason":null,"native_finish_reason":null}]}

data: {"id":"gen-1772969079-EhEx5DeV7JqM43lpl47Y","object":"chat.completion.chunk","created":1772969079,"model":"anthropic/claude-4.5-haiku-20251001","provider":"Amazon Bedrock","choices":[{"index":0,"delta":{"content":null,"role":"assistant","tool_calls":[{"index":0,"function":{"arguments":""}}]},"finish_reason":null,"native_finish_reason":null}]}

data: {"id":"gen-1772969079-EhEx5DeV7JqM43lpl47Y","object":"chat.completion.chunk","created":1772969079,"model":"anthropic/claude-4.5-haiku-20251001","provider":"Amazon Bedrock","choices":[{"index":0,"delta":{"content":"","role":"assistant"},"finish_reason":"tool_calls","native_finish_reason":"tool_calls"}]}

data: {"id":"gen-1772969079-EhEx5DeV7JqM43lpl47Y","object":"chat.completion.chunk","created":1772969079,"model":"anthropic/claude-4.5-haiku-20251001","provider":"Amazon Bedrock","choices":[],"usage":{"prompt_tokens":25105,"completion_tokens":55,"total_tokens":25160}}

data: [DONE]

`;

/**
 * An error after the first token, in the shape OpenRouter documents: text, then a chunk with a
 * top-level `error` and `finish_reason: "error"`, then `[DONE]`.
 */
export const TRANSCRIPT_MID_STREAM_ERROR = `data: {"id":"gen-1791500100-ZyXwVuTsRqPoNmLkJiHg","provider":"OpenAI","model":"openai/gpt-4o","object":"chat.completion.chunk","created":1791500100,"choices":[{"index":0,"delta":{"role":"assistant","content":"Once upon a"},"finish_reason":null,"native_finish_reason":null}]}

data: {"id":"gen-1791500100-ZyXwVuTsRqPoNmLkJiHg","object":"chat.completion.chunk","created":1791500100,"model":"openai/gpt-4o","provider":"OpenAI","error":{"code":502,"message":"Provider disconnected unexpectedly","metadata":{"error_type":"provider_unavailable"}},"choices":[{"index":0,"delta":{"content":""},"finish_reason":"error"}]}

data: [DONE]

`;

/** A real non-streamed response captured from Qwen via Parasail (May 2026): reasoning and a tool call. */
export const RESPONSE_PARASAIL_TOOL_CALL = String.raw`{"id":"gen-1779334358-5uErgorPN1rJbPw8AVrM","object":"chat.completion","created":1779334358,"model":"qwen/qwen3.5-35b-a3b-20260224","provider":"Parasail","system_fingerprint":"vllm-0.20.2rc1.dev1310+gb13770ae3-tp2-24836ff9","choices":[{"index":0,"logprobs":null,"finish_reason":"tool_calls","native_finish_reason":"tool_calls","message":{"role":"assistant","content":null,"refusal":null,"reasoning":"The user is asking for a pad thai recipe. I should search for pad thai recipes using the search_recipes function. I'll use \"pad thai\" as the query parameter.\n","tool_calls":[{"type":"function","index":0,"id":"call_7b205c4c32234f3e91624804","function":{"name":"search_recipes","arguments":"{\"query\": \"pad thai\"}"}}],"reasoning_details":[{"type":"reasoning.text","text":"The user is asking for a pad thai recipe. I should search for pad thai recipes using the search_recipes function. I'll use \"pad thai\" as the query parameter.\n","format":"unknown","index":0}]}}],"usage":{"prompt_tokens":1077,"completion_tokens":66,"total_tokens":1143,"cost":0.00012195,"is_byok":false,"prompt_tokens_details":{"cached_tokens":1056,"cache_write_tokens":0,"audio_tokens":0,"video_tokens":0},"cost_details":{"upstream_inference_cost":0.00012195,"upstream_inference_prompt_cost":0.00005595,"upstream_inference_completions_cost":0.000066},"completion_tokens_details":{"reasoning_tokens":41,"image_tokens":0,"audio_tokens":0}}}`;

/**
 * Replays a transcript byte for byte: as an SSE stream (when it starts with `:` or `data:`) or
 * as a JSON body, with the headers OpenRouter sends (the generation id is taken from the text).
 */
export function replayTranscript(
  transcript: string,
  options: SplitOptions & { lineEnding?: '\n' | '\r\n'; ending?: 'end' | 'reset' | 'hang' } = {},
): EmulatorResponse {
  const { lineEnding, ...rest } = options;
  const sse = /^(:|data:)/.test(transcript);
  const id = /"id":"([^"]+)"/.exec(transcript)?.[1];
  const headers: Record<string, string> = sse
    ? { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' }
    : { 'content-type': 'application/json' };
  if (id) headers['x-generation-id'] = id;
  const body = lineEnding === '\r\n' ? transcript.replaceAll('\n', '\r\n') : transcript;
  return { type: 'raw', body, headers, ...rest };
}
