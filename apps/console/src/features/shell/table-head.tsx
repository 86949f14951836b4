/** A column heading; `className` sets its width and alignment (e.g. `w-24 text-right`). */
export type Column = { label: string; className?: string };

/** The grey heading row every table of the console uses. */
export function TableHead({ columns }: { columns: Column[] }) {
  return (
    <thead className="border-b border-zinc-200 bg-zinc-50 text-left text-[11px] font-semibold uppercase tracking-wider text-zinc-500">
      <tr>
        {columns.map((c, i) => (
          <th key={`${c.label}:${i}`} className={`px-4 py-2 ${c.className ?? ''}`}>
            {c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
