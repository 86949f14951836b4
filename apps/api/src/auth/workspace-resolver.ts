import { WeirError, type Role } from '@weir/contracts';
import type { PrismaClient } from '@weir/db';
import type { Principal, WorkspaceAccess } from './principal';
import type { WorkspaceScope } from './route-access';

const notFound = (what: string, id: string) => new WeirError('NOT_FOUND', `${what} '${id}' not found`, { details: { [what]: id } });

/** Finds the workspace a request acts in and the caller's role there; anything the caller may not see is NOT_FOUND. */
export class WorkspaceResolver {
  constructor(private readonly db: PrismaClient) {}

  /** The workspace of `scope`: the chosen one for `current`, else the one owning the resource `id`. */
  async resolve(principal: Principal, scope: WorkspaceScope, id: string | undefined, chosen: string | undefined): Promise<WorkspaceAccess> {
    if (scope === 'current') return this.current(principal, chosen);
    if (id === undefined) throw new WeirError('INTERNAL', `a route scoped to a ${scope} has no :id parameter`);
    const workspaceId = await this.workspaceOf(scope, id);
    const access = workspaceId === undefined ? undefined : await this.accessTo(principal, workspaceId);
    if (!access) throw notFound(scope, id);
    return access;
  }

  /** The chosen workspace (id or slug), else the token's, else the caller's oldest membership; FORBIDDEN when they have none. */
  async current(principal: Principal, chosen: string | undefined): Promise<WorkspaceAccess> {
    const found = await this.currentOrNone(principal, chosen);
    if (!found) throw new WeirError('FORBIDDEN', 'you are not a member of any workspace; ask a workspace owner to add you');
    return found;
  }

  /** Like current, but undefined instead of FORBIDDEN when the caller belongs nowhere. */
  async currentOrNone(principal: Principal, chosen: string | undefined): Promise<WorkspaceAccess | undefined> {
    if (chosen !== undefined && chosen !== '') {
      const workspace = await this.db.workspace.findFirst({ where: { OR: [{ id: chosen }, { slug: chosen }] }, select: { id: true } });
      const access = workspace ? await this.accessTo(principal, workspace.id) : undefined;
      if (!access) throw notFound('workspace', chosen);
      return access;
    }
    if (principal.credential.kind === 'token') return this.accessTo(principal, principal.credential.workspaceId);
    const first = await this.db.membership.findFirst({
      where: { userId: principal.user.id },
      orderBy: { createdAt: 'asc' },
      include: { workspace: { select: { slug: true } } },
    });
    return first ? { workspaceId: first.workspaceId, slug: first.workspace.slug, role: first.role } : undefined;
  }

  /** The caller's role in a workspace, undefined when they are not in it (or their token is bound elsewhere). */
  async accessTo(principal: Principal, workspaceId: string): Promise<WorkspaceAccess | undefined> {
    const { credential } = principal;
    if (credential.kind === 'token' && credential.workspaceId !== workspaceId) return undefined;
    const membership = await this.db.membership.findUnique({
      where: { workspaceId_userId: { workspaceId, userId: principal.user.id } },
      include: { workspace: { select: { slug: true } } },
    });
    if (!membership) return undefined;
    const role: Role = credential.kind === 'token' ? credential.role : membership.role;
    return { workspaceId, slug: membership.workspace.slug, role };
  }

  private async workspaceOf(scope: Exclude<WorkspaceScope, 'current'>, id: string): Promise<string | undefined> {
    switch (scope) {
      case 'workspace':
        return (await this.db.workspace.findFirst({ where: { OR: [{ id }, { slug: id }] }, select: { id: true } }))?.id;
      case 'job':
        return (await this.db.job.findUnique({ where: { id }, select: { workspaceId: true } }))?.workspaceId;
      case 'deployment':
        return (await this.db.deployment.findUnique({ where: { id }, select: { job: { select: { workspaceId: true } } } }))?.job.workspaceId;
      case 'token':
        return (await this.db.apiToken.findUnique({ where: { id }, select: { workspaceId: true } }))?.workspaceId;
      case 'connection':
        return (await this.db.connection.findUnique({ where: { id }, select: { workspaceId: true } }))?.workspaceId;
      case 'catalog-table':
        return (await this.db.catalogTable.findUnique({ where: { id }, select: { workspaceId: true } }))?.workspaceId;
      case 'catalog-function':
        return (await this.db.catalogFunction.findUnique({ where: { id }, select: { workspaceId: true } }))?.workspaceId;
      case 'debug-run':
        return (await this.db.debugRun.findUnique({ where: { id }, select: { job: { select: { workspaceId: true } } } }))?.job.workspaceId;
    }
  }
}
