import { notFound } from '../server/errors.js';
import type { RecordedRequest } from '../server/recorded-request.js';
import type { EmulatorHandler } from '../server/responses.js';
import { type ImageScript, imageResponse, TINY_PNG_BASE64, TINY_SVG } from './image-fixtures.js';

/** A file the image handler serves for URL outputs. */
export interface EmulatorImageFile {
  body: string | Uint8Array;
  contentType: string;
}

/** What {@link scriptedImages} serves besides `POST /images`. */
export interface ScriptedImagesOptions {
  /**
   * Files served at `GET /generated/<name>` (see {@link generatedImageUrl}), for URL outputs.
   * Default: `tiny.png` ({@link TINY_PNG_BASE64}) and `tiny.svg`.
   */
  files?: Record<string, EmulatorImageFile>;
}

const GENERATED = '/generated/';

/** The default files: the tiny PNG and SVG. */
function defaultFiles(): Record<string, EmulatorImageFile> {
  return {
    'tiny.png': { body: Buffer.from(TINY_PNG_BASE64, 'base64'), contentType: 'image/png' },
    'tiny.svg': { body: TINY_SVG, contentType: 'image/svg+xml' },
  };
}

/**
 * The URL at which {@link scriptedImages} serves the file `name`, on the emulator that received
 * `request` (so on the base URL's origin, where the provider sends its key).
 */
export function generatedImageUrl(request: RecordedRequest, name: string): string {
  return `http://${request.headers.host}/api/v1${GENERATED}${encodeURIComponent(name)}`;
}

/**
 * A handler for OpenRouter's image API: `POST /images` answers with the script (by default one
 * inline PNG per requested image, `n` read from the request), and `GET /generated/<name>` serves
 * the files of URL outputs. Other routes get a 404.
 */
export function scriptedImages(
  script: ImageScript | ((request: RecordedRequest) => ImageScript) = {},
  options: ScriptedImagesOptions = {},
): EmulatorHandler {
  const files = options.files ?? defaultFiles();
  return (request) => {
    if (request.method === 'POST' && request.path === '/images') {
      const body = (request.body ?? {}) as { n?: unknown };
      const requested = typeof body.n === 'number' && body.n > 0 ? body.n : 1;
      return imageResponse(typeof script === 'function' ? script(request) : script, requested);
    }
    if (request.method === 'GET' && request.path.startsWith(GENERATED)) {
      const file = files[decodeURIComponent(request.path.slice(GENERATED.length))];
      if (file) {
        return { type: 'raw', body: file.body, headers: { 'content-type': file.contentType } };
      }
    }
    return notFound(request);
  };
}
