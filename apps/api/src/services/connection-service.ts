import { connectionSecretName, WeirError, type Connection, type ConnectionObjects, type ConnectionTestResult, type ConnectionType, type CreateConnectionRequest, type EncryptedSecret, type PreviewRequest, type PreviewResponse, type SampleRequest, type SampleResponse, type UpdateConnectionRequest } from '@weir/contracts';
import { decryptSecret, encryptSecret, type SecretKeyring } from '@weir/contracts/secret-box';
import { allConnectors, browseConnection, connectionOptionProblems, connectionSpec, isSecretOption, sampleConnection, sampleMessages, testConnection } from '@weir/connectors';
import { checkTableDefinition, previewTableRows } from '@weir/engine';
import { Prisma, type Connection as ConnectionRow, type PrismaClient } from '@weir/db';

const connectors = allConnectors();

type Sealed = Omit<EncryptedSecret, 'name' | 'context'>;
type SealedOptions = Record<string, Sealed>;

/** Connections of a workspace: named external systems whose secret options are kept encrypted and never returned. */
export class ConnectionService {
  constructor(
    private readonly db: PrismaClient,
    private readonly keyring: SecretKeyring,
  ) {}

  async list(workspaceId: string): Promise<Connection[]> {
    const rows = await this.db.connection.findMany({ where: { workspaceId }, orderBy: { name: 'asc' } });
    return rows.map(view);
  }

  async get(workspaceId: string, id: string): Promise<Connection> {
    return view(await this.row(workspaceId, id));
  }

  /** The stored row; NOT_FOUND when another workspace owns it or it does not exist. */
  async row(workspaceId: string, id: string): Promise<ConnectionRow> {
    const row = await this.db.connection.findFirst({ where: { id, workspaceId } });
    if (!row) throw new WeirError('NOT_FOUND', `connection '${id}' not found`, { details: { id } });
    return row;
  }

  async create(workspaceId: string, body: CreateConnectionRequest): Promise<Connection> {
    assertOptions(body.type, body.options, []);
    await this.assertNameFree(workspaceId, body.name);
    const id = crypto.randomUUID();
    const { plain, secret } = this.split(workspaceId, id, body.type, body.options, {});
    const row = await this.db.connection.create({ data: { id, workspaceId, name: body.name, type: body.type, description: body.description, options: plain, secretOptions: secret } });
    return view(row);
  }

  /** Replaces name, options and description; secret options not sent keep their stored values. */
  async update(workspaceId: string, id: string, body: UpdateConnectionRequest): Promise<Connection> {
    const existing = await this.row(workspaceId, id);
    const type = existing.type as ConnectionType;
    const stored = sealedOf(existing);
    for (const key of body.clearSecrets) delete stored[key];
    assertOptions(type, body.options, Object.keys(stored));
    if (body.name !== existing.name) await this.assertNameFree(workspaceId, body.name);
    const { plain, secret } = this.split(workspaceId, id, type, body.options, stored);
    // The last test was of the old options.
    const row = await this.db.connection.update({ where: { id }, data: { name: body.name, description: body.description, options: plain, secretOptions: secret, lastTest: Prisma.JsonNull } });
    return view(row);
  }

  /** Deletes a connection no catalog table uses. */
  async remove(workspaceId: string, id: string): Promise<void> {
    const row = await this.row(workspaceId, id);
    const tables = await this.db.catalogTable.findMany({ where: { connectionId: id }, select: { name: true } });
    if (tables.length > 0) {
      throw new WeirError('CONFLICT', `connection '${row.name}' is used by catalog table${tables.length === 1 ? '' : 's'} ${tables.map((t) => `'${t.name}'`).join(', ')}; delete or move them first`, { details: { tables: tables.map((t) => t.name) } });
    }
    await this.db.connection.delete({ where: { id } });
  }

  /** Connects with the stored options and records the outcome as the connection's last test. */
  async test(workspaceId: string, id: string): Promise<ConnectionTestResult> {
    const row = await this.row(workspaceId, id);
    const result = await testConnection(row.type as ConnectionType, this.decrypted(row));
    await this.db.connection.update({ where: { id }, data: { lastTest: result } });
    return result;
  }

  async objects(workspaceId: string, id: string): Promise<ConnectionObjects> {
    const row = await this.row(workspaceId, id);
    return browseConnection(row.type as ConnectionType, this.decrypted(row));
  }

  async sample(workspaceId: string, id: string, request: SampleRequest, connector?: string): Promise<SampleResponse> {
    const row = await this.row(workspaceId, id);
    return sampleConnection(row.type as ConnectionType, this.decrypted(row), request, connector);
  }

  /** Samples an object again and reads each message with a DDL (the connection's options merged), as the table would. */
  async preview(workspaceId: string, id: string, request: PreviewRequest): Promise<PreviewResponse> {
    const row = await this.row(workspaceId, id);
    const messages = await sampleMessages(row.type as ConnectionType, this.decrypted(row), request);
    const { connector } = checkTableDefinition(request.ddl, { connectors, roles: [] });
    const preview = previewTableRows(request.ddl, messages, { connectors, options: connector ? this.tableOptions(row, connector) : {} });
    return { columns: preview.columns, rows: preview.rows, diagnostics: preview.diagnostics.map((d) => ({ ...d })) };
  }

