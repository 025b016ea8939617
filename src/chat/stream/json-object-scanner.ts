const SPACE = 32;
const TAB = 9;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/** Only whitespace so far. */
const BEFORE = 0;
/** Inside the top-level object. */
const IN_OBJECT = 1;
/** The text does not start with `{`: it never completes early (a scalar, an array, junk). */
const NOT_AN_OBJECT = 2;
/** The top-level object closed. */
const COMPLETE = 3;

/**
 * Tells, fragment by fragment, when streamed tool-call arguments form a complete JSON object:
 * the depth of braces and brackets outside strings (escapes included) returns to zero after an
 * opening `{`. Each character is looked at once, whatever the fragment sizes, so the cost is
 * linear in the argument length. It does not validate: a malformed object still completes at its
 * last closing bracket, and the AI SDK then reports the invalid input. A prefix that merely
 * parses (`12` of `1234`, `{"a":1` cut short) never completes.
 */
export class JsonObjectScanner {
  private state: number = BEFORE;
  private depth = 0;
  private inString = false;
  private escaped = false;

  /** Something other than whitespace arrived. */
  get hasContent(): boolean {
    return this.state !== BEFORE;
  }

  /** The top-level object closed: any further text belongs after it. */
  get complete(): boolean {
    return this.state === COMPLETE;
  }

  /**
   * Reads the next fragment. Returns the length of its prefix that completes the object (the
   * rest comes after the object), or -1 while the object is still open or will never complete.
   */
  push(fragment: string): number {
    let state = this.state;
    if (state === NOT_AN_OBJECT || state === COMPLETE) return -1;
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    for (let index = 0; index < fragment.length; index++) {
      const code = fragment.charCodeAt(index);
      if (inString) {
        if (escaped) escaped = false;
        else if (code === BACKSLASH) escaped = true;
        else if (code === QUOTE) inString = false;
      } else if (state === BEFORE) {
        if (isJsonWhitespace(code)) continue;
        if (code !== OPEN_BRACE) {
          this.state = NOT_AN_OBJECT;
          return -1;
        }
        state = IN_OBJECT;
        depth = 1;
      } else if (code === QUOTE) {
        inString = true;
      } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        depth++;
      } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        if (--depth === 0) {
          this.state = COMPLETE;
          return index + 1;
        }
      }
    }
    this.state = state;
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    return -1;
  }
}

/** Whether `text` holds JSON whitespace only (space, tab, line feed, carriage return). */
export function isJsonWhitespace(text: string): boolean;
export function isJsonWhitespace(code: number): boolean;
export function isJsonWhitespace(value: string | number): boolean {
  if (typeof value === 'number') {
    return value === SPACE || value === LINE_FEED || value === CARRIAGE_RETURN || value === TAB;
  }
  for (let index = 0; index < value.length; index++) {
    if (!isJsonWhitespace(value.charCodeAt(index))) return false;
  }
  return true;
}
