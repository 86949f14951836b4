import { CreateJobRequest, JOB_TEMPLATES, findJobTemplate } from '@weir/contracts';
import { describe, expect, it } from 'vitest';
import { diagnose } from './sql-validation';

describe('job templates', () => {
  it.each(JOB_TEMPLATES.map((t) => [t.id, t] as const))('%s validates with no diagnostics in a fresh workspace, and makes a valid create request', (_id, template) => {
    expect(diagnose(template.sql)).toEqual([]);
    expect(CreateJobRequest.safeParse({ name: template.jobName, sql: template.sql }).success).toBe(true);
  });

  it('have unique URL-safe ids that findJobTemplate resolves', () => {
    const ids = JOB_TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(findJobTemplate(id)?.id).toBe(id);
    expect(ids.every((id) => /^[a-z0-9-]+$/.test(id))).toBe(true);
    expect(findJobTemplate('no-such-template')).toBeUndefined();
  });
});
