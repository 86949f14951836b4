import { WeirError, type RestoreChoice, type SnapshotRef } from '@weir/contracts';
import type { PrismaClient } from '@weir/db';

const newestFirst = [{ completedAt: 'desc' as const }, { checkpointId: 'desc' as const }];

function notFound(path: string, message: string): WeirError {
  return new WeirError('NOT_FOUND', message, { details: { issues: [{ path, message }] } });
}

/**
 * The snapshot a new deployment of `jobId` starts from, per the deploy's restore choice:
 * nothing; the newest completed checkpoint or savepoint of the job's earlier deployments (nothing
 * when there is none yet, as for a first deploy); the newest savepoint (NOT_FOUND when there is
 * none); or the savepoint chosen by id, which may come from any job of the workspace, since the
 * engine's state compatibility check decides whether it fits.
 */
export async function resolveRestore(db: PrismaClient, workspaceId: string, jobId: string, choice: RestoreChoice): Promise<SnapshotRef | undefined> {
  const completed = { status: 'COMPLETED' as const, location: { not: null } };
  const select = { location: true, checkpointId: true } as const;
  let row: { location: string | null; checkpointId: number } | null;
  switch (choice.kind) {
    case 'NONE':
      return undefined;
    case 'LATEST_STATE':
      row = await db.checkpoint.findFirst({ where: { ...completed, deployment: { jobId } }, orderBy: newestFirst, select });
      break;
    case 'LATEST_SAVEPOINT':
      row = await db.checkpoint.findFirst({ where: { ...completed, kind: 'SAVEPOINT', deployment: { jobId } }, orderBy: newestFirst, select });
      if (!row) throw notFound('config.restore.kind', 'the job has no completed savepoint to restore');
      break;
    case 'SAVEPOINT':
      row = await db.checkpoint.findFirst({
        where: { ...completed, id: choice.savepointId, kind: 'SAVEPOINT', deployment: { job: { workspaceId } } },
        select,
      });
      if (!row) throw notFound('config.restore.savepointId', `no completed savepoint '${choice.savepointId}'`);
      break;
  }
  return row?.location ? { location: row.location, checkpointId: row.checkpointId } : undefined;
}
