import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, PutSecretRequest, RotateSecretsResponse, SecretList, SecretParams, SecretSummary } from '@weir/contracts';
import { accessOf, principalOf } from '../../auth/access-hook';
import type { RouteContext } from '../context';
import { NoContent } from '../no-content';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };

/** Secrets of the current workspace: set and listed by name, never read back. */
export function secretRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/secrets',
      { config: { access: { role: 'VIEWER', in: 'current' } }, schema: { tags: ['secrets'], description: "The workspace's secrets by name; values never leave the API.", response: { 200: SecretList, ...errors } } },
      async (req) => ({ items: await ctx.secrets.list(accessOf(req).workspaceId) }),
    );

    app.put(
      '/secrets/:name',
      {
        config: { access: { role: 'EDITOR', in: 'current' } },
        schema: {
          tags: ['secrets'],
          params: SecretParams,
          body: PutSecretRequest,
          description: "Sets a secret; jobs use it as '${secret.NAME}' inside a string literal, resolved on the worker at run time.",
          response: { 200: SecretSummary, ...errors },
        },
      },
      async (req) => {
        const { workspaceId } = accessOf(req);
        const { summary, created } = await ctx.secrets.put(workspaceId, req.params.name, req.body.value, principalOf(req).user.id);
        await ctx.audit.recordRequest(req, created ? 'secret.create' : 'secret.update', workspaceId, { type: 'secret', id: req.params.name }, { keyVersion: summary.keyVersion });
        return summary;
      },
    );

    app.delete(
      '/secrets/:name',
      { config: { access: { role: 'EDITOR', in: 'current' } }, schema: { tags: ['secrets'], params: SecretParams, response: { 204: NoContent, ...errors } } },
      async (req, reply) => {
        const { workspaceId } = accessOf(req);
        await ctx.secrets.remove(workspaceId, req.params.name);
        await ctx.audit.recordRequest(req, 'secret.delete', workspaceId, { type: 'secret', id: req.params.name });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/secrets/rotate',
      {
        config: { access: { role: 'OWNER', in: 'current' } },
        schema: { tags: ['secrets'], description: "Re-encrypts every secret of the workspace, and its connections' secret options, under the current key version (WEIR_SECRET_KEY_VERSION).", response: { 200: RotateSecretsResponse, ...errors } },
      },
      async (req) => {
        const { workspaceId } = accessOf(req);
        const reencrypted = (await ctx.secrets.rotate(workspaceId)) + (await ctx.connections.rotate(workspaceId));
        const keyVersion = ctx.secrets.currentKeyVersion;
        await ctx.audit.recordRequest(req, 'secret.rotate', workspaceId, { type: 'workspace', id: workspaceId }, { keyVersion, reencrypted });
        return { keyVersion, reencrypted };
      },
    );
  };
}
