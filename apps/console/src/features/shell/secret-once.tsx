'use client';

import { useState } from 'react';
import { useT } from '../i18n/i18n-provider';
import { Button } from './button';

/** A secret shown this one time (a new token, a generated password), with a copy button. */
export function SecretOnce({ label, secret, onDone }: { label: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const t = useT();
  return (
    <div role="status" data-testid="secret-once" className="flex flex-col gap-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <p className="font-medium">{t('common.secretOnce', { label })}</p>
      <div className="flex items-center gap-2">
        <code data-testid="secret-value" className="min-w-0 flex-1 truncate rounded bg-white px-2 py-1 font-mono text-xs ring-1 ring-amber-300">
          {secret}
        </code>
        <Button onClick={() => void navigator.clipboard.writeText(secret).then(() => setCopied(true))}>{copied ? t('common.copied') : t('common.copy')}</Button>
        <Button onClick={onDone}>{t('common.done')}</Button>
      </div>
    </div>
  );
}
