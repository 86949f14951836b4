/** A row of tabs; the page keeps which one is active. */
export function Tabs<Id extends string>({ tabs, active, onChange }: { tabs: { id: Id; label: string; badge?: string | number }[]; active: Id; onChange: (id: Id) => void }) {
  return (
    <div role="tablist" className="flex gap-1 border-b border-zinc-200">
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          aria-selected={tab.id === active}
          data-testid={`tab-${tab.id}`}
          onClick={() => onChange(tab.id)}
          className={`-mb-px flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm font-medium ${tab.id === active ? 'border-cyan-700 text-cyan-800' : 'border-transparent text-zinc-500 hover:text-zinc-800'}`}
        >
          {tab.label}
          {tab.badge !== undefined && <span className="rounded-full bg-zinc-100 px-1.5 text-[11px] font-semibold text-zinc-600">{tab.badge}</span>}
        </button>
      ))}
    </div>
  );
}
