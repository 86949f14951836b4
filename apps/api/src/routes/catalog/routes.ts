import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, CatalogFunction, CatalogFunctionList, CatalogFunctionRequest, CatalogTable, CatalogTableList, CatalogTableParams, CatalogTableRequest, CatalogTableSaved } from '@weir/contracts';
import { accessOf } from '../../auth/access-hook';
import type { RouteContext } from '../context';
import { NoContent } from '../no-content';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };
const read = (scope: 'current' | 'catalog-table' | 'catalog-function') => ({ access: { role: 'VIEWER', in: scope } }) as const;
const write = (scope: 'current' | 'catalog-table' | 'catalog-function') => ({ access: { role: 'EDITOR', in: scope } }) as const;
const tags = ['catalog'];
const DeleteQuery = z.object({ force: z.enum(['true', 'false']).default('false') });

/** The workspace catalog: tables registered by DDL and functions, used by name in every job of the workspace. */
export function catalogRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/catalog/tables', { config: read('current'), schema: { tags, response: { 200: CatalogTableList, ...errors } } }, async (req) => ({
      items: await ctx.catalog.list(accessOf(req).workspaceId),
    }));

    app.post(
      '/catalog/tables',
      { config: write('current'), schema: { tags, body: CatalogTableRequest, description: "Registers a table from its CREATE TABLE; with connectionId the connection's options are merged in at every use.", response: { 201: CatalogTableSaved, ...errors } } },
      async (req, reply) => {
        const { workspaceId } = accessOf(req);
        const saved = await ctx.catalog.create(workspaceId, req.body);
        await ctx.audit.recordRequest(req, 'catalog.table.create', workspaceId, { type: 'catalog-table', id: saved.table.id }, { name: saved.table.name, roles: saved.table.roles });
        return reply.status(201).send(saved);
      },
    );

    app.get('/catalog/tables/:id', { config: read('catalog-table'), schema: { tags, params: CatalogTableParams, response: { 200: CatalogTable, ...errors } } }, async (req) =>
      ctx.catalog.get(accessOf(req).workspaceId, req.params.id),
    );

    app.put(
      '/catalog/tables/:id',
      { config: write('catalog-table'), schema: { tags, params: CatalogTableParams, body: CatalogTableRequest, description: 'Replaces the definition. Running deployments keep the one they were deployed with; `breaks` lists those the new one would fail.', response: { 200: CatalogTableSaved, ...errors } } },
      async (req) => {
        const { workspaceId } = accessOf(req);
        const saved = await ctx.catalog.update(workspaceId, req.params.id, req.body);
        await ctx.audit.recordRequest(req, 'catalog.table.update', workspaceId, { type: 'catalog-table', id: saved.table.id }, { name: saved.table.name, breaks: saved.breaks.map((b) => b.jobName) });
        return saved;
      },
    );

    app.delete('/catalog/tables/:id', { config: write('catalog-table'), schema: { tags, params: CatalogTableParams, querystring: DeleteQuery, response: { 204: NoContent, ...errors } } }, async (req, reply) => {
      const { workspaceId } = accessOf(req);
      await ctx.catalog.remove(workspaceId, req.params.id, req.query.force === 'true');
      await ctx.audit.recordRequest(req, 'catalog.table.delete', workspaceId, { type: 'catalog-table', id: req.params.id });
      return reply.status(204).send(null);
    });

    app.get('/catalog/functions', { config: read('current'), schema: { tags, response: { 200: CatalogFunctionList, ...errors } } }, async (req) => ({
      items: await ctx.catalog.listFunctions(accessOf(req).workspaceId),
    }));

    app.post(
      '/catalog/functions',
      { config: write('current'), schema: { tags, body: CatalogFunctionRequest, description: "Registers a scalar function: jobs call it by name, and CREATE FUNCTION f AS '<className>' binds to it. Workers run it sandboxed.", response: { 201: CatalogFunction, ...errors } } },
      async (req, reply) => {
        const { workspaceId } = accessOf(req);
        const created = await ctx.catalog.createFunction(workspaceId, req.body);
        await ctx.audit.recordRequest(req, 'catalog.function.create', workspaceId, { type: 'catalog-function', id: created.id }, { name: created.name, className: created.className });
        return reply.status(201).send(created);
      },
    );

    app.delete('/catalog/functions/:id', { config: write('catalog-function'), schema: { tags, params: CatalogTableParams, description: 'Deployments keep the functions they were deployed with.', response: { 204: NoContent, ...errors } } }, async (req, reply) => {
      const { workspaceId } = accessOf(req);
      await ctx.catalog.removeFunction(workspaceId, req.params.id);
      await ctx.audit.recordRequest(req, 'catalog.function.delete', workspaceId, { type: 'catalog-function', id: req.params.id });
      return reply.status(204).send(null);
    });
  };
}
