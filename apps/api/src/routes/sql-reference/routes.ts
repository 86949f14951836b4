import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, SqlReference } from '@weir/contracts';
import { editorReference } from '../../services/sql-reference';

const errors = { 401: ApiError, 403: ApiError, 404: ApiError };

/** What the SQL editor completes and documents beyond the grammar: the same for every member. */
export function sqlReferenceRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/sql/reference',
      {
        config: { access: { role: 'VIEWER', in: 'current' } },
        schema: {
          tags: ['jobs'],
          description: "The functions the engine runs (kind, Flink signatures, a one-line doc), the connectors with their roles, WITH options and the values of fixed-set options, and the SET keys the engine reads.",
          response: { 200: SqlReference, ...errors },
        },
      },
      async (_req, reply) => {
        reply.header('cache-control', 'private, max-age=3600');
        return editorReference();
      },
    );
  };
}
