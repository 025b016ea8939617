import type { JSONObject, RerankingModelV4CallOptions, SharedV4Warning } from '@ai-sdk/provider';
import {
  layerOpenRouterRequest,
  resolveOpenRouterSettingsAndCall,
} from '../shared/layer-openrouter-request';
import {
  type OpenRouterRerankingBehaviour,
  type OpenRouterRerankingSettings,
  openRouterRerankingOptionsSpec,
} from './openrouter-reranking-options';

/** A document as `POST /rerank` takes it: text, or text and/or an image (URL or data URL). */
export type OpenRouterRerankDocument = string | { text?: string; image?: string };

/**
 * Builds the `/rerank` body. Precedence, lowest first: the call (`query`, `documents`, `topN`),
 * model settings, `extraBody` (provider, then model), call `providerOptions.openrouter`.
 */
export function buildOpenRouterRerankingRequest(options: {
  modelId: string;
  call: RerankingModelV4CallOptions;
  settings: OpenRouterRerankingSettings;
  providerExtraBody: Record<string, unknown> | undefined;
  warnings: SharedV4Warning[];
}): { body: Record<string, unknown>; behaviour: OpenRouterRerankingBehaviour } {
  const { call, warnings } = options;
  const { extraBody: modelExtraBody, ...settings } = options.settings;
  const resolved = resolveOpenRouterSettingsAndCall<OpenRouterRerankingBehaviour>(
    openRouterRerankingOptionsSpec,
    settings,
    call.providerOptions?.openrouter,
    warnings,
  );

  return layerOpenRouterRequest({
    base: {
      model: options.modelId,
      query: call.query,
      documents: convertOpenRouterRerankDocuments(call.documents, warnings),
      top_n: call.topN,
    },
    ...resolved,
    providerExtraBody: options.providerExtraBody,
    modelExtraBody,
  });
}

/**
 * Text documents go as they are. An object document that is OpenRouter's own document shape
 * (`text` and/or `image`, both strings) goes as it is too, so multimodal rerankers see the image.
 * Any other object (an email with `from` and `subject`, a database row) is sent as its JSON text,
 * the form every text reranker can score, with a compatibility warning.
 */
export function convertOpenRouterRerankDocuments(
  documents: RerankingModelV4CallOptions['documents'],
  warnings: SharedV4Warning[],
): OpenRouterRerankDocument[] {
  if (documents.type === 'text') return documents.values;
  let stringified = 0;
  const converted = documents.values.map((value): OpenRouterRerankDocument => {
    if (isOpenRouterDocument(value)) return value;
    stringified++;
    return JSON.stringify(value);
  });
  if (stringified > 0) {
    warnings.push({
      type: 'compatibility',
      feature: 'object documents',
      details: `${stringified} of ${converted.length} documents were sent as JSON text: OpenRouter takes objects only of the form { text?: string, image?: string }.`,
    });
  }
  return converted;
}

function isOpenRouterDocument(value: JSONObject): value is { text?: string; image?: string } {
  const keys = Object.keys(value);
  return (
    keys.length > 0 &&
    keys.every((key) => (key === 'text' || key === 'image') && typeof value[key] === 'string')
  );
}
