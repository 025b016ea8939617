import type {
  JSONObject,
  JSONValue,
  LanguageModelV4CallOptions,
  LanguageModelV4ToolCall,
  LanguageModelV4ToolResult,
} from '@ai-sdk/provider';
import { createToolNameMapping } from '@ai-sdk/provider-utils';
import { serverToolNames } from '../tool/openrouter-tools';
import type { ToolCallIdAllocator } from './tool-call-ids';

/** Marks the parts so the next turn's prompt conversion knows they need not be sent back. */
const SERVER_TOOL_CALL_METADATA = { openrouter: { serverToolCall: true } };

/**
 * A server tool call that OpenRouter executed (`reasoning.server_tool_call` detail) becomes a
 * provider-executed `tool-call` plus its `tool-result`, under the name the app gave the tool.
 * Server tools enabled another way (plugins, model variants) have no entry in the app's tool
 * set and are reported as dynamic tools. The detail itself stays in `reasoning_details`, which
 * is how OpenRouter gets the call back on the next turn.
 */
export class ServerToolCallMapper {
  private readonly names: ReturnType<typeof createToolNameMapping>;
  private readonly toolNames: Set<string>;

  constructor(
    tools: LanguageModelV4CallOptions['tools'],
    private readonly ids: ToolCallIdAllocator,
  ) {
    this.names = createToolNameMapping({ tools, providerToolNames: serverToolNames(tools) });
    this.toolNames = new Set((tools ?? []).map((tool) => tool.name));
  }

  map(detail: JSONObject): [LanguageModelV4ToolCall, LanguageModelV4ToolResult] | undefined {
    if (typeof detail.tool_name !== 'string') return undefined;
    const wireName = detail.tool_name.replace(/^openrouter:/, '');
    const toolName = this.names.toCustomToolName(wireName);
    const dynamic = !this.toolNames.has(toolName);
    // The call goes back inside reasoning_details, never as a tool call: no wire id to keep.
    const toolCallId = this.ids.allocate(
      typeof detail.tool_call_id === 'string' ? detail.tool_call_id : undefined,
    ).id;
    const input =
      typeof detail.arguments === 'string'
        ? detail.arguments.trim() || '{}'
        : (JSON.stringify(detail.arguments ?? {}) ?? '{}');
    return [
      {
        type: 'tool-call',
        toolCallId,
        toolName,
        input,
        providerExecuted: true,
        ...(dynamic ? { dynamic: true } : {}),
        providerMetadata: SERVER_TOOL_CALL_METADATA,
      },
      {
        type: 'tool-result',
        toolCallId,
        toolName,
        result: parseResult(detail.result),
        ...(dynamic ? { dynamic: true } : {}),
        providerMetadata: SERVER_TOOL_CALL_METADATA,
      },
    ];
  }
}

/** Results arrive as strings; JSON ones are handed to the app parsed. */
function parseResult(result: JSONValue | undefined): NonNullable<JSONValue> {
  if (typeof result !== 'string') return result ?? '';
  try {
    return (JSON.parse(result) as JSONValue) ?? result;
  } catch {
    return result;
  }
}
