import { randomBytes } from 'node:crypto';
import {
  WeirError,
  type AddMemberRequest,
  type AddMemberResponse,
  type CreateWorkspaceRequest,
  type Member,
  type Role,
  type WorkspaceSummary,
} from '@weir/contracts';
import { hashPassword, Prisma, type PrismaClient } from '@weir/db';
import type { Principal } from '../auth/principal';

type WorkspaceRow = { id: string; slug: string; name: string; poolQueue: string | null; createdAt: Date };
type MemberRow = { userId: string; role: Role; createdAt: Date; user: { email: string; name: string } };

const toSummary = (w: WorkspaceRow, role: Role): WorkspaceSummary => ({
  id: w.id,
  slug: w.slug,
  name: w.name,
  role,
  poolQueue: w.poolQueue,
  createdAt: w.createdAt.toISOString(),
});

const toMember = (m: MemberRow): Member => ({
  userId: m.userId,
  email: m.user.email,
  name: m.user.name,
  role: m.role,
  createdAt: m.createdAt.toISOString(),
});

/** Workspaces and their memberships. */
export class WorkspaceService {
  constructor(private readonly db: PrismaClient) {}

  /** The caller's workspaces with their role in each; an API token sees only its own. */
  async listFor(principal: Principal): Promise<WorkspaceSummary[]> {
    const { credential } = principal;
    const memberships = await this.db.membership.findMany({
      where: { userId: principal.user.id, ...(credential.kind === 'token' ? { workspaceId: credential.workspaceId } : {}) },
      include: { workspace: true },
      orderBy: { createdAt: 'asc' },
    });
    return memberships.map((m) => toSummary(m.workspace, credential.kind === 'token' ? credential.role : m.role));
  }

  async get(workspaceId: string, role: Role): Promise<WorkspaceSummary> {
    return toSummary(await this.db.workspace.findUniqueOrThrow({ where: { id: workspaceId } }), role);
  }

  /** Creates a workspace with the caller as its first OWNER. */
  async create(userId: string, body: CreateWorkspaceRequest): Promise<WorkspaceSummary> {
    try {
      const workspace = await this.db.workspace.create({
        data: { slug: body.slug, name: body.name, memberships: { create: { userId, role: 'OWNER' } } },
      });
      return toSummary(workspace, 'OWNER');
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new WeirError('CONFLICT', `a workspace with slug '${body.slug}' already exists`, { details: { issues: [{ path: 'body.slug', message: 'taken' }] } });
      }
      throw error;
    }
  }

  async members(workspaceId: string): Promise<Member[]> {
    const rows = await this.db.membership.findMany({ where: { workspaceId }, include: { user: true }, orderBy: { createdAt: 'asc' } });
    return rows.map(toMember);
  }

  /**
   * Adds a member; an e-mail without an account gets one, with the given password or a
   * generated one returned once as `initialPassword`.
   */
  async addMember(workspaceId: string, body: AddMemberRequest): Promise<AddMemberResponse> {
    const existing = await this.db.user.findUnique({ where: { email: body.email } });
    const initialPassword = existing || body.password ? undefined : randomBytes(12).toString('base64url');
    const password = body.password ?? initialPassword;
    const user = existing ?? (await this.db.user.create({
      data: { email: body.email, name: body.name ?? body.email.split('@')[0] ?? body.email, passwordHash: password ? await hashPassword(password) : null },
    }));
    try {
      const row = await this.db.membership.create({ data: { workspaceId, userId: user.id, role: body.role }, include: { user: true } });
      return { ...toMember(row), ...(initialPassword ? { initialPassword } : {}) };
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new WeirError('CONFLICT', `${body.email} is already a member; change their role instead`, { details: { userId: user.id } });
      }
      throw error;
    }
  }

  /** Changes a member's role; the last owner cannot be demoted. */
  async updateMember(workspaceId: string, userId: string, role: Role): Promise<{ before: Role; member: Member }> {
    return this.db.$transaction(async (tx) => {
      const current = await this.lockedMembership(tx, workspaceId, userId);
      if (current.role === 'OWNER' && role !== 'OWNER') await this.assertAnotherOwner(tx, workspaceId, userId, 'demoted');
      const row = await tx.membership.update({ where: { id: current.id }, data: { role }, include: { user: true } });
      return { before: current.role, member: toMember(row) };
    });
  }

  /** Removes a member; the last owner cannot be removed. Their tokens for this workspace stop working with them. */
  async removeMember(workspaceId: string, userId: string): Promise<Member> {
    return this.db.$transaction(async (tx) => {
      const current = await this.lockedMembership(tx, workspaceId, userId);
      if (current.role === 'OWNER') await this.assertAnotherOwner(tx, workspaceId, userId, 'removed');
      const row = await tx.membership.delete({ where: { id: current.id }, include: { user: true } });
      return toMember(row);
    });
  }

  /** Reads a membership under a lock on the workspace's rows, so two owners cannot remove each other at once. */
  private async lockedMembership(tx: Prisma.TransactionClient, workspaceId: string, userId: string) {
    await tx.$queryRaw`SELECT 1 FROM "Membership" WHERE "workspaceId" = ${workspaceId} FOR UPDATE`;
    const current = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } });
    if (!current) throw new WeirError('NOT_FOUND', `member '${userId}' not found in this workspace`, { details: { userId } });
    return current;
  }

  private async assertAnotherOwner(tx: Prisma.TransactionClient, workspaceId: string, userId: string, verb: string): Promise<void> {
    const others = await tx.membership.count({ where: { workspaceId, role: 'OWNER', userId: { not: userId } } });
    if (others === 0) throw new WeirError('CONFLICT', `the last owner of a workspace cannot be ${verb}; make someone else owner first`);
  }
}
