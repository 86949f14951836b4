'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { usePermission, useSession } from '../auth/session-context';
import { useT } from '../i18n/i18n-provider';
import { LocaleSwitch } from '../i18n/locale-switch';

const NAV = [
  { href: '/jobs', label: 'shell.nav.jobs' as const, icon: 'M4 6h16M4 12h16M4 18h10', owners: false },
  { href: '/connections', label: 'shell.nav.connections' as const, icon: 'M7 7h3v10H7zM14 7h3v10h-3zM10 12h4', owners: false },
  { href: '/tables', label: 'shell.nav.tables' as const, icon: 'M4 5h16v14H4zM4 10h16M10 10v9', owners: false },
  { href: '/functions', label: 'shell.nav.functions' as const, icon: 'M9 4c-2 0-3 1-3 3v3H4m2 0h3M6 10v7c0 2 1 3 3 3m6-16 4 16', owners: false },
  { href: '/lineage', label: 'shell.nav.lineage' as const, icon: 'M5 6h4v4H5zM15 14h4v4h-4zM9 8h3v8h3', owners: false },
  { href: '/members', label: 'shell.nav.members' as const, icon: 'M16 19v-1a4 4 0 0 0-8 0v1M12 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6', owners: false },
  { href: '/secrets', label: 'shell.nav.secrets' as const, icon: 'M7 11V7a5 5 0 0 1 10 0v4M5 11h14v10H5z', owners: false },
  { href: '/tokens', label: 'shell.nav.tokens' as const, icon: 'M15 7a4 4 0 1 1-3.9 5H4v3h3v-3', owners: false },
  { href: '/pool', label: 'shell.nav.pool' as const, icon: 'M4 5h16v5H4zM4 14h16v5H4zM8 7.5v.01M8 16.5v.01', owners: true },
  { href: '/audit', label: 'shell.nav.audit' as const, icon: 'M9 5h10M9 12h10M9 19h10M5 5v.01M5 12v.01M5 19v.01', owners: true },
];

export function Sidebar() {
  const pathname = usePathname();
  const { me, switchWorkspace, signOut } = useSession();
  const owner = usePermission('OWNER').allowed;
  const t = useT();
  return (
    <aside className="flex w-52 shrink-0 flex-col bg-zinc-900 text-zinc-300">
      <Link href="/jobs" className="flex items-center gap-2 px-4 py-4">
        <svg viewBox="0 0 24 24" className="size-6 text-cyan-400" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
          <path d="M2 8c3 0 3 3 6 3s3-3 6-3 3 3 6 3M2 15c3 0 3 3 6 3s3-3 6-3 3 3 6 3" strokeLinecap="round" />
        </svg>
        <span className="text-lg font-semibold tracking-tight text-white">Weir</span>
        <span className="ml-auto rounded bg-zinc-800 px-1.5 py-0.5 text-[10px] uppercase tracking-wider text-zinc-400">{t('shell.stream')}</span>
      </Link>
      <nav className="mt-2 flex flex-col gap-0.5 px-2 text-sm">
        {NAV.filter((item) => owner || !item.owners).map((item) => {
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
              {t(item.label)}
            </Link>
          );
        })}
      </nav>
      <div className="mt-auto flex flex-col gap-2 border-t border-zinc-800 px-4 py-3 text-xs">
        <label className="flex flex-col gap-1 text-[11px] uppercase tracking-wider text-zinc-500">
          {t('shell.workspace')}
          <select
            data-testid="workspace-switcher"
            value={me.workspace?.id ?? ''}
            onChange={(e) => switchWorkspace(e.target.value)}
            className="rounded bg-zinc-800 px-2 py-1 text-sm normal-case tracking-normal text-zinc-100"
          >
            {me.workspaces.map((w) => (
              <option key={w.id} value={w.id}>
                {t('shell.workspaceOption', { name: w.name, role: t(`common.roles.${w.role}`) })}
              </option>
            ))}
          </select>
        </label>
        <Link href="/account" className="truncate text-zinc-300 hover:text-white" data-testid="signed-in-user" title={me.user.email}>
          {me.user.email}
        </Link>
        <div className="flex items-center justify-between gap-2">
          <button type="button" data-testid="sign-out" onClick={() => void signOut()} className="text-zinc-400 hover:text-white">
            {t('shell.signOut')}
          </button>
          <LocaleSwitch />
        </div>
      </div>
    </aside>
  );
}
