import type { DataType } from '../../sql/data-type';

/** Code reading a non-null numeric value as a JavaScript double (DECIMAL values are unscaled). */
export function asDouble(code: string, type: DataType): string {
  return type.kind === 'DECIMAL' ? `(${code} / ${10 ** type.scale})` : code;
}

/** Rounds half away from zero, like BigDecimal's HALF_UP. */
export function roundHalfUp(value: number): number {
  return value < 0 ? -Math.round(-value) : Math.round(value);
}

/**
 * java.util.Random, bit for bit (48-bit linear congruential generator), so RAND(seed) and
 * RAND_INTEGER(seed, n) give Flink's sequences.
 */
export class JavaRandom {
  private seed: bigint;

  constructor(seed: number) {
    this.seed = (BigInt.asIntN(64, BigInt(seed)) ^ 0x5deece66dn) & ((1n << 48n) - 1n);
  }

  private next(bits: number): number {
    this.seed = (this.seed * 0x5deece66dn + 0xbn) & ((1n << 48n) - 1n);
    return Number(BigInt.asIntN(32, this.seed >> BigInt(48 - bits)));
  }

  /** A double in [0, 1). */
  nextDouble(): number {
    return ((this.next(26) * 2 ** 27) + (this.next(27) >>> 0)) * 2 ** -53;
  }

  /** An int in [0, bound). */
  nextInt(bound: number): number {
    if ((bound & -bound) === bound) return Number((BigInt(bound) * BigInt(this.next(31))) >> 31n);
    for (;;) {
      const bits = this.next(31);
      const value = bits % bound;
      if (bits - value + (bound - 1) < 2 ** 31) return value;
    }
  }
}
