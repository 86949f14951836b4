import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, FormatRequest, FormatResponse } from '@weir/contracts';
import { formatScript } from '../../services/sql-formatting';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };

/** Formats SQL for the editor; it reads and stores nothing, so any member of the workspace may. */
export function formatRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/format',
      {
        config: { access: { role: 'VIEWER', in: 'current' } },
        schema: {
          tags: ['jobs'],
          description: 'The script formatted: keywords upper-cased, a clause per line, every token and comment kept. SQL that does not lex is a 400 SQL_INVALID naming its line and column.',
          body: FormatRequest,
          response: { 200: FormatResponse, ...errors },
        },
      },
      async (req) => ({ sql: formatScript(req.body.sql) }),
    );
  };
}
