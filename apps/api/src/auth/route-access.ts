import type { Role } from '@weir/contracts';

/**
 * Where a route's workspace comes from: `current` is the header-chosen (or default) workspace
 * of collection routes; the others are the workspace of the resource named by `:id`.
 */
export type WorkspaceScope = 'current' | 'job' | 'deployment' | 'workspace' | 'token' | 'connection' | 'catalog-table' | 'catalog-function' | 'debug-run';

/** Every route under /api/v1 declares one of these; a route without one is refused at start-up. */
export type RouteAccess =
  | { public: true }
  /** Any signed-in caller, no workspace role; `sessionOnly` refuses API tokens (they are bound to one workspace). */
  | { signedIn: true; sessionOnly?: boolean }
  | { role: Role; in: WorkspaceScope };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}
