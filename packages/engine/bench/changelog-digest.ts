import type { ChangelogSink, RowKind } from './oracles/changelog-sink';
import { RowHasher, type ColumnFeed } from './row-hasher';

/** What a changelog amounts to; `rowsEmitted` depends on the plan, the other two only on the result. */
export interface ChangelogSummary {
  rowsEmitted: number;
  finalRowCount: number;
  /** 16 hex digits: two 32-bit sums of row hashes, so independent of order. */
  digest: string;
}

export interface ChangelogDigestOptions {
  /**
   * Keep the materialized multiset to reject the removal of a row that is not there (default
   * true). Off for long append-only runs, where it would hold every row; then only the total
   * row count is checked.
   */
  materialize?: boolean;
}

type ValueFormat = (value: unknown) => string;

/**
 * 'yyyy-MM-dd HH:mm:ss.SSS' (UTC). Event time advances slowly, so the text up to the second is
 * cached: a Date and toISOString per row would cost more than the rest of the digest.
 */
function timestampFormat(): ValueFormat {
  let cachedSecond = NaN;
  let cachedPrefix = '';
  return (value) => {
    if (typeof value !== 'number') return value instanceof Date ? formatIso(value.getTime()) : formatPlain(value);
    const millis = ((value % 1000) + 1000) % 1000;
    const second = value - millis;
    if (second !== cachedSecond) {
      cachedSecond = second;
      cachedPrefix = formatIso(second).slice(0, -3);
    }
    return cachedPrefix + (millis < 10 ? `00${millis}` : millis < 100 ? `0${millis}` : String(millis));
  };
}

function formatIso(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, iso.length - 14)} ${iso.slice(iso.length - 13, iso.length - 1)}`;
}

function decimalFormat(scale: number): ValueFormat {
  return (value) => {
    if (typeof value !== 'number' && typeof value !== 'bigint') return formatPlain(value);
    // Decimals travel as their unscaled integer (price × 908 for 0.908 × price at scale 3).
    const negative = value < 0;
    const digits = String(negative ? -value : value).padStart(scale + 1, '0');
    const text = scale === 0 ? digits : `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
    return negative ? `-${text}` : text;
  };
}

function formatPlain(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(formatPlain).join(',')}]`;
  return String(value);
}

/** How one column is canonicalized, from its Flink type ('BIGINT', 'DECIMAL(23, 3)', 'TIMESTAMP(3)', …). */
function columnFeed(type: string): ColumnFeed {
  const upper = type.trim().toUpperCase();
  const decimal = /^(?:DECIMAL|DEC|NUMERIC)\s*(?:\(\s*\d+\s*(?:,\s*(\d+)\s*)?\))?/.exec(upper);
  if (decimal) return { kind: 'text', format: decimalFormat(Number(decimal[1] ?? 0)) };
  if (upper.startsWith('TIMESTAMP')) return { kind: 'text', format: timestampFormat() };
  return { kind: 'plain' };
}

/** FNV-1a and a murmur-style multiply-xor: two independent 32-bit hashes of one string. */
function hashPair(text: string, out: Int32Array): void {
  let a = 0x811c9dc5 | 0;
  let b = 0x3c6ef372 | 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  out[0] = a ^ (a >>> 16);
  out[1] = b ^ (b >>> 16);
}

/**
 * Materializes a changelog as a multiset (+I/+U add a row, −U/−D remove one) and digests it
 * order-insensitively over canonical row strings: decimals with their scale, timestamps as
 * 'yyyy-MM-dd HH:mm:ss.SSS' (UTC), strings JSON-quoted, null as `null`. Comparing an engine's
 * sink output with an oracle's is comparing their final row count and digest.
 */
export class ChangelogDigest implements ChangelogSink {
  private emitted = 0;
  private rows = 0;
  private sumA = 0;
  private sumB = 0;
  private readonly hash = new Int32Array(2);
  private readonly formats: ValueFormat[];
  private readonly hasher: RowHasher;
  private readonly multiset: Map<string, number> | null;

  constructor(columnTypes: readonly string[], options: ChangelogDigestOptions = {}) {
    const feeds = columnTypes.map(columnFeed);
    this.formats = feeds.map((feed) => (feed.kind === 'text' ? feed.format : formatPlain));
    this.hasher = new RowHasher(feeds, formatPlain);
    this.multiset = options.materialize === false ? null : new Map();
  }

  /** Canonical text of a row, the unit the digest hashes. */
  canonical(row: unknown[]): string {
    if (row.length !== this.formats.length) throw new Error(`row has ${row.length} columns, expected ${this.formats.length}`);
    let text = '';
    for (let i = 0; i < row.length; i++) text += (i === 0 ? '' : ',') + this.formats[i](row[i]);
    return text;
  }

  /** Applies one change. */
  emit(kind: RowKind, row: unknown[]): void {
    this.emitted++;
    const adds = kind === '+I' || kind === '+U';
    if (!this.multiset) {
      // Without a multiset no text is kept, so the row is hashed without building it.
      if (row.length !== this.formats.length) throw new Error(`row has ${row.length} columns, expected ${this.formats.length}`);
      if (!adds && this.rows === 0) throw new Error(`${kind} on an empty result: ${this.canonical(row)}`);
      this.hasher.hashRow(row, this.hash);
      this.apply(adds);
      return;
    }
    const text = this.canonical(row);
    hashPair(text, this.hash);
    if (adds) {
      this.multiset.set(text, (this.multiset.get(text) ?? 0) + 1);
    } else {
      const count = this.multiset.get(text);
      if (count === undefined) throw new Error(`${kind} of a row that is not in the result: ${text}`);
      if (count === 1) this.multiset.delete(text);
      else this.multiset.set(text, count - 1);
    }
    this.apply(adds);
  }

  /** Adds or removes the hashed row in the sums. */
  private apply(adds: boolean): void {
    const sign = adds ? 1 : -1;
    this.sumA = (this.sumA + sign * this.hash[0]) | 0;
    this.sumB = (this.sumB + sign * this.hash[1]) | 0;
    this.rows += sign;
  }


  /** Rows emitted, rows in the final result, and the digest of that result. */
  summary(): ChangelogSummary {
    const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
    return { rowsEmitted: this.emitted, finalRowCount: this.rows, digest: hex(this.sumA) + hex(this.sumB) };
  }

  /** The final rows with multiplicities (only when materialized). */
  finalRows(): Map<string, number> {
    if (!this.multiset) throw new Error('finalRows() needs materialize: true');
    return this.multiset;
  }

  /** Same final result: equal row counts and digests (the number of changes may differ). */
  equals(other: ChangelogDigest): boolean {
    const a = this.summary();
    const b = other.summary();
    return a.finalRowCount === b.finalRowCount && a.digest === b.digest;
  }
}
