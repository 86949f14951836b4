import type { SortKey } from '../../plan/rank-plan';
import type { Row } from '../../runtime/row';

/** Orders two rows by a ranking's ORDER BY: negative when `a` ranks before `b`, 0 when they tie. */
export type RowComparator = (a: Row, b: Row) => number;

/**
 * Generates a comparator unrolled over the sort keys, so the hot path has no loop over key
 * descriptors and each comparison site sees one column type. NULLs sort as the key says; other
 * values compare with `<`, which orders numbers, strings and booleans as SQL does.
 */
export function compileRowComparator(sortKeys: readonly SortKey[]): RowComparator {
  const body = sortKeys.map(({ index, descending, nullsFirst }, k) => {
    const before = descending ? 1 : -1;
    return `const x${k} = a[${index}], y${k} = b[${index}];
  if (x${k} !== y${k}) {
    if (x${k} === null) return ${nullsFirst ? -1 : 1};
    if (y${k} === null) return ${nullsFirst ? 1 : -1};
    return x${k} < y${k} ? ${before} : ${-before};
  }`;
  });
  return new Function('a', 'b', `${body.join('\n  ')}\n  return 0;`) as RowComparator;
}
