import { JobList } from '@/features/jobs/job-list';

export default function JobsPage() {
  return <JobList />;
}
