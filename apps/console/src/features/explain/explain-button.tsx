'use client';

import { useCallback, useState } from 'react';
import { Button } from '../shell/button';
import { ExplainPanel, type ExplainSubject } from './explain-panel';

/** The editor's Explain button: opens the plan of the SQL as it is now, saved or not. */
export function ExplainButton(props: ExplainSubject & { disabled?: boolean }) {
  const [subject, setSubject] = useState<ExplainSubject | null>(null);
  const close = useCallback(() => setSubject(null), []);
  return (
    <>
      <Button data-testid="explain-button" disabled={props.disabled} onClick={() => setSubject({ sql: props.sql, jobId: props.jobId, functions: props.functions })}>
        Explain
      </Button>
      {subject && <ExplainPanel subject={subject} onClose={close} />}
    </>
  );
}
