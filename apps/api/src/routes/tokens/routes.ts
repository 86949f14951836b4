import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, ApiTokenList, CreatedToken, CreateTokenRequest, IdParams } from '@weir/contracts';
import { accessOf, principalOf } from '../../auth/access-hook';
import type { RouteContext } from '../context';
import { NoContent } from '../no-content';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };

/** API tokens of the current workspace, for scripts and the CLI. */
export function tokenRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/tokens',
      { config: { access: { role: 'VIEWER', in: 'current' } }, schema: { tags: ['tokens'], description: "The workspace's tokens: all of them for owners, your own otherwise.", response: { 200: ApiTokenList, ...errors } } },
      async (req) => ({ items: await ctx.tokens.list(accessOf(req), principalOf(req).user.id) }),
    );

    app.post(
      '/tokens',
      {
        config: { access: { role: 'VIEWER', in: 'current' } },
        schema: {
          tags: ['tokens'],
          body: CreateTokenRequest,
          description: 'Creates a token acting for you in this workspace, with at most your role; the secret is in this answer only.',
          response: { 201: CreatedToken, ...errors },
        },
      },
      async (req, reply) => {
        const access = accessOf(req);
        const created = await ctx.tokens.create(access, principalOf(req).user.id, req.body);
        await ctx.audit.recordRequest(req, 'token.create', access.workspaceId, { type: 'token', id: created.id }, {
          name: created.name,
          role: created.role,
          expiresAt: created.expiresAt,
        });
        return reply.status(201).send(created);
      },
    );

    app.delete(
      '/tokens/:id',
      { config: { access: { role: 'VIEWER', in: 'token' } }, schema: { tags: ['tokens'], params: IdParams, description: 'Revokes the token (its creator or an owner).', response: { 204: NoContent, ...errors } } },
      async (req, reply) => {
        const access = accessOf(req);
        const revoked = await ctx.tokens.revoke(access, principalOf(req).user.id, req.params.id);
        await ctx.audit.recordRequest(req, 'token.revoke', access.workspaceId, { type: 'token', id: revoked.id }, { name: revoked.name });
        return reply.status(204).send(null);
      },
    );
  };
}
