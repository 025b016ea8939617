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
import { isJsonWhitespace, JsonObjectScanner } from './json-object-scanner';

interface PendingToolCall {
  id: string;
  allocated: AllocatedToolCallId;
  /** The upstream's id for this call, as the deltas carry it (`undefined`: none sent). */
  wireId: string | undefined;
  name: string | undefined;
  /** Argument text so far (emitted as it arrives once the call has a name). */
  arguments: StringBuilder;
  /** The number of the last `delta.tool_calls` that brought argument text after some content (0: none). */
  argumentsDelta: number;
  /** Where the arguments stand as a JSON object. */
  scanner: JsonObjectScanner;
  started: boolean;
  /** `tool-input-end` and `tool-call` are out: nothing more is passed on for this call. */
  finalized: boolean;
  /** Text arrived after the call was finalised and was reported (once per call). */
  reportedLate: boolean;
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
 * Assembles streamed tool calls. Each call goes through start -> delta* -> end -> exactly one
 * tool-call, so a tool never runs twice and consumers always see the end of its input. A call is
 * finalised as soon as it is known to be whole, so `ai` can start the tool while the rest of the
 * response is still streaming:
 * - its arguments form a complete JSON object (the brace depth outside strings is back to zero);
 *   a prefix that merely parses (`12` of `1234`) or an object cut short never counts;
 * - a later call begins in a later delta than the call's last argument text (upstreams stream
 *   calls one after the other; calls whose heads arrive together, in one delta or before any
 *   argument, stay open, so their arguments may still interleave);
 * - the finish reason or the end of the stream (`finalizeAll`).
 * Whitespace after a finalised call is ignored; any other text for it is reported as an error
 * part (the tool already has its input) and otherwise ignored.
 */
export class StreamingToolCallAssembler {
  private readonly calls: PendingToolCall[] = [];
  private readonly byIndex = new Map<number, PendingToolCall>();
  private readonly byWireId = new Map<string, PendingToolCall>();

  /**
   * @param metadataFor round-trip metadata for a call being finalised (the reasoning details
   *   that changed since they last travelled on a part).
   */
  constructor(
    private readonly emit: (part: LanguageModelV4StreamPart) => void,
    private readonly ids: ToolCallIdAllocator,
    private readonly warn: (warning: SharedV4Warning) => void,
    private readonly metadataFor: () => SharedV4ProviderMetadata | undefined,
  ) {}

  /** Whether a call started in this response (a call that never got a name does not count). */
  hasCalls = false;

  /** Numbers the `delta.tool_calls` arrays, to tell calls that arrive together from later ones. */
  private deltaCount = 0;

  /** One `delta.tool_calls` array: its elements, in order, arrived together. */
  processDeltas(deltas: readonly unknown[]): void {
    this.deltaCount++;
    for (const delta of deltas) {
      if (delta !== null && typeof delta === 'object') this.processElement(delta as ToolCallDelta);
    }
  }

  /** A `delta.tool_calls` array of one element. */
  processDelta(delta: ToolCallDelta): void {
    this.deltaCount++;
    this.processElement(delta);
  }

  private processElement(delta: ToolCallDelta): void {
    const call = this.findOrCreate(delta);
    // Usually a string fragment; some upstreams send the whole arguments as an object.
    const args = toolCallArgumentsText(delta.function?.arguments);
    if (call.finalized) {
      if (args.text !== undefined) this.afterCompletion(call, args.text);
      return;
    }
    const name = delta.function?.name;
    if (typeof name === 'string' && name.length > 0 && call.name === undefined) call.name = name;
    if (args.unexpected) this.warn(unexpectedArgumentsWarning(call.name, args.unexpected));
    const text = this.acceptedText(call, args.text ?? '');
    if (text.length > 0) {
      call.arguments.append(text);
      if (call.scanner.hasContent) call.argumentsDelta = this.deltaCount;
    }
    if (!call.started) {
      if (call.name === undefined) return;
      call.started = true;
      this.hasCalls = true;
      this.emit({ type: 'tool-input-start', id: call.id, toolName: call.name });
      const buffered = call.arguments.toString();
      if (buffered.length > 0) {
        this.emit({ type: 'tool-input-delta', id: call.id, delta: buffered });
      }
    } else if (text.length > 0) {
      this.emit({ type: 'tool-input-delta', id: call.id, delta: text });
    }
    if (call.scanner.complete) this.finalize(call);
  }

