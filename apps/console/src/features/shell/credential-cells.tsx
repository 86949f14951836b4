'use client';

import { formatRelativeTime, formatTimestamp } from '../common/format';
import { Button } from './button';

/** When a credential (API token, join token) was last used, relative, with the exact time on hover. */
export function LastUsedCell({ at, by }: { at: string | null; by?: string | null }) {
  return (
    <td className="px-4 py-2" title={at ? formatTimestamp(at) : undefined}>
      {at ? `${formatRelativeTime(at)}${by ? ` · ${by}` : ''}` : 'never'}
    </td>
  );
}

/** A credential's revoke button after a confirmation, or when it was revoked. */
export function RevokeCell({ revokedAt, disabled, confirmation, onRevoke }: { revokedAt: string | null; disabled: boolean; confirmation: string; onRevoke: () => void }) {
  return (
    <td className="px-4 py-2 text-right">
      {revokedAt ? (
        <span title={formatTimestamp(revokedAt)}>revoked</span>
      ) : (
        <Button variant="danger" disabled={disabled} onClick={() => window.confirm(confirmation) && onRevoke()}>
          Revoke
        </Button>
      )}
    </td>
  );
}
