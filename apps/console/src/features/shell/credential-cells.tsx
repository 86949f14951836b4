'use client';

import { formatRelativeTime, formatTimestamp } from '../common/format';
import { useT } from '../i18n/i18n-provider';
import { Button } from './button';

/** When a credential (API token, join token) was last used, relative, with the exact time on hover. */
export function LastUsedCell({ at, by }: { at: string | null; by?: string | null }) {
  const t = useT();
  return (
    <td className="px-4 py-2" title={at ? formatTimestamp(at) : undefined}>
      {at ? `${formatRelativeTime(at)}${by ? ` · ${by}` : ''}` : t('common.never')}
    </td>
  );
}

/** A credential's revoke button after a confirmation, or when it was revoked. */
export function RevokeCell({ revokedAt, disabled, confirmation, onRevoke }: { revokedAt: string | null; disabled: boolean; confirmation: string; onRevoke: () => void }) {
  const t = useT();
  return (
    <td className="px-4 py-2 text-right">
      {revokedAt ? (
        <span title={formatTimestamp(revokedAt)}>{t('common.revoked')}</span>
      ) : (
        <Button variant="danger" disabled={disabled} onClick={() => window.confirm(confirmation) && onRevoke()}>
          {t('common.revoke')}
        </Button>
      )}
    </td>
  );
}
