import { z } from 'zod';

/** A member's role in a workspace: owner ⊃ editor ⊃ viewer. */
export const Role = z.enum(['OWNER', 'EDITOR', 'VIEWER']);
export type Role = z.infer<typeof Role>;

const ROLE_RANK: Record<Role, number> = { VIEWER: 1, EDITOR: 2, OWNER: 3 };

/** True when `held` grants at least what `needed` does. */
export function roleAllows(held: Role, needed: Role): boolean {
  return ROLE_RANK[held] >= ROLE_RANK[needed];
}

/** The lesser of two roles: a token never grants more than its creator holds. */
export function lesserRole(a: Role, b: Role): Role {
  return ROLE_RANK[a] <= ROLE_RANK[b] ? a : b;
}

/** Names shared by the API, the console and scripts. */
export const AUTH = {
  /** httpOnly session cookie set by login. */
  sessionCookie: 'weir_session',
  /** Readable cookie holding the session's CSRF token; the console echoes it in `csrfHeader`. */
  csrfCookie: 'weir_csrf',
  csrfHeader: 'x-csrf-token',
  /** Picks the workspace of collection routes (`GET /jobs`): a workspace id or slug. */
  workspaceHeader: 'x-weir-workspace',
  sessionTokenPrefix: 'weir_ses_',
  apiTokenPrefix: 'weir_pat_',
  /** Join tokens a worker presents to serve a workspace's exclusive pool. */
  poolJoinTokenPrefix: 'weir_join_',
} as const;

const Email = z.string().trim().toLowerCase().email('must be an e-mail address').max(320);
const Password = z.string().min(8, 'must be at least 8 characters').max(1024);

export const LoginRequest = z.object({ email: Email, password: z.string().min(1).max(1024) });
export type LoginRequest = z.infer<typeof LoginRequest>;

export const UserSummary = z.object({ id: z.string(), email: z.string(), name: z.string() });
export type UserSummary = z.infer<typeof UserSummary>;

/** `token` is the session as a Bearer token, for scripts that signed in with a password. */
export const LoginResponse = z.object({ token: z.string(), expiresAt: z.string(), user: UserSummary });
export type LoginResponse = z.infer<typeof LoginResponse>;

export const ChangePasswordRequest = z.object({ currentPassword: z.string().min(1), newPassword: Password });
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

const Slug = z
  .string()
  .trim()
  .min(2, 'must be at least 2 characters')
  .max(40, 'must be at most 40 characters')
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'may hold lower-case letters, digits and - and must start with a letter or digit');

export const WorkspaceSummary = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  /** The caller's role in it. */
  role: Role,
  /** Worker pool queue of the workspace; null runs on the shared pool. */
  poolQueue: z.string().nullable(),
  createdAt: z.string(),
});
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;
export const WorkspaceList = z.object({ items: z.array(WorkspaceSummary) });
export type WorkspaceList = z.infer<typeof WorkspaceList>;

export const CreateWorkspaceRequest = z.object({ slug: Slug, name: z.string().trim().min(1).max(100) });
export type CreateWorkspaceRequest = z.infer<typeof CreateWorkspaceRequest>;

/** Who the caller is, how it proved it, and the workspace its collection requests act in. */
export const Me = z.object({
  user: UserSummary,
  authenticatedBy: z.enum(['session', 'token']),
  workspace: WorkspaceSummary.nullable(),
  workspaces: z.array(WorkspaceSummary),
  /** The session's CSRF token (null for API tokens, which need none). */
  csrfToken: z.string().nullable(),
});
export type Me = z.infer<typeof Me>;

export const Member = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  createdAt: z.string(),
});
export type Member = z.infer<typeof Member>;
export const MemberList = z.object({ items: z.array(Member) });
export type MemberList = z.infer<typeof MemberList>;

/** Adds a member; an e-mail without an account creates one with `password`, or a generated one. */
export const AddMemberRequest = z.object({
  email: Email,
  role: Role,
  name: z.string().trim().min(1).max(100).optional(),
  password: Password.optional(),
});
export type AddMemberRequest = z.infer<typeof AddMemberRequest>;

/** `initialPassword` is present, once, when the request created the account with a generated password. */
export const AddMemberResponse = Member.extend({ initialPassword: z.string().optional() });
export type AddMemberResponse = z.infer<typeof AddMemberResponse>;

export const UpdateMemberRequest = z.object({ role: Role });
export type UpdateMemberRequest = z.infer<typeof UpdateMemberRequest>;

export const MemberParams = z.object({ id: z.string(), userId: z.string() });
export type MemberParams = z.infer<typeof MemberParams>;

export const ApiToken = z.object({
  id: z.string(),
  name: z.string(),
  workspaceId: z.string(),
  role: Role,
  /** The first characters of the secret, to recognise it; never the secret itself. */
  prefix: z.string(),
  createdBy: UserSummary,
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;
export const ApiTokenList = z.object({ items: z.array(ApiToken) });
export type ApiTokenList = z.infer<typeof ApiTokenList>;

export const CreateTokenRequest = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(100),
  role: Role.default('EDITOR'),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type CreateTokenRequest = z.infer<typeof CreateTokenRequest>;

/** The created token with its secret, shown this once. */
export const CreatedToken = ApiToken.extend({ token: z.string() });
export type CreatedToken = z.infer<typeof CreatedToken>;

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  actor: z.object({ userId: z.string().nullable(), email: z.string().nullable(), tokenId: z.string().nullable() }),
  workspaceId: z.string().nullable(),
  targetType: z.string(),
  targetId: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  details: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  /** An action, or a prefix ending in `.` (`job.` is every job action). */
  action: z.string().optional(),
  /** The actor's e-mail. */
  actor: z.string().optional(),
  targetType: z.string().optional(),
  targetId: z.string().optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  /** Entries older than this id: the page after one that ended with `nextBefore`. */
  before: z.string().regex(/^\d+$/, 'must be an entry id').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditList = z.object({ items: z.array(AuditEntry), nextBefore: z.string().nullable() });
export type AuditList = z.infer<typeof AuditList>;
