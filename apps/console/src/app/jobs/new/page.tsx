import { JobEditor } from '@/features/editor/job-editor';

export default function NewJobPage() {
  return <JobEditor jobId={null} />;
}
