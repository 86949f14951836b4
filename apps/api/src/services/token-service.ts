import { roleAllows, WeirError, type ApiToken, type CreatedToken, type CreateTokenRequest } from '@weir/contracts';
import { issueApiToken, type PrismaClient } from '@weir/db';
import type { WorkspaceAccess } from '../auth/principal';
import type { Clock } from '../scheduler/clock';

const DAY_MS = 86_400_000;
const withCreator = { createdBy: { select: { id: true, email: true, name: true } } } as const;

type TokenRow = {
  id: string;
  name: string;
  workspaceId: string;
  role: ApiToken['role'];
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdBy: ApiToken['createdBy'];
};

const iso = (d: Date | null) => d?.toISOString() ?? null;
const toToken = (t: TokenRow): ApiToken => ({
  id: t.id,
  name: t.name,
  workspaceId: t.workspaceId,
  role: t.role,
  prefix: t.prefix,
  createdBy: t.createdBy,
  createdAt: t.createdAt.toISOString(),
  expiresAt: iso(t.expiresAt),
  lastUsedAt: iso(t.lastUsedAt),
  revokedAt: iso(t.revokedAt),
});

/** API tokens: named, workspace-scoped, shown once, revocable. */
export class TokenService {
  constructor(
    private readonly db: PrismaClient,
    private readonly clock: Clock,
  ) {}

  /** Owners see every token of the workspace; others their own. */
  async list(access: WorkspaceAccess, userId: string): Promise<ApiToken[]> {
    const rows = await this.db.apiToken.findMany({
      where: { workspaceId: access.workspaceId, ...(access.role === 'OWNER' ? {} : { createdById: userId }) },
      include: withCreator,
      orderBy: { createdAt: 'desc' },
    });
    return rows.map(toToken);
  }

  /** Creates a token no stronger than the caller's own role. */
  async create(access: WorkspaceAccess, userId: string, body: CreateTokenRequest): Promise<CreatedToken> {
    if (!roleAllows(access.role, body.role)) {
      throw new WeirError('FORBIDDEN', `a ${access.role} cannot create a ${body.role} token`, { details: { issues: [{ path: 'body.role', message: `at most ${access.role}` }] } });
    }
    const expiresAt = body.expiresInDays === undefined ? null : new Date(this.clock.now() + body.expiresInDays * DAY_MS);
    const issued = await issueApiToken(this.db, { workspaceId: access.workspaceId, createdById: userId, name: body.name, role: body.role, expiresAt });
    const row = await this.db.apiToken.findUniqueOrThrow({ where: { id: issued.id }, include: withCreator });
    return { ...toToken(row), token: issued.token };
  }

  /** Revokes a token: its creator or an owner may. Revoking twice is harmless. */
  async revoke(access: WorkspaceAccess, userId: string, tokenId: string): Promise<ApiToken> {
    const row = await this.db.apiToken.findUniqueOrThrow({ where: { id: tokenId }, include: withCreator });
    if (row.createdBy.id !== userId && access.role !== 'OWNER') {
      throw new WeirError('FORBIDDEN', `only its creator or a workspace owner may revoke token '${row.name}'`);
    }
    if (row.revokedAt) return toToken(row);
    return toToken(await this.db.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date(this.clock.now()) }, include: withCreator }));
  }
}
