type Row = Record<string, unknown>;

/** Rows only in `a` and only in `b`, compared as multisets of whole rows (key order does not matter). */
export function compareRows(a: readonly Row[], b: readonly Row[]): { onlyInA: Row[]; onlyInB: Row[]; same: number } {
  const key = (row: Row) => JSON.stringify(Object.keys(row).sort().map((k) => [k, row[k]]));
  const counts = new Map<string, { row: Row; count: number }>();
  for (const row of b) {
    const k = key(row);
    const entry = counts.get(k);
    if (entry) entry.count++;
    else counts.set(k, { row, count: 1 });
  }
  const onlyInA: Row[] = [];
  let same = 0;
  for (const row of a) {
    const entry = counts.get(key(row));
    if (entry && entry.count > 0) {
      entry.count--;
      same++;
    } else onlyInA.push(row);
  }
  const onlyInB = [...counts.values()].flatMap((entry) => Array.from({ length: entry.count }, () => entry.row));
  return { onlyInA, onlyInB, same };
}
