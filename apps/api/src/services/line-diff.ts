import type { DiffLine } from '@weir/contracts';

/** Above this many line pairs the exact diff costs too much memory; the changed middle is shown as replaced. */
const MAX_CELLS = 4_000_000;

/**
 * A line diff from `a` to `b`: the longest common subsequence of lines after trimming the
 * common head and tail, with 1-based line numbers on each side.
 */
export function lineDiff(a: string, b: string): DiffLine[] {
  const left = a.split('\n');
  const right = b.split('\n');
  let head = 0;
  while (head < left.length && head < right.length && left[head] === right[head]) head++;
  let tail = 0;
  while (tail < left.length - head && tail < right.length - head && left[left.length - 1 - tail] === right[right.length - 1 - tail]) tail++;
  const out: DiffLine[] = [];
  for (let i = 0; i < head; i++) out.push({ kind: 'same', text: left[i] ?? '', a: i + 1, b: i + 1 });
  const l = left.slice(head, left.length - tail);
  const r = right.slice(head, right.length - tail);
  out.push(...middle(l, r, head));
  for (let i = tail; i > 0; i--) out.push({ kind: 'same', text: left[left.length - i] ?? '', a: left.length - i + 1, b: right.length - i + 1 });
  return out;
}

function middle(l: string[], r: string[], offset: number): DiffLine[] {
  const out: DiffLine[] = [];
  if (l.length * r.length > MAX_CELLS) {
    l.forEach((text, i) => out.push({ kind: 'removed', text, a: offset + i + 1 }));
    r.forEach((text, j) => out.push({ kind: 'added', text, b: offset + j + 1 }));
    return out;
  }
  // lengths[i][j]: the LCS of l[i..] and r[j..], kept in one flat array.
  const width = r.length + 1;
  const lengths = new Uint32Array((l.length + 1) * width);
  for (let i = l.length - 1; i >= 0; i--) {
    for (let j = r.length - 1; j >= 0; j--) {
      lengths[i * width + j] = l[i] === r[j] ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1 : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
    }
  }
  let i = 0;
  let j = 0;
  while (i < l.length || j < r.length) {
    if (i < l.length && j < r.length && l[i] === r[j]) {
      out.push({ kind: 'same', text: l[i] ?? '', a: offset + i + 1, b: offset + j + 1 });
      i++;
      j++;
    } else if (i < l.length && (j === r.length || (lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0))) {
      out.push({ kind: 'removed', text: l[i] ?? '', a: offset + i + 1 });
      i++;
    } else {
      out.push({ kind: 'added', text: r[j] ?? '', b: offset + j + 1 });
      j++;
    }
  }
  return out;
}
