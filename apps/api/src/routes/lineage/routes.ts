import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, Lineage } from '@weir/contracts';
import { accessOf } from '../../auth/access-hook';
import type { RouteContext } from '../context';

const errors = { 401: ApiError, 403: ApiError, 404: ApiError };

/** Lineage: which jobs read, look up and write which tables, across the workspace. */
export function lineageRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/lineage',
      { config: { access: { role: 'VIEWER', in: 'current' } }, schema: { tags: ['catalog'], description: "Table → job → table across the workspace's jobs, from their plans, with the columns each job reads or writes.", response: { 200: Lineage, ...errors } } },
      async (req) => ctx.lineage.lineage(accessOf(req).workspaceId),
    );
  };
}
