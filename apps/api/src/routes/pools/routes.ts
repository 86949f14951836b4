import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ApiError,
  CreatedPoolJoinToken,
  CreatePoolJoinTokenRequest,
  IdParams,
  JoinPoolRequest,
  JoinPoolResponse,
  PoolJoinTokenList,
  TokenParams,
  UpdatePoolRequest,
  WorkspacePool,
} from '@weir/contracts';
import { accessOf, principalOf } from '../../auth/access-hook';
import { originOf } from '../../services/audit-log';
import type { RouteContext } from '../context';
import { NoContent } from '../no-content';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };
const owner = { access: { role: 'OWNER', in: 'workspace' } } as const;

/** A workspace's worker pool (shared, or exclusive with its own workers) and the tokens its workers join with. */
export function poolRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/workspaces/:id/pool',
      { config: { access: { role: 'VIEWER', in: 'workspace' } }, schema: { tags: ['pools'], params: IdParams, response: { 200: WorkspacePool, ...errors } } },
      async (req) => ctx.pools.get(accessOf(req).workspaceId),
    );

    app.put(
      '/workspaces/:id/pool',
      {
        config: owner,
        schema: {
          tags: ['pools'],
          params: IdParams,
          body: UpdatePoolRequest,
          description: "`exclusive`: the workspace's new runs go to its own queue, served only by workers that joined with its join tokens. Runs already placed stay where they are.",
          response: { 200: WorkspacePool, ...errors },
        },
      },
      async (req) => {
        const { workspaceId } = accessOf(req);
        const { before, after } = await ctx.pools.setMode(workspaceId, req.body.mode);
        if (before.mode !== after.mode) await ctx.audit.recordRequest(req, 'pool.update', workspaceId, { type: 'workspace', id: workspaceId }, { from: before.mode, to: after.mode });
        return after;
      },
    );

    app.get(
      '/workspaces/:id/pool/join-tokens',
      { config: owner, schema: { tags: ['pools'], params: IdParams, response: { 200: PoolJoinTokenList, ...errors } } },
      async (req) => ({ items: await ctx.pools.listJoinTokens(accessOf(req).workspaceId) }),
    );

    app.post(
      '/workspaces/:id/pool/join-tokens',
      {
        config: owner,
        schema: {
          tags: ['pools'],
          params: IdParams,
          body: CreatePoolJoinTokenRequest,
          description: 'Creates a token a worker passes as WEIR_POOL_JOIN_TOKEN to serve this workspace; the secret is in this answer only.',
          response: { 201: CreatedPoolJoinToken, ...errors },
        },
      },
      async (req, reply) => {
        const { workspaceId } = accessOf(req);
        const created = await ctx.pools.createJoinToken(workspaceId, principalOf(req).user.id, req.body.name);
        await ctx.audit.recordRequest(req, 'pool.join-token.create', workspaceId, { type: 'pool-join-token', id: created.id }, { name: created.name });
        return reply.status(201).send(created);
      },
    );

    app.delete(
      '/workspaces/:id/pool/join-tokens/:tokenId',
      { config: owner, schema: { tags: ['pools'], params: TokenParams, response: { 204: NoContent, ...errors } } },
      async (req, reply) => {
        const { workspaceId } = accessOf(req);
        const revoked = await ctx.pools.revokeJoinToken(workspaceId, req.params.tokenId);
        await ctx.audit.recordRequest(req, 'pool.join-token.revoke', workspaceId, { type: 'pool-join-token', id: revoked.id }, { name: revoked.name });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/pools/join',
      {
        // Workers have no account: the join token in the body is their credential.
        config: { access: { public: true } },
        schema: {
          tags: ['pools'],
          body: JoinPoolRequest,
          description: 'A worker started with WEIR_POOL_JOIN_TOKEN asks which queue to serve; it asks again periodically and stops claiming runs once refused.',
          response: { 200: JoinPoolResponse, ...errors },
        },
      },
      async (req) => {
        const { joined, tokenId, tokenName, newWorker } = await ctx.pools.join(req.body);
        if (newWorker) {
          await ctx.audit.record({
            action: 'pool.worker.join',
            workspaceId: joined.workspaceId,
            targetType: 'pool-join-token',
            targetId: tokenId,
            actor: {},
            origin: originOf(req),
            details: { workerId: req.body.workerId, token: tokenName },
          });
        }
        return joined;
      },
    );
  };
}
