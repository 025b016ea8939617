import type { ExpectedContent } from './streams';

/**
 * Where a client puts what it read. Every client calls the same methods for the same content,
 * so the consumer's own cost is identical across clients.
 */
export interface Sink {
  /** Called once per stream part / SSE event (the memory probe samples here). */
  part(): void;
  text(delta: string): void;
  reasoning(delta: string): void;
  tool(name: string, input: string): void;
  finish(reason: string): void;
}

/** Collects the content, and the time of the first content part (for time-to-first-part). */
export class CollectingSink implements Sink {
  text_ = '';
  reasoning_ = '';
  readonly tools: Array<{ name: string; input: string }> = [];
  finishReason = '';
  firstContentAt: number | undefined;

  part(): void {}
  text(delta: string): void {
    this.firstContentAt ??= performance.now();
    this.text_ += delta;
  }
  reasoning(delta: string): void {
    this.firstContentAt ??= performance.now();
    this.reasoning_ += delta;
  }
  tool(name: string, input: string): void {
    this.firstContentAt ??= performance.now();
    this.tools.push({ name, input });
  }
  finish(reason: string): void {
    this.finishReason = reason;
  }

  /** The first difference from the expected content, or undefined when identical. */
  mismatch(expected: ExpectedContent, parsedToolInputs: boolean): string | undefined {
    if (this.text_ !== expected.text) return diff('text', this.text_, expected.text);
    if (this.reasoning_ !== expected.reasoning) {
      return diff('reasoning', this.reasoning_, expected.reasoning);
    }
    if (this.tools.length !== expected.tools.length) {
      return `${this.tools.length} tool calls instead of ${expected.tools.length}`;
    }
    for (const [index, want] of expected.tools.entries()) {
      const got = this.tools[index]!;
      // streamText parses tool inputs: compare the parsed value, re-serialised.
      const input = parsedToolInputs ? JSON.stringify(JSON.parse(want.input)) : want.input;
      if (got.name !== want.name) return `tool call ${index}: name ${got.name} != ${want.name}`;
      if (got.input !== input) return diff(`tool call ${index} input`, got.input, input);
    }
    if (this.finishReason !== expected.finishReason) {
      return `finish reason ${this.finishReason} != ${expected.finishReason}`;
    }
    return undefined;
  }
}

function diff(what: string, got: string, want: string): string {
  let at = 0;
  while (at < got.length && got[at] === want[at]) at++;
  return `${what} differs at ${at} (${got.length} vs ${want.length} chars): got ${JSON.stringify(got.slice(at, at + 40))}, want ${JSON.stringify(want.slice(at, at + 40))}`;
}
