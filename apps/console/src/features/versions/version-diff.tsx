'use client';

import type { JobVersion } from '@weir/contracts';
import dynamic from 'next/dynamic';
import { apiClient } from '../api/api-client';
import { useApiResource } from '../api/use-api-resource';
import { ErrorBanner } from '../common/error-banner';
import { formatRelativeTime, formatTimestamp } from '../common/format';
import type { VersionPair } from './version-selection';
import { useT } from '../i18n/i18n-provider';
import { EditorLoading } from '../shell/editor-loading';

// Monaco touches `window` as it loads, so the diff editor is client-only, like the SQL editor.
const VersionDiffEditor = dynamic(() => import('./version-diff-editor').then((m) => m.VersionDiffEditor), {
  ssr: false,
  loading: () => <EditorLoading />,
});

/** Two versions of a job side by side: the older on the left, with the API's count of changed lines. */
export function VersionDiff({ jobId, pair }: { jobId: string; pair: VersionPair }) {
  // Versions are immutable, so a pair's diff never needs reloading.
  const diff = useApiResource(`version-diff:${jobId}:${pair.a}:${pair.b}`, (signal) => apiClient.diffJobVersions(jobId, pair.a, pair.b, signal));
  const t = useT();
  const data = diff.data && diff.data.a.version === pair.a && diff.data.b.version === pair.b ? diff.data : null;
  return (
    <section className="overflow-hidden rounded border border-zinc-200 bg-white" data-testid="version-diff" data-pair={`${pair.a}:${pair.b}`}>
      <header className="flex items-baseline gap-3 border-b border-zinc-100 px-4 py-2">
        <h3 className="text-sm font-semibold text-zinc-800">
          <span className="font-mono">v{pair.a}</span> → <span className="font-mono">v{pair.b}</span>
        </h3>
        {data && (
          <span className="text-xs text-zinc-500" data-testid="version-diff-counts">
            {t.rich('versions.diff.lines', { added: <span className="font-mono text-emerald-700">+{data.added}</span>, removed: <span className="font-mono text-red-700">−{data.removed}</span> })}
            {data.added + data.removed === 0 && t('versions.diff.same')}
          </span>
        )}
        {data?.functionsChanged && (
          <span className="rounded bg-amber-50 px-1.5 py-0.5 text-[11px] font-semibold text-amber-800 ring-1 ring-inset ring-amber-200" data-testid="version-diff-functions">
            {t('versions.diff.functionsDiffer')}
          </span>
        )}
      </header>
      <ErrorBanner error={diff.error} />
      {data ? (
        <>
          <div className="grid grid-cols-2 border-b border-zinc-100 bg-zinc-50 text-xs text-zinc-600">
            <SideCaption version={data.a} />
            <SideCaption version={data.b} />
          </div>
          <VersionDiffEditor original={data.a.sql} modified={data.b.sql} />
        </>
      ) : (
        !diff.error && <p className="px-4 py-6 text-center text-sm text-zinc-400">{t('common.loading')}</p>
      )}
    </section>
  );
}

function SideCaption({ version }: { version: JobVersion }) {
  const t = useT();
  return (
    <p className="truncate px-4 py-1.5">
      <span className="font-mono font-semibold text-zinc-800">v{version.version}</span>
      {version.message && <span className="text-zinc-800"> · {version.message}</span>}
      <span>
        {' '}
        · {version.createdBy ?? t('versions.system')} ·{' '}
        <span title={formatTimestamp(version.createdAt)}>{formatRelativeTime(version.createdAt)}</span>
      </span>
    </p>
  );
}
