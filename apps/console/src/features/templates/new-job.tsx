'use client';

import { findJobTemplate } from '@weir/contracts';
import { usePathname, useSearchParams } from 'next/navigation';
import { useRef } from 'react';
import { JobEditor } from '../editor/job-editor';
import { BLANK_TEMPLATE_ID } from './blank-template';
import { TemplateGallery } from './template-gallery';

/** `/jobs/new`: the template gallery, then (with `?template=<id>`) the editor filled from the chosen one. */
export function NewJob() {
  const asked = useSearchParams().get('template');
  const pathname = usePathname();
  // Saving swaps the URL to /jobs/<id>/edit in place, which drops the query: the editor must stay.
  const chosen = useRef<string | null>(null);
  if (asked !== null) chosen.current = asked;
  const templateId = asked ?? (pathname === '/jobs/new' ? null : chosen.current);
  if (templateId === null) return <TemplateGallery />;
  if (templateId === BLANK_TEMPLATE_ID) return <JobEditor key={templateId} jobId={null} />;
  const template = findJobTemplate(templateId);
  if (!template) return <TemplateGallery unknownId={templateId} />;
  return <JobEditor key={template.id} jobId={null} draft={{ name: template.jobName, sql: template.sql }} />;
}
