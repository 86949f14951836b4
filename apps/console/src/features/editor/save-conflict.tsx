import type { StaleSaveDetails } from '@weir/contracts';
import { useT } from '../i18n/i18n-provider';
import { Button } from '../shell/button';

/** A save refused because someone saved a newer version: the API's word on who and when, and the two ways on. */
export function SaveConflict({ message, conflict, busy, onReload, onOverwrite }: {
  message: string;
  conflict: StaleSaveDetails;
  busy: boolean;
  onReload: () => void;
  onOverwrite: () => void;
}) {
  const t = useT();
  return (
    <div role="alert" data-testid="save-conflict" className="flex flex-wrap items-center gap-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <p className="min-w-0 flex-1">
        <span className="mr-2 rounded bg-amber-200 px-1.5 py-0.5 font-mono text-xs">CONFLICT</span>
        <span data-testid="save-conflict-message">{message}</span>
      </p>
      <Button data-testid="conflict-reload" onClick={onReload} disabled={busy} title={t('editor.conflict.reloadTitle')}>
        {t('editor.conflict.reload', { version: conflict.latestVersion })}
      </Button>
      <Button data-testid="conflict-overwrite" variant="danger" onClick={onOverwrite} disabled={busy} title={t('editor.conflict.overwriteTitle', { version: conflict.latestVersion })}>
        {t('editor.conflict.overwrite')}
      </Button>
    </div>
  );
}
