/** Printable characters Flink (as Hive) escapes in partition directory names, as %XX (control characters too). */
const ESCAPED = new Set('"#%\'*/:=?\\\u007f{[]^');

function escapeChar(ch: string): string {
  return ch < ' ' || ESCAPED.has(ch) ? `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : ch;
}

/** `col=value` with the value escaped like Flink's PartitionPathUtils.escapePathName. */
export function partitionDirectory(column: string, value: string): string {
  const escape = (text: string) => Array.from(text, escapeChar).join('');
  return `${escape(column)}=${escape(value)}`;
}

/** The column and value of a `col=value` directory name (unescaped), or undefined. */
export function parsePartitionDirectory(name: string): { column: string; value: string } | undefined {
  const eq = name.indexOf('=');
  if (eq <= 0) return undefined;
  const unescape = (text: string) => text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return { column: unescape(name.slice(0, eq)), value: unescape(name.slice(eq + 1)) };
}
