'use client';

import { useCallback, useState } from 'react';
import { useT } from '../i18n/i18n-provider';
import { Button } from '../shell/button';
import { ExplainPanel, type ExplainSubject } from './explain-panel';

/** The editor's Explain button: opens the plan of the SQL as it is now, saved or not. */
export function ExplainButton(props: ExplainSubject & { disabled?: boolean }) {
  const [subject, setSubject] = useState<ExplainSubject | null>(null);
  const close = useCallback(() => setSubject(null), []);
  const t = useT();
  return (
    <>
      <Button data-testid="explain-button" disabled={props.disabled} onClick={() => setSubject({ sql: props.sql, jobId: props.jobId, functions: props.functions })}>
        {t('explain.button')}
      </Button>
      {subject && <ExplainPanel subject={subject} onClose={close} />}
    </>
  );
}
