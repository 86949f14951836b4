import { WeirError } from '@weir/contracts';
import type { Deployment, JobList } from '@weir/contracts';
import { DEMO } from '@weir/db';

/** Deploys the seeded demo job through the API unless it already has an active deployment. */
export async function deployDemoJob(apiUrl: string): Promise<Deployment | undefined> {
  const jobs = (await (await fetch(`${apiUrl}/api/v1/jobs`)).json()) as JobList;
  const demo = jobs.items.find((j) => j.name === DEMO.jobName);
  if (!demo) return undefined;
  const active = demo.deployment && ['PENDING', 'STARTING', 'RUNNING'].includes(demo.deployment.status);
  if (active) return undefined;
  const res = await fetch(`${apiUrl}/api/v1/jobs/${demo.id}/deploy`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  if (!res.ok) throw new WeirError('UNAVAILABLE', `deploying the demo job failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as Deployment;
}
