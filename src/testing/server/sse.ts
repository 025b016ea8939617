import type { SplitOptions, SseEvent } from './responses.js';

/** A write plan: byte pieces to write in order, and pauses (in ms) between them. */
export type WritePlan = Array<Uint8Array | { delayMs: number }>;

const encoder = new TextEncoder();

/** One event as text, followed by the blank line that ends it; `undefined` for delays. */
export function serializeSseEvent(
  event: SseEvent,
  lineEnding: '\n' | '\r\n' = '\n',
): string | undefined {
  if ('delayMs' in event) return undefined;
  if ('raw' in event) return event.raw;
  const end = lineEnding + lineEnding;
  if ('comment' in event) return `: ${event.comment}${end}`;
  if ('done' in event) return `data: [DONE]${end}`;
  const data = typeof event.data === 'string' ? event.data : JSON.stringify(event.data);
  return `data: ${data}${end}`;
}

/** The whole stream as text (delays ignored): what a client concatenating every read gets. */
export function serializeSse(events: SseEvent[], lineEnding: '\n' | '\r\n' = '\n'): string {
  let out = '';
  for (const event of events) out += serializeSseEvent(event, lineEnding) ?? '';
  return out;
}

/** Turns events into byte blocks separated by the events' delays. */
export function planSseWrites(
  events: SseEvent[],
  options: SplitOptions & { lineEnding?: '\n' | '\r\n' },
): WritePlan {
  const blocks: WritePlan = [];
  let text = '';
  for (const event of events) {
    if ('delayMs' in event) {
      if (text) blocks.push(encoder.encode(text));
      text = '';
      blocks.push({ delayMs: event.delayMs });
      continue;
    }
    text += serializeSseEvent(event, options.lineEnding) ?? '';
  }
  if (text) blocks.push(encoder.encode(text));
  return splitPlan(blocks, options);
}

/** Cuts byte blocks at global byte offsets (offsets count bytes across all blocks). */
export function splitPlan(blocks: WritePlan, options: SplitOptions): WritePlan {
  const total = blocks.reduce((n, b) => n + (b instanceof Uint8Array ? b.length : 0), 0);
  const cuts = new Set<number>();
  if (options.splitEvery !== undefined) {
    if (!(options.splitEvery >= 1)) throw new RangeError('splitEvery must be >= 1');
    for (let at = options.splitEvery; at < total; at += options.splitEvery) cuts.add(at);
  }
  for (const at of options.splitAt ?? []) if (at > 0 && at < total) cuts.add(at);
  if (cuts.size === 0) return blocks;

  const sorted = [...cuts].sort((a, b) => a - b);
  const out: WritePlan = [];
  let offset = 0;
  for (const block of blocks) {
    if (!(block instanceof Uint8Array)) {
      out.push(block);
      continue;
    }
    let start = 0;
    for (const cut of sorted) {
      const local = cut - offset;
      if (local <= start) continue;
      if (local >= block.length) break;
      out.push(block.subarray(start, local));
      start = local;
    }
    out.push(block.subarray(start));
    offset += block.length;
  }
  return out;
}
