import { JobDetail } from '@/features/jobs/job-detail';

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <JobDetail key={id} jobId={id} />;
}
