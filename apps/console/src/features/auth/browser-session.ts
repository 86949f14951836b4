import { AUTH } from '@weir/contracts';

const WORKSPACE_KEY = 'weir.workspace';

/** A cookie's value from a `document.cookie` string, undefined when absent. */
export function readCookie(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** Where a 401 sends the browser: the sign-in page, coming back to `current` afterwards. */
export function signInUrl(current: string): string {
  const back = current.startsWith('/login') || !current.startsWith('/') ? '/jobs' : current;
  return `/login?next=${encodeURIComponent(back)}`;
}

/** Where to go after signing in: `next` when it is a path of this console, else the job list. */
export function afterSignIn(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/jobs';
}

/** The headers every API call of the console carries: the chosen workspace, and the CSRF token on writes. */
export function sessionHeaders(method: string): Record<string, string> {
  if (typeof window === 'undefined') return {};
  const headers: Record<string, string> = {};
  const workspace = chosenWorkspace();
  if (workspace) headers[AUTH.workspaceHeader] = workspace;
  if (method !== 'GET') {
    const csrf = readCookie(document.cookie, AUTH.csrfCookie);
    if (csrf) headers[AUTH.csrfHeader] = csrf;
  }
  return headers;
}

/** The workspace the user picked in the switcher (its id), kept across reloads. */
export function chosenWorkspace(): string | null {
  return typeof window === 'undefined' ? null : window.localStorage.getItem(WORKSPACE_KEY);
}

export function chooseWorkspace(id: string | null): void {
  if (id) window.localStorage.setItem(WORKSPACE_KEY, id);
  else window.localStorage.removeItem(WORKSPACE_KEY);
}
