import { z } from 'zod';
import { UserSummary } from './auth';
import { DEFAULT_POOL_QUEUE } from './queue';

/** The queue of a workspace's exclusive pool; every other workspace's runs go to DEFAULT_POOL_QUEUE. */
export function exclusivePoolQueue(workspaceId: string): string {
  return `weir-pool-ws-${workspaceId}`;
}

/** The queue a workspace's runs go to, from its stored pool queue (null: the shared pool). */
export function poolQueueOf(poolQueue: string | null | undefined): string {
  return poolQueue ?? DEFAULT_POOL_QUEUE;
}

export const PoolMode = z.enum(['shared', 'exclusive']);
export type PoolMode = z.infer<typeof PoolMode>;

/** Where a workspace's deployments run: the shared pool, or its own workers (StreamCompute's 独享集群). */
export const WorkspacePool = z.object({
  workspaceId: z.string(),
  mode: PoolMode,
  /** The BullMQ queue its runs are put on. */
  queue: z.string(),
});
export type WorkspacePool = z.infer<typeof WorkspacePool>;

export const UpdatePoolRequest = z.object({ mode: PoolMode });
export type UpdatePoolRequest = z.infer<typeof UpdatePoolRequest>;

/** A token a worker presents to join a workspace's exclusive pool; the secret is shown once. */
export const PoolJoinToken = z.object({
  id: z.string(),
  name: z.string(),
  /** The first characters of the secret, to recognise it; never the secret itself. */
  prefix: z.string(),
  createdBy: UserSummary,
  createdAt: z.string(),
  /** When a worker last joined with it. */
  lastUsedAt: z.string().nullable(),
  lastWorkerId: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type PoolJoinToken = z.infer<typeof PoolJoinToken>;
export const PoolJoinTokenList = z.object({ items: z.array(PoolJoinToken) });
export type PoolJoinTokenList = z.infer<typeof PoolJoinTokenList>;

export const CreatePoolJoinTokenRequest = z.object({ name: z.string().trim().min(1, 'must not be empty').max(100) });
export type CreatePoolJoinTokenRequest = z.infer<typeof CreatePoolJoinTokenRequest>;

export const CreatedPoolJoinToken = PoolJoinToken.extend({ token: z.string() });
export type CreatedPoolJoinToken = z.infer<typeof CreatedPoolJoinToken>;

export const TokenParams = z.object({ id: z.string().min(1), tokenId: z.string().min(1) });

/** What a worker sends to join (and, periodically, to confirm it may still serve) a pool. */
export const JoinPoolRequest = z.object({
  joinToken: z.string().min(1),
  workerId: z.string().trim().min(1).max(200),
});
export type JoinPoolRequest = z.infer<typeof JoinPoolRequest>;

export const JoinPoolResponse = z.object({ workspaceId: z.string(), workspaceSlug: z.string(), queue: z.string() });
export type JoinPoolResponse = z.infer<typeof JoinPoolResponse>;
