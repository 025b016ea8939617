import { type EmbeddingModelV4Result, InvalidResponseDataError } from '@ai-sdk/provider';
import { buildOpenRouterResponseMetadata } from '../shared/openrouter-response-metadata';
import { Base64VectorError, decodeBase64Float32 } from './decode-base64-float32';
import type {
  OpenRouterEmbeddingData,
  OpenRouterEmbeddingResponse,
} from './openrouter-embedding-api';

/** The parts of the V4 result that come from the response body. */
export function mapOpenRouterEmbeddingResponse(options: {
  response: OpenRouterEmbeddingResponse;
  inputCount: number;
  responseHeaders: Record<string, string>;
}): Pick<EmbeddingModelV4Result, 'embeddings' | 'usage' | 'providerMetadata'> {
  const { response } = options;
  const usage = response.usage ?? undefined;
  // Embeddings have input tokens only; some upstreams report just the total.
  const tokens = usage?.prompt_tokens ?? usage?.total_tokens ?? undefined;
  const metadata = buildOpenRouterResponseMetadata({
    provider: response.provider,
    generationId: response.id,
    usage,
    responseHeaders: options.responseHeaders,
  });
  return {
    embeddings: orderOpenRouterEmbeddings(response.data, options.inputCount),
    usage: tokens !== undefined ? { tokens } : undefined,
    providerMetadata: { openrouter: metadata },
  };
}

/**
 * The vectors in input order, decoded to numbers. Entries are placed by `data[].index`, whatever
 * order they arrive in (upstreams that process a batch in parallel may answer out of order);
 * only when no entry has an index is the arrival order taken as the input order. A response that
 * cannot be matched to the inputs one to one is an error rather than a silent misalignment.
 */
export function orderOpenRouterEmbeddings(
  data: OpenRouterEmbeddingData[],
  inputCount: number,
): number[][] {
  if (data.length !== inputCount) {
    throw invalid(
      `OpenRouter returned ${data.length} readable embeddings for ${inputCount} inputs.`,
      data,
    );
  }
  const withIndex = data.filter((entry) => entry.index != null).length;
  if (withIndex === 0) return data.map((entry, position) => decode(entry, position, data));
  if (withIndex !== data.length) {
    throw invalid(
      `OpenRouter returned ${data.length - withIndex} of ${data.length} embeddings without an index, so they cannot be matched to their inputs.`,
      data,
    );
  }
  const ordered = new Array<number[] | undefined>(inputCount);
  for (const entry of data) {
    const index = entry.index!;
    if (!Number.isInteger(index) || index < 0 || index >= inputCount) {
      throw invalid(
        `OpenRouter returned an embedding with index ${index}, outside the ${inputCount} inputs.`,
        data,
      );
    }
    if (ordered[index] !== undefined) {
      throw invalid(`OpenRouter returned two embeddings with index ${index}.`, data);
    }
    ordered[index] = decode(entry, index, data);
  }
  return ordered as number[][];
}

function decode(
  entry: OpenRouterEmbeddingData,
  index: number,
  data: OpenRouterEmbeddingData[],
): number[] {
  if (typeof entry.embedding !== 'string') return entry.embedding;
  try {
    return decodeBase64Float32(entry.embedding);
  } catch (error) {
    if (!(error instanceof Base64VectorError)) throw error;
    throw invalid(`The embedding for input ${index} cannot be decoded: ${error.message}.`, data);
  }
}

/** The offending `data` is attached with the vectors elided: they can be megabytes. */
function invalid(message: string, data: OpenRouterEmbeddingData[]): InvalidResponseDataError {
  return new InvalidResponseDataError({
    message,
    data: data.map(({ embedding, ...entry }) => ({
      ...entry,
      embedding:
        typeof embedding === 'string'
          ? `<base64, ${embedding.length} characters>`
          : `<${embedding.length} numbers>`,
    })),
  });
}
