/** How a column's value is fed: plain (formatPlain), or through its text format (decimals, timestamps). */
export type ColumnFeed = { kind: 'plain' } | { kind: 'text'; format: (value: unknown) => string };

/**
 * FNV-1a and a murmur-style multiply-xor over a row's canonical text, fed value by value instead
 * of building the text: the same two hashes as hashing the joined string, without allocating it.
 * Integers go digit by digit and strings char by char (falling back to JSON.stringify when one
 * needs escaping), which keeps a long run's digest cheaper than generating its events.
 */
export class RowHasher {
  private a = 0;
  private b = 0;
  private readonly digits = new Uint8Array(24);

  constructor(
    private readonly feeds: readonly ColumnFeed[],
    private readonly plain: (value: unknown) => string,
  ) {}

  /** Hashes a row; writes the two 32-bit hashes to `out`. */
  hashRow(row: unknown[], out: Int32Array): void {
    this.a = 0x811c9dc5 | 0;
    this.b = 0x3c6ef372 | 0;
    for (let i = 0; i < row.length; i++) {
      if (i > 0) this.char(44);
      const feed = this.feeds[i];
      const value = row[i];
      if (feed.kind === 'text') this.text(feed.format(value));
      else this.value(value);
    }
    const b = Math.imul(this.b ^ (this.b >>> 13), 0xc2b2ae35);
    out[0] = this.a ^ (this.a >>> 16);
    out[1] = b ^ (b >>> 16);
  }

  private value(value: unknown): void {
    if (typeof value === 'number' && Number.isSafeInteger(value)) this.integer(value);
    else if (typeof value === 'string') this.quoted(value);
    else this.text(this.plain(value));
  }

  private char(c: number): void {
    this.a = Math.imul(this.a ^ c, 16777619);
    const b = Math.imul(this.b ^ c, 0x5bd1e995);
    this.b = b ^ (b >>> 15);
  }

  private text(text: string): void {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 16777619);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    this.a = a;
    this.b = b;
  }

  private integer(value: number): void {
    let rest = value;
    if (rest < 0) {
      this.char(45);
      rest = -rest;
    }
    let n = 0;
    do {
      this.digits[n++] = 48 + (rest % 10);
      rest = Math.floor(rest / 10);
    } while (rest > 0);
    while (n > 0) this.char(this.digits[--n]);
  }

  /** JSON.stringify's text: quoted, escaping only when a char needs it (then hashed from JSON.stringify). */
  private quoted(text: string): void {
    const savedA = this.a;
    const savedB = this.b;
    this.char(34);
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 32 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) {
        this.a = savedA;
        this.b = savedB;
        this.text(JSON.stringify(text));
        return;
      }
      a = Math.imul(a ^ c, 16777619);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    this.a = a;
    this.b = b;
    this.char(34);
  }
}
