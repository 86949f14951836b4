/** A duration as a person reads it in EXPLAIN: `500 ms`, `10 s`, `2 min`, `1 h`, `3 d`, or `90 s` when no larger unit divides it. */
export function durationText(ms: number): string {
  const units: [number, string][] = [[86_400_000, 'd'], [3_600_000, 'h'], [60_000, 'min'], [1000, 's']];
  for (const [size, unit] of units) if (ms !== 0 && ms % size === 0) return `${ms / size} ${unit}`;
  return `${ms} ms`;
}
