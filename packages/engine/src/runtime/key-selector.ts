import type { Row } from './row';
import type { StateKey } from './state-backend';

/** Maps a row to the primitive its keyed state is stored under. */
export type KeySelector = (row: Row) => StateKey;

/**
 * A key selector for the given columns: no columns give one constant key (a global aggregate), one
 * column its value itself, several a string built once per row (NULL and each type tagged, so
 * `1` and `'1'` or NULL and `'null'` stay apart).
 */
export function compileKeySelector(keys: readonly number[]): KeySelector {
  if (keys.length === 0) return () => 0;
  if (keys.length === 1) {
    const k = keys[0];
    return (row) => row[k] as StateKey;
  }
  const parts = keys.map((k) => `(row[${k}] === null ? '\\u0002' : typeof row[${k}] === 'string' ? row[${k}] : '\\u0003' + row[${k}])`);
  return new Function('row', `return ${parts.join(" + '\\u0001' + ")};`) as KeySelector;
}
