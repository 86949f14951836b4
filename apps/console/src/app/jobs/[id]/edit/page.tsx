import { JobEditor } from '@/features/editor/job-editor';

export default async function EditJobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <JobEditor key={id} jobId={id} />;
}
