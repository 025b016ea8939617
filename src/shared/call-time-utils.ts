import type { generateId, isBrowserRuntime, loadOptionalSetting } from '@ai-sdk/provider-utils';

/**
 * The provider-utils functions used by the per-request functions the provider creates up front:
 * the base URL and the key (environment variables, read at call time), the browser check of the
 * set-up warning, and the default id generator. Importing provider-utils where those functions
 * are created would load zod with the main entry, which is most of a cold start (about 100 ms in
 * a fresh Node process). They only ever run inside a call, and every call first loads the
 * request layer (`openrouter-request.ts`), which hands these over when it loads.
 */
export interface CallTimeUtils {
  generateId: typeof generateId;
  isBrowserRuntime: typeof isBrowserRuntime;
  loadOptionalSetting: typeof loadOptionalSetting;
}

let provided: CallTimeUtils | undefined;

/** Called once by the request layer when it loads. */
export function provideCallTimeUtils(utils: CallTimeUtils): void {
  provided = utils;
}

/** The functions, inside a call. Outside one (a bug of this package) this throws. */
export function callTimeUtils(): CallTimeUtils {
  if (provided === undefined) {
    throw new Error(
      'ai-sdk-openrouter: a per-request function ran before the request layer was loaded.',
    );
  }
  return provided;
}
