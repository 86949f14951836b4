import type { FastifyRequest } from 'fastify';
import type { AuditEntry, AuditList, AuditQuery } from '@weir/contracts';
import type { Prisma, PrismaClient } from '@weir/db';

/** Where a request came from. */
export interface AuditOrigin {
  ip: string | null;
  userAgent: string | null;
}

export interface AuditRecord {
  action: string;
  workspaceId: string | null;
  targetType: string;
  targetId: string;
  actor: { userId?: string | null; email?: string | null; tokenId?: string | null };
  origin: AuditOrigin;
  details?: Prisma.InputJsonValue;
}

/** The request's address and client, as the audit log keeps them. */
export function originOf(req: FastifyRequest): AuditOrigin {
  const agent = req.headers['user-agent'];
  return { ip: req.ip ?? null, userAgent: typeof agent === 'string' ? agent.slice(0, 300) : null };
}

/** Append-only record of who did what, when, from where, to which resource. */
export class AuditLog {
  constructor(private readonly db: PrismaClient) {}

  async record(entry: AuditRecord): Promise<void> {
    await this.db.auditLog.create({
      data: {
        action: entry.action,
        workspaceId: entry.workspaceId,
        targetType: entry.targetType,
        targetId: entry.targetId,
        userId: entry.actor.userId ?? null,
        actorEmail: entry.actor.email ?? null,
        tokenId: entry.actor.tokenId ?? null,
        ip: entry.origin.ip,
        userAgent: entry.origin.userAgent,
        details: entry.details ?? {},
      },
    });
  }

  /** Records an action of the signed-in caller of `req` in `workspaceId`. */
  async recordRequest(
    req: FastifyRequest,
    action: string,
    workspaceId: string | null,
    target: { type: string; id: string },
    details: Prisma.InputJsonValue = {},
  ): Promise<void> {
    const principal = req.principal;
    await this.record({
      action,
      workspaceId,
      targetType: target.type,
      targetId: target.id,
      actor: {
        userId: principal?.user.id ?? null,
        email: principal?.user.email ?? null,
        tokenId: principal?.credential.kind === 'token' ? principal.credential.tokenId : null,
      },
      origin: originOf(req),
      details,
    });
  }

  /**
   * Entries of a workspace, newest first: its own, and the sign-ins of its members (those
   * belong to no workspace).
   */
  async list(workspaceId: string, query: AuditQuery): Promise<AuditList> {
    const members = await this.db.membership.findMany({ where: { workspaceId }, select: { userId: true } });
    const where: Prisma.AuditLogWhereInput = {
      OR: [{ workspaceId }, { workspaceId: null, userId: { in: members.map((m) => m.userId) } }],
      ...(query.action ? { action: query.action.endsWith('.') ? { startsWith: query.action } : query.action } : {}),
      ...(query.actor ? { actorEmail: { equals: query.actor, mode: 'insensitive' } } : {}),
      ...(query.targetType ? { targetType: query.targetType } : {}),
      ...(query.targetId ? { targetId: query.targetId } : {}),
      ...(query.before ? { id: { lt: BigInt(query.before) } } : {}),
      ...(query.since || query.until
        ? { at: { ...(query.since ? { gte: new Date(query.since) } : {}), ...(query.until ? { lt: new Date(query.until) } : {}) } }
        : {}),
    };
    const rows = await this.db.auditLog.findMany({ where, orderBy: { id: 'desc' }, take: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    const items: AuditEntry[] = page.map((row) => ({
      id: row.id.toString(),
      at: row.at.toISOString(),
      action: row.action,
      actor: { userId: row.userId, email: row.actorEmail, tokenId: row.tokenId },
      workspaceId: row.workspaceId,
      targetType: row.targetType,
      targetId: row.targetId,
      ip: row.ip,
      userAgent: row.userAgent,
      details: row.details,
    }));
    return { items, nextBefore: rows.length > query.limit ? (page.at(-1)?.id.toString() ?? null) : null };
  }
}
