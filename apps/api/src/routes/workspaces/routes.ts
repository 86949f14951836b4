import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AddMemberRequest,
  AddMemberResponse,
  ApiError,
  CreateWorkspaceRequest,
  IdParams,
  Member,
  MemberList,
  MemberParams,
  UpdateMemberRequest,
  WorkspaceList,
  WorkspaceSummary,
} from '@weir/contracts';
import { accessOf, principalOf } from '../../auth/access-hook';
import type { RouteContext } from '../context';
import { NoContent } from '../no-content';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };

/** Workspaces and their members; members are managed by owners. `:id` is a workspace id or slug. */
export function workspaceRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/workspaces',
      { config: { access: { signedIn: true } }, schema: { tags: ['workspaces'], description: 'Your workspaces, with your role in each.', response: { 200: WorkspaceList, ...errors } } },
      async (req) => ({ items: await ctx.workspaces.listFor(principalOf(req)) }),
    );

    app.post(
      '/workspaces',
      {
        config: { access: { signedIn: true, sessionOnly: true } },
        schema: { tags: ['workspaces'], body: CreateWorkspaceRequest, description: 'Creates a workspace; you become its owner.', response: { 201: WorkspaceSummary, ...errors } },
      },
      async (req, reply) => {
        const workspace = await ctx.workspaces.create(principalOf(req).user.id, req.body);
        await ctx.audit.recordRequest(req, 'workspace.create', workspace.id, { type: 'workspace', id: workspace.id }, { slug: workspace.slug, name: workspace.name });
        return reply.status(201).send(workspace);
      },
    );

    app.get(
      '/workspaces/:id',
      { config: { access: { role: 'VIEWER', in: 'workspace' } }, schema: { tags: ['workspaces'], params: IdParams, response: { 200: WorkspaceSummary, ...errors } } },
      async (req) => {
        const access = accessOf(req);
        return ctx.workspaces.get(access.workspaceId, access.role);
      },
    );

    app.get(
      '/workspaces/:id/members',
      { config: { access: { role: 'VIEWER', in: 'workspace' } }, schema: { tags: ['workspaces'], params: IdParams, response: { 200: MemberList, ...errors } } },
      async (req) => ({ items: await ctx.workspaces.members(accessOf(req).workspaceId) }),
    );

    app.post(
      '/workspaces/:id/members',
      {
        config: { access: { role: 'OWNER', in: 'workspace' } },
        schema: {
          tags: ['workspaces'],
          params: IdParams,
          body: AddMemberRequest,
          description: 'Adds a member by e-mail; an e-mail without an account gets one (with `password`, or a generated `initialPassword` returned once).',
          response: { 201: AddMemberResponse, ...errors },
        },
      },
      async (req, reply) => {
        const { workspaceId } = accessOf(req);
        const member = await ctx.workspaces.addMember(workspaceId, req.body);
        await ctx.audit.recordRequest(req, 'member.add', workspaceId, { type: 'user', id: member.userId }, {
          email: member.email,
          role: member.role,
          accountCreated: member.initialPassword !== undefined || req.body.password !== undefined,
        });
        return reply.status(201).send(member);
      },
    );

    app.put(
      '/workspaces/:id/members/:userId',
      {
        config: { access: { role: 'OWNER', in: 'workspace' } },
        schema: { tags: ['workspaces'], params: MemberParams, body: UpdateMemberRequest, response: { 200: Member, ...errors } },
      },
      async (req) => {
        const { workspaceId } = accessOf(req);
        const { before, member } = await ctx.workspaces.updateMember(workspaceId, req.params.userId, req.body.role);
        await ctx.audit.recordRequest(req, 'member.update', workspaceId, { type: 'user', id: member.userId }, { email: member.email, from: before, to: member.role });
        return member;
      },
    );

    app.delete(
      '/workspaces/:id/members/:userId',
      { config: { access: { role: 'OWNER', in: 'workspace' } }, schema: { tags: ['workspaces'], params: MemberParams, response: { 204: NoContent, ...errors } } },
      async (req, reply) => {
        const { workspaceId } = accessOf(req);
        const member = await ctx.workspaces.removeMember(workspaceId, req.params.userId);
        await ctx.audit.recordRequest(req, 'member.remove', workspaceId, { type: 'user', id: member.userId }, { email: member.email, role: member.role });
        return reply.status(204).send(null);
      },
    );
  };
}
