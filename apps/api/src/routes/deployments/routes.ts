import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, Deployment, IdParams, MetricSampleList } from '@weir/contracts';
import type { RouteContext } from '../context';

const errors = { 400: ApiError, 404: ApiError, 409: ApiError };
const MetricsQuery = z.object({ limit: z.coerce.number().int().min(1).max(3600).default(300) });

/** Deployments: status, stop, metrics (recent and live). */
export function deploymentRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/deployments/:id', { schema: { tags: ['deployments'], params: IdParams, response: { 200: Deployment, ...errors } } }, async (req) =>
      ctx.deployments.get(ctx.workspaceId, req.params.id),
    );

    app.post(
      '/deployments/:id/stop',
      { schema: { tags: ['deployments'], params: IdParams, response: { 200: Deployment, ...errors } } },
      async (req) => ctx.deployments.stop(ctx.workspaceId, req.params.id),
    );

    app.get(
      '/deployments/:id/metrics',
      { schema: { tags: ['deployments'], params: IdParams, querystring: MetricsQuery, response: { 200: MetricSampleList, ...errors } } },
      async (req) => {
        await ctx.deployments.get(ctx.workspaceId, req.params.id);
        return { items: await ctx.metrics.recent(req.params.id, req.query.limit) };
      },
    );

    app.get(
      '/deployments/:id/metrics/stream',
      {
        schema: {
          tags: ['deployments'],
          params: IdParams,
          description: 'Server-Sent Events: one `sample` event per MetricSample as workers report them.',
        },
      },
      async (req, reply) => {
        await ctx.deployments.get(ctx.workspaceId, req.params.id);
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
        res.write(': connected\n\n');
        const unsubscribe = ctx.hub.subscribe(req.params.id, (sample) => {
          res.write(`event: sample\ndata: ${JSON.stringify(sample)}\n\n`);
        });
        const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
        req.raw.on('close', () => {
          clearInterval(keepAlive);
          unsubscribe();
        });
      },
    );
  };
}
