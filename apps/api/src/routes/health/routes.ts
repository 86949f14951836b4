import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteContext } from '../context';

const Health = z.object({ status: z.literal('ok'), version: z.string(), time: z.string() });

/** Liveness of the API process. */
export function healthRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/health', { config: { access: { public: true } }, schema: { tags: ['system'], response: { 200: Health } } }, async () => ({
      status: 'ok' as const,
      version: ctx.version,
      time: new Date().toISOString(),
    }));
  };
}
