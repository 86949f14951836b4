/** Two versions to compare, older first: the diff editor shows `a` on the left, `b` on the right. */
export type VersionPair = { a: number; b: number };

/**
 * Ticks or unticks `version` in a selection of at most two; ticking a third drops the one
 * ticked first, so the newest two clicks are always what is compared.
 */
export function toggleVersion(selected: readonly number[], version: number): number[] {
  if (selected.includes(version)) return selected.filter((v) => v !== version);
  return [...selected, version].slice(-2);
}

/** The pair to diff once two versions are ticked, older first whatever the order of the clicks. */
export function versionPair(selected: readonly number[]): VersionPair | null {
  const [x, y] = selected;
  if (selected.length !== 2 || x === undefined || y === undefined) return null;
  return { a: Math.min(x, y), b: Math.max(x, y) };
}
