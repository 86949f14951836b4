'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const NAV = [{ href: '/jobs', label: 'Jobs', icon: 'M4 6h16M4 12h16M4 18h10' }];

export function Sidebar() {
  const pathname = usePathname();
  return (
    <aside className="flex w-52 shrink-0 flex-col bg-zinc-900 text-zinc-300">
      <Link href="/jobs" className="flex items-center gap-2 px-4 py-4">
        <svg viewBox="0 0 24 24" className="size-6 text-cyan-400" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
          <path d="M2 8c3 0 3 3 6 3s3-3 6-3 3 3 6 3M2 15c3 0 3 3 6 3s3-3 6-3 3 3 6 3" strokeLinecap="round" />
        </svg>
        <span className="text-lg font-semibold tracking-tight text-white">Weir</span>
        <span className="ml-auto rounded bg-zinc-800 px-1.5 py-0.5 text-[10px] uppercase tracking-wider text-zinc-400">stream</span>
      </Link>
      <nav className="mt-2 flex flex-col gap-0.5 px-2 text-sm">
        {NAV.map((item) => {
          const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <Link
              key={item.href}
              href={item.href}
              className={`flex items-center gap-2.5 rounded px-3 py-1.5 ${active ? 'bg-zinc-800 text-white' : 'hover:bg-zinc-800/60 hover:text-white'}`}
            >
              <svg viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
                <path d={item.icon} strokeLinecap="round" />
              </svg>
              {item.label}
            </Link>
          );
        })}
      </nav>
      <p className="mt-auto px-4 py-3 text-[11px] text-zinc-500">Flink SQL · self-hosted</p>
    </aside>
  );
}
