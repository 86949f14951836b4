import type { Role, UserSummary } from '@weir/contracts';

/** How the caller proved who it is. */
export type Credential =
  | { kind: 'session'; sessionId: string; csrfToken: string; fromCookie: boolean }
  /** `role` is already capped by what the token's creator holds in the workspace today. */
  | { kind: 'token'; tokenId: string; workspaceId: string; role: Role };

/** An authenticated caller. */
export interface Principal {
  user: UserSummary;
  credential: Credential;
}

/** The workspace a request acts in and the caller's role there, as the route's access rule resolved it. */
export interface WorkspaceAccess {
  workspaceId: string;
  slug: string;
  role: Role;
}
