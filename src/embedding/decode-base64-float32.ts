/**
 * Decodes an embedding sent as `encoding_format: "base64"`: the vector's float32 values as
 * little-endian bytes, base64-encoded (OpenAI's format, which OpenRouter passes on). Web APIs
 * only (`atob`, typed arrays; no `Buffer`), so it runs unchanged in browsers and edge runtimes.
 * `atob` was measured faster than a table-driven decoder in JavaScript (81-135 ms against
 * 102-227 ms for 2,048 vectors of 1,536 values on Node 20). The URL-safe alphabet is accepted too.
 */

/** Float32Array views read the platform's byte order; the wire's is little-endian. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The text is not base64, or not a whole number of float32 values. */
export class Base64VectorError extends Error {}

export function decodeBase64Float32(base64: string): number[] {
  const binary = decodeBase64(base64);
  if (binary.length % 4 !== 0) {
    throw new Base64VectorError(
      `a base64 embedding of ${binary.length} bytes is not a whole number of float32 values`,
    );
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);

  const length = bytes.length / 4;
  const vector = new Array<number>(length);
  if (LITTLE_ENDIAN) {
    const floats = new Float32Array(bytes.buffer);
    for (let k = 0; k < length; k++) vector[k] = floats[k]!;
  } else {
    const view = new DataView(bytes.buffer);
    for (let k = 0; k < length; k++) vector[k] = view.getFloat32(k * 4, true);
  }
  return vector;
}

/** `atob`, retried with the standard alphabet when the text uses the URL-safe one. */
function decodeBase64(base64: string): string {
  try {
    return atob(base64);
  } catch {
    try {
      return atob(base64.replace(/-/g, '+').replace(/_/g, '/'));
    } catch {
      throw new Base64VectorError('a base64 embedding is not valid base64 text');
    }
  }
}
