import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, Checkpoint, CheckpointList, Deployment, FailoverList, IdParams, MetricSampleList, StopRequest } from '@weir/contracts';
import type { RouteContext } from '../context';

const errors = { 400: ApiError, 404: ApiError, 409: ApiError };
const ListQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });
/** An absent or empty body is a plain stop. */
const StopBody = StopRequest.nullable();
const MetricsQuery = z.object({ limit: z.coerce.number().int().min(1).max(3600).default(300) });

/** Deployments: status, stop, suspend and resume, savepoints, checkpoint and failover history, metrics (recent and live). */
export function deploymentRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/deployments/:id', { schema: { tags: ['deployments'], params: IdParams, response: { 200: Deployment, ...errors } } }, async (req) =>
      ctx.deployments.get(ctx.workspaceId, req.params.id),
    );

    app.post(
      '/deployments/:id/stop',
      {
        schema: {
          tags: ['deployments'],
          params: IdParams,
          body: StopBody,
          description: 'Stops the deployment; `savepoint` takes a savepoint first, `drain` ends the sources first so every window fires.',
          response: { 200: Deployment, ...errors },
        },
      },
      async (req) => ctx.deployments.stop(ctx.workspaceId, req.params.id, StopRequest.parse(req.body ?? {})),
    );

    app.post(
      '/deployments/:id/suspend',
      { schema: { tags: ['deployments'], params: IdParams, description: 'Takes a savepoint, then stops: SUSPENDED until resumed.', response: { 200: Deployment, ...errors } } },
      async (req) => ctx.deployments.suspend(ctx.workspaceId, req.params.id),
    );

    app.post(
      '/deployments/:id/resume',
      { schema: { tags: ['deployments'], params: IdParams, description: 'Starts a SUSPENDED deployment again from its newest snapshot.', response: { 200: Deployment, ...errors } } },
      async (req) => ctx.deployments.resume(ctx.workspaceId, req.params.id),
    );

    app.post(
      '/deployments/:id/savepoints',
      {
        schema: {
          tags: ['deployments'],
          params: IdParams,
          description: 'Takes a savepoint of the running deployment and answers once it is written.',
          response: { 201: Checkpoint, ...errors, 503: ApiError, 504: ApiError },
        },
      },
      async (req, reply) => reply.status(201).send(await ctx.savepoints.trigger(ctx.workspaceId, req.params.id)),
    );

    // The deployment is looked up first so an unknown id answers 404, not an empty list.
    const listOf = <T>(list: (deploymentId: string, limit: number) => Promise<T[]>) =>
      async (req: { params: { id: string }; query: { limit: number } }) => {
        await ctx.deployments.get(ctx.workspaceId, req.params.id);
        return { items: await list(req.params.id, req.query.limit) };
      };
    app.get(
      '/deployments/:id/checkpoints',
      { schema: { tags: ['deployments'], params: IdParams, querystring: ListQuery, description: 'Checkpoints and savepoints, newest first.', response: { 200: CheckpointList, ...errors } } },
      listOf((id, limit) => ctx.history.checkpoints(id, limit)),
    );
    app.get(
      '/deployments/:id/failovers',
      { schema: { tags: ['deployments'], params: IdParams, querystring: ListQuery, description: 'Failovers, newest first.', response: { 200: FailoverList, ...errors } } },
      listOf((id, limit) => ctx.history.failovers(id, limit)),
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
