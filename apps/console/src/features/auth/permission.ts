import { roleAllows, type Role } from '@weir/contracts';
import { t } from '../i18n/t';

/** Whether a member with `role` (undefined: not a member) may use a control needing `needed`, and the reason to show when not. */
export function permission(role: Role | undefined, needed: Role): { allowed: boolean; reason: string | undefined } {
  const allowed = role !== undefined && roleAllows(role, needed);
  if (allowed) return { allowed, reason: undefined };
  const neededName = t(`common.roles.${needed}`);
  return { allowed, reason: role ? t('common.permission.needs', { needed: neededName, role: t(`common.roles.${role}`) }) : t('common.permission.notMember', { needed: neededName }) };
}
