import type { PrismaClient } from '@weir/db';

/** Returns the id of the workspace with this slug, creating it on first use. */
export async function ensureWorkspace(db: PrismaClient, slug: string): Promise<string> {
  const workspace = await db.workspace.upsert({
    where: { slug },
    create: { slug, name: slug },
    update: {},
    select: { id: true },
  });
  return workspace.id;
}
