import {
  InvalidResponseDataError,
  type LanguageModelV4StreamPart,
  type SharedV4ProviderMetadata,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import { StringBuilder } from '../../shared/string-builder';
import {
  toolCallArgumentsText,
  toolCallInput,
  unexpectedArgumentsWarning,
} from '../tool-call-arguments';
import {
  type AllocatedToolCallId,
  type ToolCallIdAllocator,
  toolCallProviderMetadata,
} from '../tool-call-ids';

interface PendingToolCall {
  id: string;
  allocated: AllocatedToolCallId;
  name: string | undefined;
  /** Argument text so far (emitted as it arrives once the call has a name). */
  arguments: StringBuilder;
  started: boolean;
}

/**
 * One element of `delta.tool_calls`, read defensively: any field may be missing. Upstreams send
 * first deltas without `type` or `id`, and some omit `index` altogether; none of that may end the
 * stream or lose the call.
 */
interface ToolCallDelta {
  index?: unknown;
  id?: unknown;
  function?: { name?: unknown; arguments?: unknown } | null;
}

/**
 * Assembles streamed tool calls. A call is finalised only on structure (the finish reason or
 * the end of the stream), never because a prefix of its arguments happens to parse as JSON
 * (`"12"` of `"1234"` does), and each call goes through start -> delta* -> end -> exactly one
 * tool-call, so a tool never runs twice and consumers always see the end of its input.
 */
export class StreamingToolCallAssembler {
  private readonly calls: PendingToolCall[] = [];
  private readonly byIndex = new Map<number, PendingToolCall>();
  private readonly byWireId = new Map<string, PendingToolCall>();

  constructor(
    private readonly emit: (part: LanguageModelV4StreamPart) => void,
    private readonly ids: ToolCallIdAllocator,
    private readonly warn: (warning: SharedV4Warning) => void,
  ) {}

  /** Whether a call started in this response (a call that never got a name does not count). */
  hasCalls = false;

  processDelta(delta: ToolCallDelta): void {
    const call = this.findOrCreate(delta);
    const name = delta.function?.name;
    if (typeof name === 'string' && name.length > 0 && call.name === undefined) call.name = name;
    // Usually a string fragment; some upstreams send the whole arguments as an object.
    const args = toolCallArgumentsText(delta.function?.arguments);
    if (args.unexpected) this.warn(unexpectedArgumentsWarning(call.name, args.unexpected));
    const text = args.text ?? '';
    if (!call.started) {
      call.arguments.append(text);
      if (call.name === undefined) return;
      call.started = true;
      this.hasCalls = true;
      this.emit({ type: 'tool-input-start', id: call.id, toolName: call.name });
      const buffered = call.arguments.toString();
      if (buffered.length > 0) {
        this.emit({ type: 'tool-input-delta', id: call.id, delta: buffered });
      }
      return;
    }
    call.arguments.append(text);
    if (text.length > 0) this.emit({ type: 'tool-input-delta', id: call.id, delta: text });
  }

  /** Ends every open call; `metadataFor` lets the caller attach round-trip metadata. */
  finalizeAll(metadataFor: () => SharedV4ProviderMetadata | undefined): void {
    for (const call of this.calls) {
      if (!call.started || call.name === undefined) {
        this.emit({
          type: 'error',
          error: new InvalidResponseDataError({
            data: { id: call.id, arguments: call.arguments.toString() },
            message: `OpenRouter streamed a tool call (${call.id}) without a function name; it was not executed.`,
          }),
        });
        continue;
      }
      this.emit({ type: 'tool-input-end', id: call.id });
      const input = call.arguments.toString();
      const providerMetadata = toolCallProviderMetadata(call.allocated, metadataFor());
      this.emit({
        type: 'tool-call',
        toolCallId: call.id,
        toolName: call.name,
        // A call without arguments streams "" throughout; the AI SDK expects JSON.
        input: toolCallInput(input),
        ...(providerMetadata ? { providerMetadata } : {}),
      });
    }
    this.calls.length = 0;
    this.byIndex.clear();
    this.byWireId.clear();
  }

  private findOrCreate(delta: ToolCallDelta): PendingToolCall {
    const index = typeof delta.index === 'number' ? delta.index : undefined;
    const wireId = typeof delta.id === 'string' && delta.id.length > 0 ? delta.id : undefined;
    // The index identifies a call; without one, the id does; without either, the delta
    // continues the latest call. (Upstreams that number ids per step repeat them, so an id
    // never overrides an index.)
    const existing =
      index !== undefined
        ? this.byIndex.get(index)
        : wireId !== undefined
          ? this.byWireId.get(wireId)
          : this.calls[this.calls.length - 1];
    if (existing) return existing;
    const allocated = this.ids.allocate(wireId);
    const call: PendingToolCall = {
      id: allocated.id,
      allocated,
      name: undefined,
      arguments: new StringBuilder(),
      started: false,
    };
    this.calls.push(call);
    if (index !== undefined) this.byIndex.set(index, call);
    if (wireId !== undefined) this.byWireId.set(wireId, call);
    return call;
  }
}