  /**
   * The options every table on the connection gets for `connector`, each secret as a
   * `${secret.connection.<id>.<key>}` reference that only a worker resolves.
   */
  tableOptions(row: ConnectionRow, connector: string): Record<string, string> {
    const referenced = Object.fromEntries(Object.keys(sealedOf(row)).map((key) => [key, `\${secret.${connectionSecretName(row.id, key)}}`]));
    return connectionSpec(row.type as ConnectionType).tableOptions(connector, { ...plainOf(row), ...referenced });
  }

  /** The still-encrypted secrets behind the `${secret.connection.…}` references of some option values. */
  async encryptedFor(workspaceId: string, values: readonly string[]): Promise<EncryptedSecret[]> {
    const wanted = new Map<string, Set<string>>();
    for (const value of values) {
      for (const match of value.matchAll(/\$\{secret\.connection\.([0-9a-f-]{36})\.([^}]+)\}/g)) {
        const keys = wanted.get(match[1]) ?? new Set<string>();
        keys.add(match[2]);
        wanted.set(match[1], keys);
      }
    }
    if (wanted.size === 0) return [];
    const rows = await this.db.connection.findMany({ where: { workspaceId, id: { in: [...wanted.keys()] } } });
    return rows.flatMap((row) => {
      const sealed = sealedOf(row);
      return [...(wanted.get(row.id) ?? [])].filter((key) => sealed[key]).map((key) => ({ name: connectionSecretName(row.id, key), context: contextOf(workspaceId, row.id, key), ...sealed[key] }));
    });
  }

  /** Re-encrypts every connection secret of the workspace under the current key version; returns how many changed. */
  async rotate(workspaceId: string): Promise<number> {
    let changed = 0;
    for (const row of await this.db.connection.findMany({ where: { workspaceId } })) {
      const sealed = sealedOf(row);
      const stale = Object.keys(sealed).filter((key) => sealed[key].keyVersion !== this.keyring.currentVersion);
      if (stale.length === 0) continue;
      for (const key of stale) sealed[key] = this.seal(workspaceId, row.id, key, decryptSecret(this.keyring, { name: key, context: contextOf(workspaceId, row.id, key), ...sealed[key] }));
      await this.db.connection.update({ where: { id: row.id }, data: { secretOptions: sealed } });
      changed += stale.length;
    }
    return changed;
  }

  /** Every option with its secrets decrypted, for this process's own test, browse and sample calls only. */
  private decrypted(row: ConnectionRow): Record<string, string> {
    const sealed = sealedOf(row);
    const secrets = Object.fromEntries(Object.entries(sealed).map(([key, s]) => [key, decryptSecret(this.keyring, { name: key, context: contextOf(row.workspaceId, row.id, key), ...s })]));
    return { ...plainOf(row), ...secrets };
  }

  private split(workspaceId: string, id: string, type: ConnectionType, options: Record<string, string>, stored: SealedOptions): { plain: Record<string, string>; secret: SealedOptions } {
    const spec = connectionSpec(type);
    const plain: Record<string, string> = {};
    const secret: SealedOptions = { ...stored };
    for (const [key, value] of Object.entries(options)) {
      if (isSecretOption(spec, key)) secret[key] = this.seal(workspaceId, id, key, value);
      else plain[key] = value;
    }
    return { plain, secret };
  }

  private seal(workspaceId: string, id: string, key: string, value: string): Sealed {
    const { keyVersion, iv, tag, ciphertext } = encryptSecret(this.keyring, key, contextOf(workspaceId, id, key), value);
    return { keyVersion, iv, tag, ciphertext };
  }

  private async assertNameFree(workspaceId: string, name: string): Promise<void> {
    const taken = await this.db.connection.findUnique({ where: { workspaceId_name: { workspaceId, name } }, select: { id: true } });
    if (taken) throw new WeirError('CONFLICT', `a connection named '${name}' already exists`, { details: { issues: [{ path: 'name', message: 'already exists' }] } });
  }
}

/** What a secret option's ciphertext is authenticated with: a copy under another connection or key fails to decrypt. */
function contextOf(workspaceId: string, connectionId: string, key: string): string {
  return `${workspaceId}/connection/${connectionId}/${key}`;
}

function assertOptions(type: ConnectionType, options: Record<string, string>, storedSecrets: string[]): void {
  const problems = connectionOptionProblems(connectionSpec(type), options, storedSecrets);
  if (problems.length === 0) return;
  throw new WeirError('VALIDATION_FAILED', `invalid options for a ${type} connection: ${problems.map((p) => p.message).join('; ')}`, {
    details: { issues: problems.map((p) => ({ path: `options.${p.key}`, message: p.message })) },
  });
}

function plainOf(row: ConnectionRow): Record<string, string> {
  return row.options as Record<string, string>;
}

function sealedOf(row: ConnectionRow): SealedOptions {
  return { ...(row.secretOptions as SealedOptions) };
}

function view(row: ConnectionRow): Connection {
  return {
    id: row.id,
    name: row.name,
    type: row.type as ConnectionType,
    description: row.description,
    options: plainOf(row),
    secrets: Object.keys(sealedOf(row)).sort(),
    lastTest: (row.lastTest as ConnectionTestResult | null) ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
