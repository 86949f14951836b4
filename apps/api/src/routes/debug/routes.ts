import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, CreateFixtureRequest, DebugRun, DebugRunComparison, DebugRunCreated, DebugRunList, DebugRunRequest, DebugTables, DebugTablesRequest, Fixture, FixtureList, IdParams } from '@weir/contracts';
import { accessOf } from '../../auth/access-hook';
import type { RouteContext } from '../context';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };
const read = (scope: 'job' | 'debug-run') => ({ access: { role: 'VIEWER', in: scope } }) as const;
const write = (scope: 'job' | 'debug-run') => ({ access: { role: 'EDITOR', in: scope } }) as const;
/** Typed rows and uploaded files come in the body: a million-row fixture is ~100 MB of JSON. */
const LARGE_BODY = 512 * 1024 * 1024;

/** Debug runs (a job's SQL on debug inputs, every sink captured) and the fixtures they run on. */
export function debugRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/jobs/:id/debug/tables',
      { config: write('job'), schema: { tags: ['debug'], params: IdParams, body: DebugTablesRequest, description: 'The source, dimension and sink tables a debug run of the SQL (or version) needs, with their columns.', response: { 200: DebugTables, ...errors } } },
      async (req) => ctx.debug.tables(accessOf(req).workspaceId, req.params.id, req.body),
    );

    app.post(
      '/jobs/:id/debug',
      {
        config: write('job'),
        bodyLimit: LARGE_BODY,
        schema: { tags: ['debug'], params: IdParams, body: DebugRunRequest, description: 'Runs a version (or unsaved SQL) bounded on a worker, every sink replaced by a capture.', response: { 201: DebugRunCreated, ...errors } },
      },
      async (req, reply) => reply.status(201).send(await ctx.debug.start(accessOf(req).workspaceId, req.params.id, req.body, req.principal?.user.id)),
    );

    app.get('/jobs/:id/debug-runs', { config: read('job'), schema: { tags: ['debug'], params: IdParams, response: { 200: DebugRunList, ...errors } } }, async (req) => ({
      items: await ctx.debug.list(accessOf(req).workspaceId, req.params.id),
    }));

    app.get('/debug-runs/:id', { config: read('debug-run'), schema: { tags: ['debug'], params: IdParams, response: { 200: DebugRun, ...errors } } }, async (req) =>
      ctx.debug.get(accessOf(req).workspaceId, req.params.id),
    );

    app.post('/debug-runs/:id/stop', { config: write('debug-run'), schema: { tags: ['debug'], params: IdParams, response: { 200: DebugRun, ...errors } } }, async (req) =>
      ctx.debug.stop(accessOf(req).workspaceId, req.params.id),
    );

    app.get(
      '/debug-runs/:id/compare',
      { config: read('debug-run'), schema: { tags: ['debug'], params: IdParams, querystring: z.object({ with: z.string().min(1) }), description: 'Per sink, final rows only in this run and only in `with` (two versions on one fixture).', response: { 200: DebugRunComparison, ...errors } } },
      async (req) => ctx.debug.compare(accessOf(req).workspaceId, req.params.id, req.query.with),
    );

    app.get(
      '/debug-runs/:id/events',
      { config: read('debug-run'), schema: { tags: ['debug'], params: IdParams, description: 'Server-Sent Events: `status`, `progress` (new changes per sink) and a last `done`.' } },
      async (req, reply) => {
        const { workspaceId } = accessOf(req);
        const events = ctx.debug.events(workspaceId, req.params.id, AbortSignal.timeout(3600_000));
        // The first event proves the run exists and is visible before the stream is opened.
        const first = await events.next();
        const abort = new AbortController();
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
        req.raw.on('close', () => abort.abort());
        const send = (event: { type: string }) => res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
        try {
          if (!first.done) send(first.value);
          if (!first.done && first.value.type !== 'done') {
            for await (const event of events) {
              if (abort.signal.aborted) break;
              send(event);
            }
          }
        } catch (err) {
          req.log.warn({ err }, 'debug event stream ended by an error');
        } finally {
          await events.return(undefined);
          res.end();
        }
      },
    );

    app.get('/jobs/:id/fixtures', { config: read('job'), schema: { tags: ['debug'], params: IdParams, response: { 200: FixtureList, ...errors } } }, async (req) => ({
      items: await ctx.debug.fixtures(accessOf(req).workspaceId, req.params.id),
    }));

    app.post(
      '/jobs/:id/fixtures',
      { config: write('job'), bodyLimit: LARGE_BODY, schema: { tags: ['debug'], params: IdParams, body: CreateFixtureRequest, description: "Saves a debug run's inputs (what its sources read) or given rows as a named fixture.", response: { 201: Fixture, ...errors } } },
      async (req, reply) => reply.status(201).send(await ctx.debug.createFixture(accessOf(req).workspaceId, req.params.id, req.body, req.principal?.user.id)),
    );
  };
}
