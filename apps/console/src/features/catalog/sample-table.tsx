/** Sampled rows as a table: one column per key of the first rows, nested values as JSON. */
export function SampleTable({ rows }: { rows: Record<string, unknown>[] }) {
  const shown = rows.slice(0, 50);
  const keys = [...new Set(shown.flatMap((row) => Object.keys(row)))];
  if (shown.length === 0) return <p className="text-sm text-zinc-500">Nothing arrived within the limits.</p>;
  return (
    <div className="max-h-80 overflow-auto rounded border border-zinc-100">
      <table className="w-full text-xs" data-testid="sample-table">
        <thead className="sticky top-0 bg-zinc-50 text-left text-zinc-600">
          <tr>{keys.map((k) => <th key={k} className="px-2 py-1 font-mono font-medium">{k}</th>)}</tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 font-mono">
          {shown.map((row, i) => (
            <tr key={i} data-testid="sample-row">
              {keys.map((k) => <td key={k} className="px-2 py-1">{cell(row[k])}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown.length && <p className="px-2 py-1 text-xs text-zinc-500">and {rows.length - shown.length} more</p>}
    </div>
  );
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
