'use client';

import { findJobTemplate } from '@weir/contracts';
import { useSearchParams } from 'next/navigation';
import { JobEditor } from '../editor/job-editor';
import { BLANK_TEMPLATE_ID } from './blank-template';
import { TemplateGallery } from './template-gallery';

/** `/jobs/new`: the template gallery, then (with `?template=<id>`) the editor filled from the chosen one. */
export function NewJob() {
  const templateId = useSearchParams().get('template');
  if (templateId === null) return <TemplateGallery />;
  if (templateId === BLANK_TEMPLATE_ID) return <JobEditor key={templateId} jobId={null} />;
  const template = findJobTemplate(templateId);
  if (!template) return <TemplateGallery unknownId={templateId} />;
  return <JobEditor key={template.id} jobId={null} draft={{ name: template.jobName, sql: template.sql }} />;
}
