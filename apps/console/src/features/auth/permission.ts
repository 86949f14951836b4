import { roleAllows, type Role } from '@weir/contracts';

/** Whether a member with `role` (undefined: not a member) may use a control needing `needed`, and the reason to show when not. */
export function permission(role: Role | undefined, needed: Role): { allowed: boolean; reason: string | undefined } {
  const allowed = role !== undefined && roleAllows(role, needed);
  return { allowed, reason: allowed ? undefined : `Needs the ${needed.toLowerCase()} role; you are ${role ? role.toLowerCase() : 'not a member'} here` };
}
