import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, ExplainRequest, ExplainResponse } from '@weir/contracts';
import { accessOf } from '../../auth/access-hook';
import { assertFunctionsParse } from '../../services/job-functions';
import { explainSql } from '../../services/sql-explain';
import type { RouteContext } from '../context';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };

/** Explain: the physical plan a script would run, with the workspace's tables and functions, as validation resolves them. */
export function explainRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/explain',
      {
        // A viewer may: it compiles SQL and stores nothing, like validate.
        config: { access: { role: 'VIEWER', in: 'current' } },
        schema: {
          tags: ['jobs'],
          description: "The plan a deploy of the SQL would run: vertices with their operators and state, edges with partitioning and changelog mode, and the text explain. `jobId` supplies that job's saved functions when `functions` is absent.",
          body: ExplainRequest,
          response: { 200: ExplainResponse, ...errors },
        },
      },
      async (req) => {
        const { workspaceId } = accessOf(req);
        const { sql, jobId } = req.body;
        const functions = req.body.functions ?? (jobId ? (await ctx.jobs.get(workspaceId, jobId)).latestVersion.functions : []);
        assertFunctionsParse(functions);
        return explainSql(sql, functions, await ctx.catalog.workspaceCatalog(workspaceId, sql));
      },
    );
  };
}
