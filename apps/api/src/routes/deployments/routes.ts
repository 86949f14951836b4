import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, Checkpoint, CheckpointList, Deployment, FailoverList, IdParams, MetricSampleList, StopRequest } from '@weir/contracts';
import { accessOf } from '../../auth/access-hook';
import type { RouteContext } from '../context';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };
const read = { access: { role: 'VIEWER', in: 'deployment' } } as const;
const write = { access: { role: 'EDITOR', in: 'deployment' } } as const;
const ListQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });
/** An absent or empty body is a plain stop. */
const StopBody = StopRequest.nullable();
const MetricsQuery = z.object({ limit: z.coerce.number().int().min(1).max(3600).default(300) });

/** Deployments: status, stop, suspend and resume, savepoints, checkpoint and failover history, metrics (recent and live). */
export function deploymentRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/deployments/:id', { config: read, schema: { tags: ['deployments'], params: IdParams, response: { 200: Deployment, ...errors } } }, async (req) =>
      ctx.deployments.get(accessOf(req).workspaceId, req.params.id),
    );

    app.post(
      '/deployments/:id/stop',
      {
        config: write,
        schema: {
          tags: ['deployments'],
          params: IdParams,
          body: StopBody,
          description: 'Stops the deployment; `savepoint` takes a savepoint first, `drain` ends the sources first so every window fires.',
          response: { 200: Deployment, ...errors },
        },
      },
      async (req) => {
        const request = StopRequest.parse(req.body ?? {});
        const stopped = await ctx.deployments.stop(accessOf(req).workspaceId, req.params.id, request);
        await ctx.audit.recordRequest(req, 'deployment.stop', accessOf(req).workspaceId, { type: 'deployment', id: stopped.id }, request);
        return stopped;
      },
    );

    app.post(
      '/deployments/:id/suspend',
      { config: write, schema: { tags: ['deployments'], params: IdParams, description: 'Takes a savepoint, then stops: SUSPENDED until resumed.', response: { 200: Deployment, ...errors } } },
      async (req) => {
        const suspended = await ctx.deployments.suspend(accessOf(req).workspaceId, req.params.id);
        await ctx.audit.recordRequest(req, 'deployment.suspend', accessOf(req).workspaceId, { type: 'deployment', id: suspended.id });
        return suspended;
      },
    );

    app.post(
      '/deployments/:id/resume',
      { config: write, schema: { tags: ['deployments'], params: IdParams, description: 'Starts a SUSPENDED deployment again from its newest snapshot.', response: { 200: Deployment, ...errors } } },
      async (req) => {
        const resumed = await ctx.deployments.resume(accessOf(req).workspaceId, req.params.id);
        await ctx.audit.recordRequest(req, 'deployment.resume', accessOf(req).workspaceId, { type: 'deployment', id: resumed.id });
        return resumed;
      },
    );

    app.post(
      '/deployments/:id/savepoints',
      {
        config: write,
        schema: {
          tags: ['deployments'],
          params: IdParams,
          description: 'Takes a savepoint of the running deployment and answers once it is written.',
          response: { 201: Checkpoint, ...errors, 503: ApiError, 504: ApiError },
        },
      },
      async (req, reply) => {
        const savepoint = await ctx.savepoints.trigger(accessOf(req).workspaceId, req.params.id);
        await ctx.audit.recordRequest(req, 'savepoint.trigger', accessOf(req).workspaceId, { type: 'deployment', id: req.params.id }, {
          checkpointId: savepoint.checkpointId,
        });
        return reply.status(201).send(savepoint);
      },
    );

    // The access rule already answered 404 for a deployment the caller cannot see.
    const listOf = <T>(list: (deploymentId: string, limit: number) => Promise<T[]>) =>
      async (req: { params: { id: string }; query: { limit: number } }) => ({ items: await list(req.params.id, req.query.limit) });
    app.get(
      '/deployments/:id/checkpoints',
      { config: read, schema: { tags: ['deployments'], params: IdParams, querystring: ListQuery, description: 'Checkpoints and savepoints, newest first.', response: { 200: CheckpointList, ...errors } } },
      listOf((id, limit) => ctx.history.checkpoints(id, limit)),
    );
    app.get(
      '/deployments/:id/failovers',
      { config: read, schema: { tags: ['deployments'], params: IdParams, querystring: ListQuery, description: 'Failovers, newest first.', response: { 200: FailoverList, ...errors } } },
      listOf((id, limit) => ctx.history.failovers(id, limit)),
    );

    app.get(
      '/deployments/:id/metrics',
      { config: read, schema: { tags: ['deployments'], params: IdParams, querystring: MetricsQuery, response: { 200: MetricSampleList, ...errors } } },
      async (req) => ({ items: await ctx.metrics.recent(req.params.id, req.query.limit) }),
    );

    app.get(
      '/deployments/:id/metrics/stream',
      {
        config: read,
        schema: {
          tags: ['deployments'],
          params: IdParams,
          description: 'Server-Sent Events: one `sample` event per MetricSample as workers report them.',
        },
      },
      async (req, reply) => {
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
