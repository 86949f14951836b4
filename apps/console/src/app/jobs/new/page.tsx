import { Suspense } from 'react';
import { NewJob } from '@/features/templates/new-job';

export default function NewJobPage() {
  return (
    <Suspense>
      <NewJob />
    </Suspense>
  );
}
