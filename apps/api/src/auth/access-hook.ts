import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { AUTH, roleAllows, WeirError } from '@weir/contracts';
import type { Authenticator } from './authenticator';
import type { Principal, WorkspaceAccess } from './principal';
import type { RouteAccess } from './route-access';
import type { WorkspaceResolver } from './workspace-resolver';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated caller; null on public routes called anonymously. */
    principal: Principal | null;
    /** The workspace and role a workspace-scoped route resolved. */
    workspaceAccess: WorkspaceAccess | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function header(req: FastifyRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The signed-in caller of a route that requires one. */
export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw new WeirError('INTERNAL', `route ${req.routeOptions.url} read the caller but declares public access`);
  return req.principal;
}

/** The workspace and role of a workspace-scoped route. */
export function accessOf(req: FastifyRequest): WorkspaceAccess {
  if (!req.workspaceAccess) throw new WeirError('INTERNAL', `route ${req.routeOptions.url} read its workspace but declares none`);
  return req.workspaceAccess;
}

/**
 * Guards every route registered after it in `app`'s scope: a route must declare `config.access`
 * (start-up fails otherwise, so no route is born unchecked), and each request is authenticated,
 * CSRF-checked and authorised before its body is even parsed.
 */
export function installAccessControl(app: FastifyInstance, authenticator: Authenticator, workspaces: WorkspaceResolver): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('workspaceAccess', null);

  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.config?.access) {
      throw new WeirError('INTERNAL', `route ${String(route.method)} ${route.url} declares no access rule (config.access)`);
    }
  });

  app.addHook('onRequest', async (req) => {
    const access: RouteAccess | undefined = req.routeOptions.config.access;
    if (!access) throw new WeirError('INTERNAL', `route ${req.routeOptions.url} declares no access rule`);
    if ('public' in access) {
      // A stale cookie must not stop anyone signing in again, so public routes never fail on it.
      req.principal = (await authenticator.authenticate(req.headers).catch(() => undefined)) ?? null;
      return;
    }
    const principal = await authenticator.authenticate(req.headers);
    if (!principal) throw new WeirError('UNAUTHENTICATED', 'sign in, or send an API token as `Authorization: Bearer <token>`');
    const { credential } = principal;
    if (credential.kind === 'session' && credential.fromCookie && !SAFE_METHODS.has(req.method)) {
      const sent = header(req, AUTH.csrfHeader);
      if (!sent || !sameSecret(sent, credential.csrfToken)) {
        throw new WeirError('FORBIDDEN', `a write signed in by cookie must send the ${AUTH.csrfHeader} header with the value of the ${AUTH.csrfCookie} cookie`);
      }
    }
    req.principal = principal;
    if ('signedIn' in access) {
      if (access.sessionOnly && credential.kind === 'token') {
        throw new WeirError('FORBIDDEN', 'API tokens are bound to one workspace and cannot do this; sign in with a password');
      }
      return;
    }
    const params = req.params as Record<string, string | undefined>;
    const resolved = await workspaces.resolve(principal, access.in, params.id, header(req, AUTH.workspaceHeader));
    if (!roleAllows(resolved.role, access.role)) {
      throw new WeirError('FORBIDDEN', `this needs the ${access.role} role in workspace '${resolved.slug}'; you are ${resolved.role}`, {
        details: { required: access.role, role: resolved.role, workspace: resolved.slug },
      });
    }
    req.workspaceAccess = resolved;
  });
}
