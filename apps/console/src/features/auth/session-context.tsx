'use client';

import type { Me, Role } from '@weir/contracts';
import { usePathname, useRouter } from 'next/navigation';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { apiClient } from '../api/api-client';
import { ApiRequestError } from '../api/api-request-error';
import { ErrorBanner } from '../common/error-banner';
import { useT } from '../i18n/i18n-provider';
import { chooseWorkspace, chosenWorkspace, signInUrl } from './browser-session';
import { permission } from './permission';

type Session = {
  me: Me;
  /** Switches the workspace collection pages act in. */
  switchWorkspace: (workspaceId: string) => void;
  signOut: () => Promise<void>;
};

const SessionContext = createContext<Session | null>(null);

/** Loads who is signed in; pages below it render only with a session, else the browser goes to /login. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const t = useT();

  useEffect(() => {
    const controller = new AbortController();
    apiClient.me(controller.signal).then(
      (loaded) => {
        // A remembered workspace the user has left falls back to the API's default.
        if (chosenWorkspace() && loaded.workspace?.id !== chosenWorkspace()) chooseWorkspace(loaded.workspace?.id ?? null);
        setMe(loaded);
      },
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        if (caught instanceof ApiRequestError && caught.status === 401) router.replace(signInUrl(`${window.location.pathname}${window.location.search}`));
        else if (caught instanceof ApiRequestError && caught.code === 'NOT_FOUND') {
          chooseWorkspace(null);
          setGeneration((g) => g + 1);
        } else setError(caught);
      },
    );
    return () => controller.abort();
  }, [router, generation]);

  const switchWorkspace = useCallback((workspaceId: string) => {
    chooseWorkspace(workspaceId);
    // Every page reloads its data for the new workspace; a resource page of the old one would 404.
    window.location.assign(pathname.startsWith('/jobs/') ? '/jobs' : pathname);
  }, [pathname]);

  const signOut = useCallback(async () => {
    await apiClient.logout().catch(() => undefined);
    chooseWorkspace(null);
    window.location.assign('/login');
  }, []);

  if (error) return <div className="p-6"><ErrorBanner error={error} /></div>;
  if (!me) return <div className="p-6 text-sm text-zinc-500">{t('common.loading')}</div>;
  return <SessionContext.Provider value={{ me, switchWorkspace, signOut }}>{children}</SessionContext.Provider>;
}

/** The signed-in session; only inside SessionProvider. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** Whether the caller's role in the current workspace allows `needed`, and the reason to show when not. */
export function usePermission(needed: Role): { allowed: boolean; reason: string | undefined } {
  return permission(useContext(SessionContext)?.me.workspace?.role, needed);
}
