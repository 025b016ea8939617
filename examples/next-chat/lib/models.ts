/** The model selected first in the pickers. */
export const DEFAULT_MODEL = 'openai/gpt-4o-mini';

/**
 * The models the browser-safe page may use: the proxy refuses any other (403), so the key on the
 * server cannot be spent on arbitrary models. `emulator/...` ids exist only in the emulator.
 */
export const BROWSER_ALLOWED_MODELS: readonly string[] = [
  'openai/gpt-4o-mini',
  'anthropic/claude-sonnet-4.5',
  'google/gemini-2.5-flash',
  'emulator/slow',
];

export interface ModelOption {
  id: string;
  name: string;
}
