import {
  AUTH,
  exclusivePoolQueue,
  poolQueueOf,
  WeirError,
  type CreatedPoolJoinToken,
  type JoinPoolRequest,
  type JoinPoolResponse,
  type PoolJoinToken,
  type PoolMode,
  type WorkspacePool,
} from '@weir/contracts';
import { hashBearerSecret, newBearerSecret, type PrismaClient } from '@weir/db';
import type { Clock } from '../scheduler/clock';

const withCreator = { createdBy: { select: { id: true, email: true, name: true } } } as const;
/** Characters of a join token kept in the clear, enough to recognise it in a listing. */
const SHOWN_CHARACTERS = AUTH.poolJoinTokenPrefix.length + 6;

type JoinTokenRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  lastWorkerId: string | null;
  revokedAt: Date | null;
  createdBy: PoolJoinToken['createdBy'];
};

const iso = (d: Date | null) => d?.toISOString() ?? null;
const toJoinToken = (t: JoinTokenRow): PoolJoinToken => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdBy: t.createdBy,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: iso(t.lastUsedAt),
  lastWorkerId: t.lastWorkerId,
  revokedAt: iso(t.revokedAt),
});

const toPool = (workspaceId: string, poolQueue: string | null): WorkspacePool => ({
  workspaceId,
  mode: poolQueue === null ? 'shared' : 'exclusive',
  queue: poolQueueOf(poolQueue),
});

/** Where a workspace's runs go (the shared pool or its own) and the join tokens of its own workers. */
export class PoolService {
  constructor(
    private readonly db: PrismaClient,
    private readonly clock: Clock,
  ) {}

  async get(workspaceId: string): Promise<WorkspacePool> {
    const workspace = await this.db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { poolQueue: true } });
    return toPool(workspaceId, workspace.poolQueue);
  }

  /**
   * Switches the pool new runs go to. Runs already queued or running stay where they are; a
   * failover or resume after the switch goes to the new pool.
   */
  async setMode(workspaceId: string, mode: PoolMode): Promise<{ before: WorkspacePool; after: WorkspacePool }> {
    const before = await this.get(workspaceId);
    const poolQueue = mode === 'exclusive' ? exclusivePoolQueue(workspaceId) : null;
    await this.db.workspace.update({ where: { id: workspaceId }, data: { poolQueue } });
    return { before, after: toPool(workspaceId, poolQueue) };
  }

  async listJoinTokens(workspaceId: string): Promise<PoolJoinToken[]> {
    const rows = await this.db.poolJoinToken.findMany({ where: { workspaceId }, include: withCreator, orderBy: { createdAt: 'desc' } });
    return rows.map(toJoinToken);
  }

  /** Creates a join token; its secret is returned this once and only its hash is stored. */
  async createJoinToken(workspaceId: string, userId: string, name: string): Promise<CreatedPoolJoinToken> {
    const token = newBearerSecret(AUTH.poolJoinTokenPrefix);
    const row = await this.db.poolJoinToken.create({
      data: { workspaceId, createdById: userId, name, prefix: token.slice(0, SHOWN_CHARACTERS), tokenHash: hashBearerSecret(token) },
      include: withCreator,
    });
    return { ...toJoinToken(row), token };
  }

  /** Revokes a join token: workers using it are refused at their next check. Revoking twice is harmless. */
  async revokeJoinToken(workspaceId: string, tokenId: string): Promise<PoolJoinToken> {
    const row = await this.db.poolJoinToken.findFirst({ where: { id: tokenId, workspaceId }, include: withCreator });
    if (!row) throw new WeirError('NOT_FOUND', `join token '${tokenId}' not found`, { details: { id: tokenId } });
    if (row.revokedAt) return toJoinToken(row);
    return toJoinToken(await this.db.poolJoinToken.update({ where: { id: tokenId }, data: { revokedAt: new Date(this.clock.now()) }, include: withCreator }));
  }

  /**
   * A worker joining (or confirming it may still serve) a pool: the queue of the token's workspace,
   * and whether this worker is new to the token (what the audit log records).
   * Refused when the token is unknown or revoked, or the workspace went back to the shared pool.
   */
  async join(body: JoinPoolRequest): Promise<{ joined: JoinPoolResponse; tokenId: string; tokenName: string; newWorker: boolean }> {
    const row = await this.db.poolJoinToken.findUnique({
      where: { tokenHash: hashBearerSecret(body.joinToken) },
      include: { workspace: { select: { id: true, slug: true, poolQueue: true } } },
    });
    if (!row || row.revokedAt) throw new WeirError('UNAUTHENTICATED', row ? `join token '${row.name}' was revoked` : 'unknown join token');
    if (row.workspace.poolQueue === null) {
      throw new WeirError('CONFLICT', `workspace '${row.workspace.slug}' runs on the shared pool; set its pool to exclusive before workers join it`);
    }
    await this.db.poolJoinToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(this.clock.now()), lastWorkerId: body.workerId } });
    return {
      joined: { workspaceId: row.workspace.id, workspaceSlug: row.workspace.slug, queue: row.workspace.poolQueue },
      tokenId: row.id,
      tokenName: row.name,
      newWorker: row.lastWorkerId !== body.workerId,
    };
  }
}
