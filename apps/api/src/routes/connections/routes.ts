import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, Connection, ConnectionList, ConnectionObjects, ConnectionParams, ConnectionTestResult, CreateConnectionRequest, PreviewRequest, PreviewResponse, SampleRequest, SampleResponse, UpdateConnectionRequest } from '@weir/contracts';
import { accessOf } from '../../auth/access-hook';
import type { RouteContext } from '../context';
import { NoContent } from '../no-content';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError, 503: ApiError };
const read = (scope: 'current' | 'connection') => ({ access: { role: 'VIEWER', in: scope } }) as const;
const write = (scope: 'current' | 'connection') => ({ access: { role: 'EDITOR', in: scope } }) as const;
const tags = ['connections'];
const SampleBody = SampleRequest.extend({ connector: z.string().optional().describe('the connector the proposed DDL uses; the type\'s first by default (jdbc for postgres)') });

/** Connections: named external systems, their Test, what they hold, and samples of it for onboarding. */
export function connectionRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/connections', { config: read('current'), schema: { tags, response: { 200: ConnectionList, ...errors } } }, async (req) => ({
      items: await ctx.connections.list(accessOf(req).workspaceId),
    }));

    app.post(
      '/connections',
      { config: write('current'), schema: { tags, body: CreateConnectionRequest, description: 'Creates a connection. Secret options (passwords, tokens, HTTP headers) are stored encrypted and never returned.', response: { 201: Connection, ...errors } } },
      async (req, reply) => {
        const { workspaceId } = accessOf(req);
        const connection = await ctx.connections.create(workspaceId, req.body);
        await ctx.audit.recordRequest(req, 'connection.create', workspaceId, { type: 'connection', id: connection.id }, { name: connection.name, type: connection.type });
        return reply.status(201).send(connection);
      },
    );

    app.get('/connections/:id', { config: read('connection'), schema: { tags, params: ConnectionParams, response: { 200: Connection, ...errors } } }, async (req) =>
      ctx.connections.get(accessOf(req).workspaceId, req.params.id),
    );

    app.put(
      '/connections/:id',
      { config: write('connection'), schema: { tags, params: ConnectionParams, body: UpdateConnectionRequest, description: 'Replaces the options; a secret option left out keeps its value, `clearSecrets` removes some.', response: { 200: Connection, ...errors } } },
      async (req) => {
        const { workspaceId } = accessOf(req);
        const connection = await ctx.connections.update(workspaceId, req.params.id, req.body);
        await ctx.audit.recordRequest(req, 'connection.update', workspaceId, { type: 'connection', id: connection.id }, { name: connection.name, secrets: connection.secrets });
        return connection;
      },
    );

    app.delete('/connections/:id', { config: write('connection'), schema: { tags, params: ConnectionParams, response: { 204: NoContent, ...errors } } }, async (req, reply) => {
      const { workspaceId } = accessOf(req);
      await ctx.connections.remove(workspaceId, req.params.id);
      await ctx.audit.recordRequest(req, 'connection.delete', workspaceId, { type: 'connection', id: req.params.id });
      return reply.status(204).send(null);
    });

    app.post(
      '/connections/:id/test',
      { config: write('connection'), schema: { tags, params: ConnectionParams, description: 'Connects within 5 s and says what failed: DNS, REFUSED, TIMEOUT, AUTHENTICATION (for which user), TLS, NOT_FOUND, PERMISSION.', response: { 200: ConnectionTestResult, ...errors } } },
      async (req) => ctx.connections.test(accessOf(req).workspaceId, req.params.id),
    );

    app.get('/connections/:id/objects', { config: read('connection'), schema: { tags, params: ConnectionParams, description: 'Tables with columns, streams, subjects, topics, queues or key patterns.', response: { 200: ConnectionObjects, ...errors } } }, async (req) =>
      ctx.connections.objects(accessOf(req).workspaceId, req.params.id),
    );

    app.post(
      '/connections/:id/sample',
      { config: write('connection'), schema: { tags, params: ConnectionParams, body: SampleBody, description: 'Reads up to maxRows rows or messages within maxSeconds; answers the rows, the inferred columns and the DDL to register.', response: { 200: SampleResponse, ...errors } } },
      async (req) => {
        const { connector, ...request } = req.body;
        return ctx.connections.sample(accessOf(req).workspaceId, req.params.id, request, connector);
      },
    );

    app.post(
      '/connections/:id/preview',
      { config: write('connection'), schema: { tags, params: ConnectionParams, body: PreviewRequest, description: "Samples the object again and reads each message with the DDL's columns and format, as the table would.", response: { 200: PreviewResponse, ...errors } } },
      async (req) => ctx.connections.preview(accessOf(req).workspaceId, req.params.id, req.body),
    );
  };
}
