import type { ReactNode } from 'react';

/** The strip at the top of every page: breadcrumb-ish title on the left, actions on the right. */
export function PageHeader({ title, subtitle, actions }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="flex min-h-14 items-center gap-4 border-b border-zinc-200 bg-white px-6 py-2">
      <div className="min-w-0 flex-1">
        <h1 className="truncate text-base font-semibold text-zinc-900">{title}</h1>
        {subtitle && <div className="text-xs text-zinc-500">{subtitle}</div>}
      </div>
      {actions && <div className="flex items-center gap-2">{actions}</div>}
    </header>
  );
}
