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
  JobVersionList,
  RollbackRequest,
  UpdateJobRequest,
  ValidateRequest,
  VersionDiff,
  VersionDiffParams,
  ValidateResponse,
} from '@weir/contracts';
import { accessOf } from '../../auth/access-hook';
import { diagnose } from '../../services/sql-validation';
import { assertFunctionsParse } from '../../services/job-functions';
import type { RouteContext } from '../context';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };
const read = (scope: 'current' | 'job') => ({ access: { role: 'VIEWER', in: scope } }) as const;
const write = (scope: 'current' | 'job') => ({ access: { role: 'EDITOR', in: scope } }) as const;
const ListQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });

/** Jobs: create, list, read, save a version, validate, deploy, the savepoints a deploy can restore. */
export function jobRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/jobs', { config: read('current'), schema: { tags: ['jobs'], response: { 200: JobList, ...errors } } }, async (req) => ({
      items: await ctx.jobs.list(accessOf(req).workspaceId),
    }));

    app.post('/jobs', { config: write('current'), schema: { tags: ['jobs'], body: CreateJobRequest, response: { 201: Job, ...errors } } }, async (req, reply) => {
      const { workspaceId } = accessOf(req);
      const job = await ctx.jobs.create(workspaceId, req.body, req.principal?.user.id);
      await ctx.audit.recordRequest(req, 'job.create', workspaceId, { type: 'job', id: job.id }, { name: job.name, version: job.latestVersion.version });
      return reply.status(201).send(job);
    });

    app.get('/jobs/:id', { config: read('job'), schema: { tags: ['jobs'], params: IdParams, response: { 200: Job, ...errors } } }, async (req) =>
      ctx.jobs.get(accessOf(req).workspaceId, req.params.id),
    );

    app.put(
      '/jobs/:id',
      { config: write('job'), schema: { tags: ['jobs'], params: IdParams, body: UpdateJobRequest, response: { 200: Job, ...errors } } },
      async (req) => {
        const { workspaceId } = accessOf(req);
        const job = await ctx.jobs.update(workspaceId, req.params.id, req.body, req.principal?.user.id);
        await ctx.audit.recordRequest(req, 'job.save', workspaceId, { type: 'job', id: job.id }, { name: job.name, version: job.latestVersion.version });
        return job;
      },
    );

    app.get('/jobs/:id/versions', { config: read('job'), schema: { tags: ['jobs'], params: IdParams, description: 'Every saved version, newest first, with its message and author.', response: { 200: JobVersionList, ...errors } } }, async (req) => ({
      items: await ctx.jobs.versions(accessOf(req).workspaceId, req.params.id),
    }));

    app.get(
      '/jobs/:id/versions/:a/diff/:b',
      { config: read('job'), schema: { tags: ['jobs'], params: VersionDiffParams, description: 'The line diff of version a to version b.', response: { 200: VersionDiff, ...errors } } },
      async (req) => ctx.jobs.diff(accessOf(req).workspaceId, req.params.id, req.params.a, req.params.b),
    );

    app.post(
      '/jobs/:id/rollback',
      { config: write('job'), schema: { tags: ['jobs'], params: IdParams, body: RollbackRequest, description: 'Saves a new version with the SQL and functions of an older one.', response: { 200: Job, ...errors } } },
      async (req) => {
        const { workspaceId } = accessOf(req);
        const job = await ctx.jobs.rollback(workspaceId, req.params.id, req.body.version, req.body.message, req.principal?.user.id);
        await ctx.audit.recordRequest(req, 'job.rollback', workspaceId, { type: 'job', id: job.id }, { to: req.body.version, version: job.latestVersion.version });
        return job;
      },
    );

    app.post(
      '/jobs/:id/validate',
      { config: read('job'), schema: { tags: ['jobs'], params: IdParams, body: ValidateRequest, response: { 200: ValidateResponse, ...errors } } },
      async (req) => {
        const { workspaceId } = accessOf(req);
        const saved = req.body.sql === undefined || req.body.functions === undefined ? (await ctx.jobs.get(workspaceId, req.params.id)).latestVersion : undefined;
        const sql = req.body.sql ?? saved?.sql ?? '';
        const functions = req.body.functions ?? saved?.functions ?? [];
        assertFunctionsParse(functions);
        const env = await ctx.catalog.workspaceCatalog(workspaceId, sql);
        const diagnostics = [...diagnose(sql, functions, env), ...(await ctx.secrets.missingReferences(workspaceId, sql))];
        return { ok: !diagnostics.some((d) => d.severity === 'error'), diagnostics };
      },
    );

    app.post(
      '/validate',
      { config: read('current'), schema: { tags: ['jobs'], body: ValidateRequest.required({ sql: true }), response: { 200: ValidateResponse, ...errors } } },
      async (req) => {
        assertFunctionsParse(req.body.functions ?? []);
        const { workspaceId } = accessOf(req);
        const env = await ctx.catalog.workspaceCatalog(workspaceId, req.body.sql);
        const diagnostics = [...diagnose(req.body.sql, req.body.functions, env), ...(await ctx.secrets.missingReferences(workspaceId, req.body.sql))];
        return { ok: !diagnostics.some((d) => d.severity === 'error'), diagnostics };
      },
    );

    app.post(
      '/jobs/:id/deploy',
      { config: write('job'), schema: { tags: ['jobs'], params: IdParams, body: DeployRequest, response: { 201: Deployment, ...errors } } },
      async (req, reply) => {
        const { workspaceId } = accessOf(req);
        const deployment = await ctx.deployments.deploy(workspaceId, req.params.id, req.body);
        await ctx.audit.recordRequest(req, 'deployment.create', workspaceId, { type: 'deployment', id: deployment.id }, {
          jobId: req.params.id,
          version: deployment.version,
          restore: req.body.config.restore,
        });
        return reply.status(201).send(deployment);
      },
    );

    app.get(
      '/jobs/:id/savepoints',
      {
        config: read('job'),
        schema: {
          tags: ['jobs'],
          params: IdParams,
          querystring: ListQuery,
          description: "Completed savepoints of the job's deployments, newest first: what a deploy can restore.",
          response: { 200: JobSavepointList, ...errors },
        },
      },
      async (req) => {
        return { items: await ctx.history.jobSavepoints(req.params.id, req.query.limit) };
      },
    );
  };
}
