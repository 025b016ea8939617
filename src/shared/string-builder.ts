/**
 * Appends many small strings without keeping one rope node per fragment: `a += b` retains a
 * cons-string per delta (~25 bytes each) until the string is flattened, so memory would grow
 * with the number of chunks rather than with the content. Pieces are joined every 64 appends.
 */
export class StringBuilder {
  private joined: string;
  private pieces: string[] = [];

  constructor(initial = '') {
    this.joined = initial;
  }

  append(piece: string): void {
    this.pieces.push(piece);
    if (this.pieces.length >= 64) this.compact();
  }

  get length(): number {
    this.compact();
    return this.joined.length;
  }

  toString(): string {
    this.compact();
    return this.joined;
  }

  private compact(): void {
    if (this.pieces.length === 0) return;
    this.joined += this.pieces.join('');
    this.pieces = [];
  }
}
