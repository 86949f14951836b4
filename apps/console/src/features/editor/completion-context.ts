/** Where the caret stands for completion beyond the grammar. */
export type CompletionContext =
  | { kind: 'with-key'; connector: string | undefined; typed: string }
  | { kind: 'with-value'; connector: string | undefined; key: string; typed: string }
  | { kind: 'set-key'; typed: string }
  | { kind: 'set-value'; key: string; typed: string }
  | { kind: 'other' };

/**
 * Reads the text before the caret: inside `WITH (...)` a quoted option key or its quoted value
 * (with the block's `'connector'`), after `SET` a quoted key or its value; otherwise `other`.
 */
export function completionContext(before: string): CompletionContext {
  const set = /\bSET\s+'([^']*)'\s*=\s*'([^']*)$/i.exec(before);
  if (set) return { kind: 'set-value', key: set[1], typed: set[2] };
  const setKey = /\bSET\s+'?([^'\s=]*)$/i.exec(before);
  if (setKey) return { kind: 'set-key', typed: setKey[1] };
  const withAt = lastOpenWith(before);
  if (withAt === undefined) return { kind: 'other' };
  const block = before.slice(withAt);
  const connector = /'connector'\s*=\s*'([^']*)'/.exec(block)?.[1];
  const value = /'([^']*)'\s*=\s*'([^']*)$/.exec(block);
  if (value) return { kind: 'with-value', connector, key: value[1], typed: value[2] };
  const key = /(?:\(|,)\s*'?([^'\s=,()]*)$/.exec(block);
  if (key) return { kind: 'with-key', connector, typed: key[1] };
  return { kind: 'other' };
}

// The offset just after the `WITH (` whose block is still open at the end of `before`, if any.
function lastOpenWith(before: string): number | undefined {
  const re = /\bWITH\s*\(/gi;
  let found: number | undefined;
  for (let m = re.exec(before); m; m = re.exec(before)) found = m.index + m[0].length - 1;
  if (found === undefined) return undefined;
  let depth = 0;
  let quoted = false;
  for (let i = found; i < before.length; i++) {
    const c = before[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')' && --depth === 0) return undefined;
  }
  return found;
}

/** The function call the caret is inside, and which argument: for signature help. */
export function enclosingCall(before: string): { name: string; argument: number } | undefined {
  let depth = 0;
  let argument = 0;
  let quoted = false;
  for (let i = before.length - 1; i >= 0; i--) {
    const c = before[i];
    if (c === "'") quoted = !quoted;
    if (quoted) continue;
    if (c === ')') depth++;
    else if (c === ',' && depth === 0) argument++;
    else if (c === '(') {
      if (depth > 0) {
        depth--;
        continue;
      }
      const name = /([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(before.slice(0, i))?.[1];
      return name ? { name: name.toUpperCase(), argument } : undefined;
    }
  }
  return undefined;
}
