import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, AUTH, ChangePasswordRequest, LoginRequest, LoginResponse, Me } from '@weir/contracts';
import { principalOf } from '../../auth/access-hook';
import { serializeCookie } from '../../auth/cookies';
import { originOf } from '../../services/audit-log';
import type { RouteContext } from '../context';
import { NoContent } from '../no-content';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 429: ApiError };

/** Sign-in, sign-out, who am I, and changing one's own password. */
export function authRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  const setSessionCookies = (reply: FastifyReply, token: string, csrfToken: string, maxAge: number) => {
    const secure = ctx.cookies.secure;
    void reply.header('set-cookie', [
      serializeCookie(AUTH.sessionCookie, token, { httpOnly: true, secure, maxAge }),
      // Readable by the console's script, which echoes it as the CSRF header; another site can neither read nor send it.
      serializeCookie(AUTH.csrfCookie, csrfToken, { httpOnly: false, secure, maxAge }),
    ]);
  };

  return async (app) => {
    app.post(
      '/auth/login',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['auth'],
          body: LoginRequest,
          description: `Signs in: sets the \`${AUTH.sessionCookie}\` cookie and returns the session as a Bearer token.`,
          response: { 200: LoginResponse, ...errors },
        },
      },
      async (req, reply) => {
        const session = await ctx.sessions.login(req.body, originOf(req));
        const maxAge = Math.max(0, Math.floor((session.expiresAt.getTime() - Date.now()) / 1000));
        setSessionCookies(reply, session.token, session.csrfToken, maxAge);
        return { token: session.token, expiresAt: session.expiresAt.toISOString(), user: session.user };
      },
    );

    app.post(
      '/auth/logout',
      { config: { access: { signedIn: true } }, schema: { tags: ['auth'], description: 'Ends the session (an API token is revoked with DELETE /tokens/:id instead).', response: { 204: NoContent, ...errors } } },
      async (req, reply) => {
        const { credential, user } = principalOf(req);
        if (credential.kind === 'session') {
          await ctx.sessions.logout(credential.sessionId);
          await ctx.audit.recordRequest(req, 'auth.logout', null, { type: 'user', id: user.id });
        }
        setSessionCookies(reply, '', '', 0);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/me',
      {
        config: { access: { signedIn: true } },
        schema: { tags: ['auth'], description: `The caller, their workspaces and the one \`${AUTH.workspaceHeader}\` (or the default) selects.`, response: { 200: Me, ...errors } },
      },
      async (req) => {
        const principal = principalOf(req);
        const chosen = req.headers[AUTH.workspaceHeader];
        const current = await ctx.resolver.currentOrNone(principal, typeof chosen === 'string' ? chosen : undefined);
        const workspaces = await ctx.workspaces.listFor(principal);
        return {
          user: principal.user,
          authenticatedBy: principal.credential.kind,
          workspace: workspaces.find((w) => w.id === current?.workspaceId) ?? null,
          workspaces,
          csrfToken: principal.credential.kind === 'session' ? principal.credential.csrfToken : null,
        };
      },
    );

    app.post(
      '/me/password',
      {
        config: { access: { signedIn: true, sessionOnly: true } },
        schema: { tags: ['auth'], body: ChangePasswordRequest, description: 'Changes your password and signs out your other sessions.', response: { 204: NoContent, ...errors } },
      },
      async (req, reply) => {
        const { user, credential } = principalOf(req);
        await ctx.sessions.changePassword(user.id, credential.kind === 'session' ? credential.sessionId : undefined, req.body.currentPassword, req.body.newPassword);
        await ctx.audit.recordRequest(req, 'user.password_change', null, { type: 'user', id: user.id });
        return reply.status(204).send(null);
      },
    );
  };
}
