import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATABASE_URL } from './default-database-url';
import { prismaPaths } from './prisma-paths';
import { checkSchemaDrift } from './schema-drift';

const serverUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;

describe('checkSchemaDrift', () => {
  let tempDir: string | undefined;
  afterAll(() => (tempDir ? rm(tempDir, { recursive: true, force: true }) : undefined));

  it('passes on the committed schema and migrations', async () => {
    expect(await checkSchemaDrift(serverUrl)).toEqual({ inSync: true, summary: '' });
  });

  it('fails when schema.prisma changed without a migration, saying what changed', async () => {
    tempDir = await mkdtemp(join(tmpdir(), 'weir-drift-'));
    const schemaPath = join(tempDir, 'schema.prisma');
    const schema = await readFile(prismaPaths.schema, 'utf8');
    await writeFile(schemaPath, schema.replace(/^model Workspace \{$/m, 'model Workspace {\n  driftProbe String?'));

    const drift = await checkSchemaDrift(serverUrl, { schemaPath });

    expect(drift.inSync).toBe(false);
    expect(drift.summary).toMatch(/Workspace[\s\S]*driftProbe/);
  });
});
