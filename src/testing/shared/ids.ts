import { randomInt } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomAlnum(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALNUM[randomInt(ALNUM.length)];
  return out;
}

/** A generation id in OpenRouter's real form, `gen-<unix seconds>-<20 alnum>`. */
export function generationId(created: number = Math.floor(Date.now() / 1000)): string {
  return `gen-${created}-${randomAlnum(20)}`;
}

/** A tool-call id in the common upstream form, `call_<24 alnum>`. */
export function toolCallId(): string {
  return `call_${randomAlnum(24)}`;
}
