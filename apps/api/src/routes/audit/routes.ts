import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, AuditList, AuditQuery } from '@weir/contracts';
import { accessOf } from '../../auth/access-hook';
import type { RouteContext } from '../context';

/** The audit log of the current workspace, for its owners. */
export function auditRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit',
      {
        config: { access: { role: 'OWNER', in: 'current' } },
        schema: {
          tags: ['audit'],
          querystring: AuditQuery,
          description: "Who did what in the workspace (and its members' sign-ins), newest first; `before=nextBefore` pages on.",
          response: { 200: AuditList, 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError },
        },
      },
      async (req) => ctx.audit.list(accessOf(req).workspaceId, req.query),
    );
  };
}
