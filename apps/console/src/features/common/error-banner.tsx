'use client';

import { ApiRequestError } from '../api/api-request-error';
import { useT } from '../i18n/i18n-provider';

/** Shows any failure; for API errors also the code and each rejected field by its path. */
export function ErrorBanner({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  const t = useT();
  if (!error) return null;
  const apiError = error instanceof ApiRequestError ? error : null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" data-testid="error-banner" className="flex items-start gap-3 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
      <div className="min-w-0 flex-1">
        <p className="font-medium">
          {apiError && <span className="mr-2 rounded bg-red-200 px-1.5 py-0.5 font-mono text-xs">{apiError.code}</span>}
          {message}
        </p>
        {apiError && apiError.fieldIssues.length > 0 && (
          <ul className="mt-1 list-inside list-disc">
            {apiError.fieldIssues.map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>
                <span className="font-mono">{issue.path || t('common.body')}</span>: {issue.message}
              </li>
            ))}
          </ul>
        )}
        {apiError && apiError.diagnostics.length > 0 && (
          <ul className="mt-1 font-mono text-xs">
            {apiError.diagnostics.map((d) => (
              <li key={`${d.line}:${d.column}:${d.message}`}>
                {d.line}:{d.column} {d.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      {onDismiss && (
        <button type="button" onClick={onDismiss} className="text-red-700 hover:text-red-950" aria-label={t('common.dismiss')}>
          ×
        </button>
      )}
    </div>
  );
}
