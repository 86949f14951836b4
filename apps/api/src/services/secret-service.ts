import { secretReferences, WeirError, type EncryptedSecret, type SecretSummary, type SqlDiagnostic } from '@weir/contracts';
import { decryptSecret, encryptSecret, type SecretKeyring } from '@weir/contracts/secret-box';
import type { PrismaClient } from '@weir/db';

type SecretRow = { name: string; keyVersion: number; createdAt: Date; updatedAt: Date; updatedById: string | null };

/** Workspace secrets: stored encrypted, listed by name, handed to workers still encrypted. */
export class SecretService {
  constructor(
    private readonly db: PrismaClient,
    private readonly keyring: SecretKeyring,
  ) {}

  async list(workspaceId: string): Promise<SecretSummary[]> {
    const rows = await this.db.secret.findMany({ where: { workspaceId }, orderBy: { name: 'asc' } });
    return this.summaries(rows);
  }

  /** Creates or replaces a secret's value. */
  async put(workspaceId: string, name: string, value: string, userId: string): Promise<{ summary: SecretSummary; created: boolean }> {
    const sealed = encryptSecret(this.keyring, name, contextOf(workspaceId, name), value);
    const data = { keyVersion: sealed.keyVersion, iv: sealed.iv, tag: sealed.tag, ciphertext: sealed.ciphertext, updatedById: userId };
    const existed = await this.db.secret.findUnique({ where: { workspaceId_name: { workspaceId, name } }, select: { id: true } });
    const row = await this.db.secret.upsert({
      where: { workspaceId_name: { workspaceId, name } },
      create: { workspaceId, name, ...data },
      update: data,
    });
    const [summary] = await this.summaries([row]);
    if (!summary) throw new WeirError('INTERNAL', `secret '${name}' vanished while it was saved`);
    return { summary, created: !existed };
  }

  async remove(workspaceId: string, name: string): Promise<void> {
    const { count } = await this.db.secret.deleteMany({ where: { workspaceId, name } });
    if (count === 0) throw new WeirError('NOT_FOUND', `secret '${name}' not found`, { details: { name } });
  }

  /** Re-encrypts every secret of the workspace under the current key version; returns how many changed. */
  async rotate(workspaceId: string): Promise<number> {
    const stale = await this.db.secret.findMany({ where: { workspaceId, keyVersion: { not: this.keyring.currentVersion } } });
    for (const row of stale) {
      const value = decryptSecret(this.keyring, { ...row, context: contextOf(workspaceId, row.name) });
      const sealed = encryptSecret(this.keyring, row.name, contextOf(workspaceId, row.name), value);
      await this.db.secret.update({ where: { id: row.id }, data: { keyVersion: sealed.keyVersion, iv: sealed.iv, tag: sealed.tag, ciphertext: sealed.ciphertext } });
    }
    return stale.length;
  }

  /** The key version new and rotated secrets are encrypted with. */
  get currentKeyVersion(): number {
    return this.keyring.currentVersion;
  }

  /** Problems of the SQL's `${secret.NAME}` references: each one the workspace does not define, at its position. */
  async missingReferences(workspaceId: string, sql: string): Promise<SqlDiagnostic[]> {
    const references = secretReferences(sql);
    if (references.length === 0) return [];
    const defined = new Set((await this.db.secret.findMany({ where: { workspaceId, name: { in: references.map((r) => r.name) } }, select: { name: true } })).map((s) => s.name));
    return references
      .filter((r) => !defined.has(r.name))
      .map((r) => ({
        severity: 'error' as const,
        code: 'SECRET_UNDEFINED',
        message: `secret '${r.name}' is not defined in this workspace; add it on the Secrets page or with PUT /api/v1/secrets/${r.name}`,
        line: r.line,
        column: r.column,
        endLine: r.line,
        endColumn: r.column + r.length,
      }));
  }

  /** Throws SQL_INVALID, with a diagnostic per reference, when the SQL names a secret the workspace lacks. */
  async assertReferencesDefined(workspaceId: string, sql: string): Promise<void> {
    const missing = await this.missingReferences(workspaceId, sql);
    const first = missing[0];
    if (first) {
      throw new WeirError('SQL_INVALID', `the job's SQL is invalid (line ${first.line}, column ${first.column}: ${first.message})`, { details: { diagnostics: missing } });
    }
  }

  /** The encrypted secrets a SQL text references, for a run's payload. */
  async encryptedFor(workspaceId: string, sql: string): Promise<EncryptedSecret[]> {
    const names = [...new Set(secretReferences(sql).map((r) => r.name))];
    if (names.length === 0) return [];
    const rows = await this.db.secret.findMany({ where: { workspaceId, name: { in: names } } });
    return rows.map((row) => ({ name: row.name, context: contextOf(workspaceId, row.name), keyVersion: row.keyVersion, iv: row.iv, tag: row.tag, ciphertext: row.ciphertext }));
  }

  private async summaries(rows: SecretRow[]): Promise<SecretSummary[]> {
    const ids = [...new Set(rows.map((r) => r.updatedById).filter((id): id is string => id !== null))];
    const users = new Map((await this.db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } })).map((u) => [u.id, u.email]));
    return rows.map((r) => ({
      name: r.name,
      keyVersion: r.keyVersion,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      updatedBy: r.updatedById ? (users.get(r.updatedById) ?? null) : null,
    }));
  }
}

/** The authenticated context of a secret's ciphertext: a copy under another workspace or name fails to decrypt. */
function contextOf(workspaceId: string, name: string): string {
  return `${workspaceId}/${name}`;
}
