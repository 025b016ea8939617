import { LoadAPIKeyError, type SharedV4Warning } from '@ai-sdk/provider';
import { callTimeUtils } from './call-time-utils';

/** The provider settings that become request headers. */
export interface OpenRouterHeaderSettings {
  apiKey?: string;
  headers?: Record<string, string | undefined>;
  appName?: string;
  appUrl?: string;
  appCategories?: string[];
  apiKeys?: Record<string, string>;
  /** @deprecated Spelling of `@openrouter/ai-sdk-provider`; use `apiKeys`. */
  api_keys?: Record<string, string>;
  sessionId?: string;
  responseCache?: boolean;
  anthropicBeta?: string[];
  routerMetadata?: boolean;
}

const OPENROUTER_HOST = /^https:\/\/([a-z0-9-]+\.)*openrouter\.ai(\/|$)/i;

/** Whether requests go to OpenRouter itself rather than to a proxy or gateway of the app's. */
function isOpenRouterBaseURL(baseURL: string): boolean {
  return OPENROUTER_HOST.test(baseURL);
}

/**
 * Builds the per-request headers. The key is resolved on every request (a missing key fails the
 * call, not the import). It is required only when talking to OpenRouter itself: behind the
 * app's own proxy route (browser-safe mode) no key is needed and none is sent unless configured.
 */
export function createOpenRouterHeaders(
  settings: OpenRouterHeaderSettings,
  baseURL: () => string,
): () => Record<string, string | undefined> {
  return () => {
    const apiKey = resolveApiKey(settings.apiKey, baseURL());
    const byokKeys = settings.apiKeys ?? settings.api_keys;
    return {
      ...(apiKey !== undefined ? { Authorization: `Bearer ${apiKey}` } : {}),
      ...(settings.appUrl ? { 'HTTP-Referer': settings.appUrl } : {}),
      ...(settings.appName
        ? { 'X-OpenRouter-Title': settings.appName, 'X-Title': settings.appName }
        : {}),
      ...(settings.appCategories?.length
        ? { 'X-OpenRouter-Categories': settings.appCategories.join(',') }
        : {}),
      ...(byokKeys ? { 'X-Provider-API-Keys': JSON.stringify(byokKeys) } : {}),
      ...(settings.sessionId ? { 'x-session-id': settings.sessionId } : {}),
      ...(settings.responseCache ? { 'X-OpenRouter-Cache': 'true' } : {}),
      ...(settings.anthropicBeta?.length
        ? { 'x-anthropic-beta': settings.anthropicBeta.join(',') }
        : {}),
      ...(settings.routerMetadata ? { 'X-OpenRouter-Metadata': 'enabled' } : {}),
      ...settings.headers,
    };
  };
}

/**
 * The key: the `apiKey` setting, else `OPENROUTER_API_KEY`, read per request. An empty or blank
 * value counts as unset in both places, so a blank key is never sent as `Bearer `: an explicit
 * `apiKey: ''` is most likely an unset environment variable in the app's code (read with a `''`
 * fallback), so `OPENROUTER_API_KEY` is used instead. Without a key, calls to OpenRouter itself fail with
 * `LoadAPIKeyError`; calls to a proxy base URL go out without one.
 */
function resolveApiKey(apiKey: unknown, baseURL: string): string | undefined {
  if (apiKey != null && typeof apiKey !== 'string') {
    throw new LoadAPIKeyError({ message: 'The OpenRouter API key (apiKey) must be a string.' });
  }
  const key =
    nonBlank(apiKey) ??
    nonBlank(
      callTimeUtils().loadOptionalSetting({
        settingValue: undefined,
        environmentVariableName: 'OPENROUTER_API_KEY',
      }),
    );
  if (key !== undefined || !isOpenRouterBaseURL(baseURL)) return key;
  throw new LoadAPIKeyError({
    message:
      "OpenRouter API key is missing or blank. Pass it using the 'apiKey' setting or the OPENROUTER_API_KEY environment variable.",
  });
}

function nonBlank(value: string | null | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * Once per provider: a real key in a browser page calling OpenRouter directly is readable by
 * anyone who opens the page. Reported as an AI SDK warning on the first call.
 */
export function createSetupWarnings(
  settings: OpenRouterHeaderSettings,
  baseURL: () => string,
): () => SharedV4Warning[] {
  let reported = false;
  return () => {
    if (reported) return [];
    reported = true;
    if (!callTimeUtils().isBrowserRuntime() || !settings.apiKey || !isOpenRouterBaseURL(baseURL()))
      return [];
    return [
      {
        type: 'other',
        message:
          'ai-sdk-openrouter is running in a browser with an OpenRouter API key: anyone who can open the page can read it. Point baseURL at your own server route that adds the key (see the README, "Browser-safe mode").',
      },
    ];
  };
}