  /** Ends every open call (the finish reason or the end of the stream). */
  finalizeAll(): void {
    for (const call of this.calls) {
      if (call.finalized) continue;
      if (!call.started || call.name === undefined) {
        call.finalized = true;
        this.emit({
          type: 'error',
          error: new InvalidResponseDataError({
            data: { id: call.id, arguments: call.arguments.toString() },
            message: `OpenRouter streamed a tool call (${call.id}) without a function name; it was not executed.`,
          }),
        });
        continue;
      }
      this.finalize(call);
    }
    this.calls.length = 0;
    this.byIndex.clear();
    this.byWireId.clear();
  }

  /** The part of `text` that belongs to the call's arguments: nothing after a complete object. */
  private acceptedText(call: PendingToolCall, text: string): string {
    if (call.scanner.complete) {
      // Complete, but not yet passed on (the name is still missing).
      this.afterCompletion(call, text);
      return '';
    }
    const end = call.scanner.push(text);
    if (end < 0 || end === text.length) return text;
    this.afterCompletion(call, text.slice(end));
    return text.slice(0, end);
  }

  private finalize(call: PendingToolCall): void {
    call.finalized = true;
    this.emit({ type: 'tool-input-end', id: call.id });
    const providerMetadata = toolCallProviderMetadata(call.allocated, this.metadataFor());
    this.emit({
      type: 'tool-call',
      toolCallId: call.id,
      toolName: call.name!,
      // A call without arguments streams "" throughout; the AI SDK expects JSON.
      input: toolCallInput(call.arguments.toString()),
      ...(providerMetadata ? { providerMetadata } : {}),
    });
  }

  /** Text for a call whose input is already whole: whitespace is fine, anything else is not. */
  private afterCompletion(call: PendingToolCall, text: string): void {
    if (isJsonWhitespace(text) || call.reportedLate) return;
    call.reportedLate = true;
    const shown = text.length > 200 ? `${text.slice(0, 200)}…` : text;
    this.emit({
      type: 'error',
      error: new InvalidResponseDataError({
        data: { id: call.id, arguments: call.arguments.toString(), extra: text },
        message: `OpenRouter sent more arguments for tool call ${call.id}${call.name ? ` ("${call.name}")` : ''} after they were complete: ${JSON.stringify(shown)}. The call keeps the complete JSON object it already had; the extra text was ignored.`,
      }),
    });
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
    if (existing && !this.startsAnotherCall(existing, delta, wireId)) return existing;
    // A new call: the calls before it whose arguments streamed in earlier deltas are over.
    for (const call of this.calls) {
      const streamedBefore = call.argumentsDelta !== 0 && call.argumentsDelta < this.deltaCount;
      if (!call.finalized && call.started && streamedBefore) this.finalize(call);
    }
    const allocated = this.ids.allocate(wireId);
    const call: PendingToolCall = {
      id: allocated.id,
      allocated,
      wireId,
      name: undefined,
      arguments: new StringBuilder(),
      argumentsDelta: 0,
      scanner: new JsonObjectScanner(),
      started: false,
      finalized: false,
      reportedLate: false,
    };
    this.calls.push(call);
    if (index !== undefined) this.byIndex.set(index, call);
    if (wireId !== undefined) this.byWireId.set(wireId, call);
    return call;
  }

  /**
   * A call whose input is whole cannot go on: a delta for its index that names a function under
   * a different id is the next call (some upstreams give every parallel call index 0).
   */
  private startsAnotherCall(
    existing: PendingToolCall,
    delta: ToolCallDelta,
    wireId: string | undefined,
  ): boolean {
    if (!existing.finalized && !existing.scanner.complete) return false;
    const name = delta.function?.name;
    return (
      wireId !== undefined &&
      wireId !== existing.wireId &&
      typeof name === 'string' &&
      name.length > 0
    );
  }
}
