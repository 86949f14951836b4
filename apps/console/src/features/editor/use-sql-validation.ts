'use client';

import type { SqlDiagnostic, UserFunctionSource } from '@weir/contracts';
import { useEffect, useState } from 'react';
import { apiClient } from '../api/api-client';

export const VALIDATE_DEBOUNCE_MS = 500;

export type SqlValidation = {
  diagnostics: SqlDiagnostic[];
  /** checking: the text changed since the last answer; failed: the API could not validate. */
  state: 'checking' | 'ok' | 'problems' | 'failed';
  error: unknown;
};

type Checked = { input: string; diagnostics: SqlDiagnostic[]; error: unknown };

/**
 * Validates the editor's text and the job's user functions with the API once typing pauses. Against the saved job when
 * there is one (its catalog context applies), otherwise with the job-less endpoint. Only the
 * answer for the current text counts: an older, slower answer is aborted and never shown.
 */
export function useSqlValidation(jobId: string | null, sql: string, functions: UserFunctionSource[]): SqlValidation {
  const [checked, setChecked] = useState<Checked | null>(null);
  // One string for the effect: a new but equal functions array must not validate again.
  const input = JSON.stringify({ sql, functions });

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const current = JSON.parse(input) as { sql: string; functions: UserFunctionSource[] };
      if (current.sql.trim() === '') {
        setChecked({ input, diagnostics: [], error: null });
        return;
      }
      apiClient.validateSql(jobId, current.sql, current.functions, controller.signal).then(
        (response) => setChecked({ input, diagnostics: response.diagnostics, error: null }),
        (error: unknown) => {
          if (!controller.signal.aborted) setChecked({ input, diagnostics: [], error });
        },
      );
    }, VALIDATE_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [jobId, input]);

  // Markers of the previous text stay visible while the new text is being checked: they are
  // usually still right, and blinking them off on every keystroke is distracting.
  const diagnostics = checked?.diagnostics ?? [];
  if (!checked || checked.input !== input) return { diagnostics, state: 'checking', error: null };
  if (checked.error) return { diagnostics, state: 'failed', error: checked.error };
  return { diagnostics, state: diagnostics.length > 0 ? 'problems' : 'ok', error: null };
}
