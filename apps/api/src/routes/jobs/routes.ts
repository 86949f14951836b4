import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiError,
  CreateJobRequest,
  Deployment,
  DeployRequest,
  IdParams,
  Job,
  JobList,
  JobSavepointList,
  UpdateJobRequest,
  ValidateRequest,
  ValidateResponse,
} from '@weir/contracts';
import { diagnose } from '../../services/sql-validation';
import type { RouteContext } from '../context';

const errors = { 400: ApiError, 404: ApiError, 409: ApiError };
const ListQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });

/** Jobs: create, list, read, save a version, validate, deploy, the savepoints a deploy can restore. */
export function jobRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/jobs', { schema: { tags: ['jobs'], response: { 200: JobList } } }, async () => ({
      items: await ctx.jobs.list(ctx.workspaceId),
    }));

    app.post('/jobs', { schema: { tags: ['jobs'], body: CreateJobRequest, response: { 201: Job, ...errors } } }, async (req, reply) => {
      const job = await ctx.jobs.create(ctx.workspaceId, req.body);
      return reply.status(201).send(job);
    });

    app.get('/jobs/:id', { schema: { tags: ['jobs'], params: IdParams, response: { 200: Job, ...errors } } }, async (req) =>
      ctx.jobs.get(ctx.workspaceId, req.params.id),
    );

    app.put(
      '/jobs/:id',
      { schema: { tags: ['jobs'], params: IdParams, body: UpdateJobRequest, response: { 200: Job, ...errors } } },
      async (req) => ctx.jobs.update(ctx.workspaceId, req.params.id, req.body),
    );

    app.post(
      '/jobs/:id/validate',
      { schema: { tags: ['jobs'], params: IdParams, body: ValidateRequest, response: { 200: ValidateResponse, ...errors } } },
      async (req) => {
        const sql = req.body.sql ?? (await ctx.jobs.get(ctx.workspaceId, req.params.id)).latestVersion.sql;
        const diagnostics = diagnose(sql);
        return { ok: !diagnostics.some((d) => d.severity === 'error'), diagnostics };
      },
    );

    app.post(
      '/validate',
      { schema: { tags: ['jobs'], body: ValidateRequest.required(), response: { 200: ValidateResponse, ...errors } } },
      async (req) => {
        const diagnostics = diagnose(req.body.sql);
        return { ok: !diagnostics.some((d) => d.severity === 'error'), diagnostics };
      },
    );

    app.post(
      '/jobs/:id/deploy',
      { schema: { tags: ['jobs'], params: IdParams, body: DeployRequest, response: { 201: Deployment, ...errors } } },
      async (req, reply) => reply.status(201).send(await ctx.deployments.deploy(ctx.workspaceId, req.params.id, req.body)),
    );

    app.get(
      '/jobs/:id/savepoints',
      {
        schema: {
          tags: ['jobs'],
          params: IdParams,
          querystring: ListQuery,
          description: "Completed savepoints of the job's deployments, newest first: what a deploy can restore.",
          response: { 200: JobSavepointList, ...errors },
        },
      },
      async (req) => {
        // Looked up first so a job of another workspace, or none, answers 404.
        await ctx.jobs.get(ctx.workspaceId, req.params.id);
        return { items: await ctx.history.jobSavepoints(req.params.id, req.query.limit) };
      },
    );
  };
}
