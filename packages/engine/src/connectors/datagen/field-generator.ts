import type { DataType } from '../../sql/data-type';
import { MS_PER_DAY } from '../../runtime/temporal';

/** Produces the value of one column of row `index` (counted from the subtask's first row); `undefined` means the sequence ended. */
export type FieldGenerator = (index: number) => unknown;

/** Uniform doubles in [0, 1) from a 32-bit state (mulberry32), so a checkpoint can carry where the stream is. */
export class SeededRandom {
  constructor(public state: number) {}

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

const INTEGER_RANGE: Record<string, [number, number]> = {
  TINYINT: [-128, 127],
  SMALLINT: [-32768, 32767],
  INT: [-2147483648, 2147483647],
  // Values beyond 2^53 are not exact as JS numbers, so the default range stops there.
  BIGINT: [-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

const HEX = '0123456789abcdef';

export interface RandomFieldOptions {
  min?: number;
  max?: number;
  length: number;
  maxPastMs: number;
  nullRate: number;
}

/** A uniformly random generator for a column type, as Flink's datagen `random` kind. */
export function randomGenerator(type: DataType, options: RandomFieldOptions, nowMs: () => number, rng: SeededRandom): FieldGenerator {
  const random = () => rng.next();
  const base = randomValue(type, options, nowMs, random);
  if (options.nullRate <= 0) return base;
  return (index) => (random() < options.nullRate ? null : base(index));
}

function randomValue(type: DataType, options: RandomFieldOptions, nowMs: () => number, random: () => number): FieldGenerator {
  const randomInteger = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  switch (type.kind) {
    case 'BOOLEAN':
      return () => random() < 0.5;
    case 'TINYINT': case 'SMALLINT': case 'INT': case 'BIGINT': {
      const [lo, hi] = INTEGER_RANGE[type.kind];
      const min = options.min ?? lo;
      const max = options.max ?? hi;
      return () => randomInteger(min, max);
    }
    case 'FLOAT': case 'DOUBLE': {
      const min = options.min ?? 0;
      const max = options.max ?? (type.kind === 'FLOAT' ? 3.4028234663852886e38 : Number.MAX_VALUE);
      return type.kind === 'FLOAT' ? () => Math.fround(min + random() * (max - min)) : () => min + random() * (max - min);
    }
    case 'DECIMAL': {
      const factor = 10 ** type.scale;
      const limit = Math.min(10 ** (type.precision - type.scale), Number.MAX_SAFE_INTEGER / factor);
      const min = Math.round((options.min ?? 0) * factor);
      const max = Math.round((options.max ?? limit) * factor);
      return () => randomInteger(min, Math.max(min, max - 1));
    }
    case 'CHAR': case 'VARCHAR': {
      const length = type.kind === 'CHAR' ? type.length : Math.min(options.length, type.length);
      return () => {
        let text = '';
        for (let i = 0; i < length; i++) text += HEX[Math.floor(random() * 16)];
        return text;
      };
    }
    case 'DATE':
      return () => Math.floor((nowMs() - Math.floor(random() * (options.maxPastMs + 1))) / MS_PER_DAY);
    case 'TIME':
      return () => Math.floor(random() * MS_PER_DAY);
    case 'TIMESTAMP': case 'TIMESTAMP_LTZ':
      return () => nowMs() - Math.floor(random() * (options.maxPastMs + 1));
    default:
      return () => null;
  }
}

/** A generator counting from `start` (row 0) to `end` inclusive, then returning undefined. */
export function sequenceGenerator(type: DataType, start: number, end: number): FieldGenerator {
  const factor = type.kind === 'DECIMAL' ? 10 ** type.scale : 1;
  const asString = type.kind === 'CHAR' || type.kind === 'VARCHAR';
  return (index) => {
    const value = start + index;
    if (value > end) return undefined;
    return asString ? String(value) : value * factor;
  };
}

/** Whether datagen can produce values of this type. */
export function canGenerate(type: DataType): boolean {
  return ['BOOLEAN', 'TINYINT', 'SMALLINT', 'INT', 'BIGINT', 'FLOAT', 'DOUBLE', 'DECIMAL', 'CHAR', 'VARCHAR', 'DATE', 'TIME', 'TIMESTAMP', 'TIMESTAMP_LTZ'].includes(type.kind);
}

/** Whether a sequence can be generated for this type (numbers and strings of numbers). */
export function canSequence(type: DataType): boolean {
  return ['TINYINT', 'SMALLINT', 'INT', 'BIGINT', 'FLOAT', 'DOUBLE', 'DECIMAL', 'CHAR', 'VARCHAR'].includes(type.kind);
}
