'use client';

import { useT } from '../i18n/i18n-provider';

/** What stands in for Monaco while its chunk loads. */
export function EditorLoading() {
  const t = useT();
  return <div className="flex h-full items-center justify-center text-sm text-zinc-400">{t('common.loadingEditor')}</div>;
}
