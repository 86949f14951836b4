'use client';

import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { SessionProvider } from '../auth/session-context';
import { Sidebar } from './sidebar';

/** The sign-in page stands alone; every other page needs a session and gets the sidebar. */
export function AppShell({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  if (pathname === '/login') return <main className="flex min-w-0 flex-1 flex-col overflow-auto">{children}</main>;
  return (
    <SessionProvider>
      <Sidebar />
      <main className="flex min-w-0 flex-1 flex-col overflow-auto">{children}</main>
    </SessionProvider>
  );
}
